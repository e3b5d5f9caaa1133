package io.sharcs.core;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one run.
 *
 * @param metrics flat metric names (e.g. {@code accuracy.test},
 *     {@code missing_modality_accuracy.graph}, {@code timing.total_seconds}) to values, sorted by
 *     name
 * @param engine facts about the numeric engine for provenance (engine name and version, threads)
 */
public record RunResult(SortedMap<String, Double> metrics, Map<String, String> engine) {
  public RunResult {
    metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    engine = Map.copyOf(engine);
  }
}
