package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The runs of one combination of the swept keys other than {@code seed}, summarised.
 *
 * @param values the group's value of each group key, aligned with {@link SweepSummary#groupKeys}
 * @param planned how many runs the group has in the grid
 * @param runs the complete runs' folders (relative to the sweep folder), in grid order
 * @param metrics every metric found in the complete runs, sorted by name
 */
record SummaryGroup(
    List<JsonNode> values, int planned, List<String> runs, SortedMap<String, MetricStats> metrics) {

  SummaryGroup {
    values = List.copyOf(values);
    runs = List.copyOf(runs);
    metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
  }
}
