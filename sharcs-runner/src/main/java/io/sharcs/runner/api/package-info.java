/**
 * The Java API for programs that embed sharcs, without the command line: {@link
 * io.sharcs.runner.api.Sharcs} builds an experiment from a file or in code, trains it into a run
 * folder with a per-epoch listener, and loads a saved model that predicts and explains one sample
 * at a time. Every failure is a {@link io.sharcs.runner.api.SharcsException} with a one-line
 * message.
 */
package io.sharcs.runner.api;
