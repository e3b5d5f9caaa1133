/**
 * {@code sharcs sweep}: a grid of runs from an experiment file's {@code sweep:} block, each run in
 * its own child JVM (started with the CLI's main class, given as {@link
 * io.sharcs.runner.sweep.ChildMain}), resumable, summarised per group of swept values.
 */
package io.sharcs.runner.sweep;
