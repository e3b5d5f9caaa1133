package io.sharcs.core.pipeline;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one run.
 *
 * @param metrics flat metric names (e.g. {@code accuracy.test},
 *     {@code missing_modality_accuracy.graph}, {@code timing.total_seconds}) to values, sorted by
 *     name; for a run of the core, {@link MetricNames#flatten} of its {@link RunReport}
 * @param engine facts about the numeric engine for provenance (engine name and version, threads)
 */
public record RunResult(SortedMap<String, Double> metrics, Map<String, String> engine) {
  public RunResult {
    metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    engine = Map.copyOf(engine);
  }

  /** The result of a run whose results are {@code report}: its metrics are the report's names. */
  public static RunResult of(RunReport report, Map<String, String> engine) {
    return new RunResult(MetricNames.flatten(report), engine);
  }
}
