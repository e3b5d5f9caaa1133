package io.sharcs.runner.sweep;

import java.nio.file.Path;
import java.util.Objects;
import java.util.SortedMap;

/**
 * What became of one run of a sweep.
 *
 * @param run the planned run
 * @param status what happened
 * @param seconds the wall time of the child process (0 for a skipped run)
 * @param metrics the run's metrics; null unless the run is complete
 * @param reason why it failed (the child's error line); null unless it failed or was cancelled
 * @param log the child's output; null unless the run was started
 */
record RunOutcome(
    PlannedRun run,
    Status status,
    double seconds,
    SortedMap<String, Double> metrics,
    String reason,
    Path log) {

  /** What happened to a run. */
  enum Status {
    /** Already complete before the sweep: not run again. */
    SKIPPED,
    /** Run now, complete. */
    DONE,
    /** Run now, failed (or stopped with the sweep). */
    FAILED,
    /** Not started: the sweep was being stopped. */
    CANCELLED
  }

  RunOutcome {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(status, "status");
    if ((status == Status.SKIPPED || status == Status.DONE) != (metrics != null)) {
      throw new IllegalArgumentException(status + " with metrics " + metrics);
    }
  }

  boolean complete() {
    return metrics != null;
  }
}
