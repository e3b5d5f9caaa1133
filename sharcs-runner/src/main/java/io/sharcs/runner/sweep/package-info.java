/**
 * {@code sharcs sweep}: a grid of runs from an experiment file's {@code sweep:} block, its runs in
 * worker JVMs, one run after another (started with the CLI's main class, given as {@link
 * io.sharcs.runner.sweep.ChildMain}; {@link io.sharcs.runner.sweep.SweepWorker}), resumable, summarised per group of swept values.
 */
package io.sharcs.runner.sweep;
