package io.sharcs.runner.sweep;

import java.util.Objects;

/**
 * How a child JVM of a sweep runs one point: the command line's main class and the option that
 * makes it print stack traces into the run's log. Given by the CLI, which the sweep sits below.
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
