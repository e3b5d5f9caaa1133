package io.sharcs.runner.sweep;

import java.util.Objects;

/**
 * How a sweep's worker JVM is started and runs its points: the command line's main class (whose
 * {@code main} serves {@link SweepWorker#ARGUMENT}) and the option that makes a run print stack
 * traces into its log. Given by the CLI, which the sweep sits below.
 *
 * @param mainClass the class whose {@code main} takes {@code run EXPERIMENT ...}
 * @param verboseOption the global option that turns on stack traces
 */
public record ChildMain(String mainClass, String verboseOption) {
  public ChildMain {
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(verboseOption, "verboseOption");
  }
}
