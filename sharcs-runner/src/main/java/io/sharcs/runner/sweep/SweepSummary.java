package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The summary of a sweep: per group (every combination of the swept keys except {@code seed}, in
 * grid order), mean, sample standard deviation and n of every metric of its complete runs. It
 * depends only on the plan and the runs' metrics, so a resumed sweep summarises exactly as an
 * uninterrupted one.
 *
 * @param experiment the experiment name
 * @param keys every swept key, in grid order
 * @param groupKeys the swept keys except {@code seed}
 * @param planned the number of runs in the grid
 * @param complete the number of complete runs
 * @param groups the groups in grid order
 */
record SweepSummary(
    String experiment,
    List<String> keys,
    List<String> groupKeys,
    int planned,
    int complete,
    List<SummaryGroup> groups) {

  SweepSummary {
    keys = List.copyOf(keys);
    groupKeys = List.copyOf(groupKeys);
    groups = List.copyOf(groups);
  }

  /**
   * Summarises {@code plan}.
   *
   * @param metrics the metrics of each complete run, by {@link PlannedRun#name()}; runs missing
   *     here (failed) count in {@code planned} only
   */
  static SweepSummary of(SweepPlan plan, Map<String, SortedMap<String, Double>> metrics) {
    Map<List<JsonNode>, List<PlannedRun>> byGroup = new LinkedHashMap<>();
    for (PlannedRun r : plan.runs()) {
      byGroup.computeIfAbsent(r.point().group(), g -> new ArrayList<>()).add(r);
    }
    List<SummaryGroup> groups = new ArrayList<>();
    int complete = 0;
    for (Map.Entry<List<JsonNode>, List<PlannedRun>> g : byGroup.entrySet()) {
      List<String> runs = new ArrayList<>();
      TreeSet<String> names = new TreeSet<>();
      for (PlannedRun r : g.getValue()) {
        SortedMap<String, Double> m = metrics.get(r.name());
        if (m != null) {
          runs.add(r.name());
          names.addAll(m.keySet());
        }
      }
      complete += runs.size();
      SortedMap<String, MetricStats> stats = new TreeMap<>();
      for (String name : names) {
        List<Double> values = new ArrayList<>();
        for (String run : runs) {
          Double v = metrics.get(run).get(name);
          if (v != null) {
            values.add(v);
          }
        }
        stats.put(name, MetricStats.of(values));
      }
      groups.add(new SummaryGroup(g.getKey(), g.getValue().size(), runs, stats));
    }
    return new SweepSummary(
        plan.experiment(),
        plan.keys().stream().map(SweepKey::key).toList(),
        plan.groupKeys().stream().map(SweepKey::key).toList(),
        plan.runs().size(), complete, groups);
  }
}
