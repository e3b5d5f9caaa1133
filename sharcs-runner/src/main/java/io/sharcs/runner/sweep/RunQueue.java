package io.sharcs.runner.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pending runs of a sweep, handed to free workers longest-expected first, so that the last
 * runs to start are short ones and a worker does not sit idle at the end while another finishes a
 * long run (list scheduling, longest processing time first).
 *
 * <p>A run's expected length is the mean wall time of the finished runs of its group (the grid
 * point without its seed: runs that differ only by seed take about as long). The order:
 *
 * <ol>
 *   <li>a run of a group none of whose runs has started yet: its length is unknown and may be the
 *       longest;
 *   <li>then the group with the longest mean; a group whose runs have started but not yet
 *       finished counts as longest;
 *   <li>ties in grid order.
 * </ol>
 *
 * <p>A run that was its worker's first includes the JVM's warm-up, so it counts only while its
 * group has no other finished run. Only completed runs are timed. The order changes no result:
 * every run seeds and builds everything itself ({@link SweepExecutor}).
 */
final class RunQueue {

  private final List<?> groups;
  private final List<Integer> pending;
  private final Set<Object> started = new HashSet<>();
  private final Map<Object, Times> finished = new HashMap<>();

  /**
   * @param groups the group of every run of the plan, by run index
   * @param pending the indices of the runs to hand out, in grid order
   */
  RunQueue(List<?> groups, Collection<Integer> pending) {
    this.groups = List.copyOf(groups);
    this.pending = new ArrayList<>(pending);
    for (int i : this.pending) {
      if (i < 0 || i >= groups.size()) {
        throw new IllegalArgumentException("run " + i + " of " + groups.size());
      }
    }
  }

  /** The next run to start, or null when none is left. */
  synchronized Integer next() {
    if (pending.isEmpty()) {
      return null;
    }
    int best = 0;
    for (int k = 1; k < pending.size(); k++) {
      if (before(pending.get(k), pending.get(best))) {
        best = k;
      }
    }
    int run = pending.remove(best);
    started.add(groups.get(run));
    return run;
  }

  /**
   * Records the wall time of a completed run.
   *
   * @param run the run's index
   * @param seconds its wall time
   * @param warm whether its worker had run another run before it
   */
  synchronized void finished(int run, double seconds, boolean warm) {
    finished.computeIfAbsent(groups.get(run), g -> new Times()).add(seconds, warm);
  }

  /** Whether run a goes before run b; when all else ties, the earlier in grid order does. */
  private boolean before(int a, int b) {
    boolean newA = !started.contains(groups.get(a));
    boolean newB = !started.contains(groups.get(b));
    if (newA != newB) {
      return newA;
    }
    double expectedA = expected(a);
    double expectedB = expected(b);
    if (expectedA != expectedB) {
      return expectedA > expectedB;
    }
    return a < b;
  }

  private double expected(int run) {
    Times t = finished.get(groups.get(run));
    return t == null ? Double.POSITIVE_INFINITY : t.mean();
  }

  /** The wall times of a group's finished runs, warm and first-in-their-worker apart. */
  private static final class Times {
    private double warmSum;
    private int warmCount;
    private double coldSum;
    private int coldCount;

    void add(double seconds, boolean warm) {
      if (warm) {
        warmSum += seconds;
        warmCount++;
      } else {
        coldSum += seconds;
        coldCount++;
      }
    }

    double mean() {
      return warmCount > 0 ? warmSum / warmCount : coldSum / coldCount;
    }
  }
}
