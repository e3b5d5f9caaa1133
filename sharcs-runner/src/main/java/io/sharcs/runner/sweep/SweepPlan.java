package io.sharcs.runner.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated sweep: every grid point loaded and resolved, every run folder checked.
 *
 * @param experiment the experiment name
 * @param folder the sweep folder, where the summaries go (absolute)
 * @param keys the swept keys in grid order
 * @param runs the runs in grid order
 */
record SweepPlan(String experiment, Path folder, List<SweepKey> keys, List<PlannedRun> runs) {

  SweepPlan {
    keys = List.copyOf(keys);
    runs = List.copyOf(runs);
  }

  /** The runs still to do. */
  List<PlannedRun> pending() {
    return runs.stream().filter(r -> !r.complete()).toList();
  }

  /** The keys that define the summary groups: all but {@code seed}. */
  List<SweepKey> groupKeys() {
    return keys.stream().filter(k -> !k.isSeed()).toList();
  }
}
