package io.sharcs.core.pipeline;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one run. A run of the core never has a NaN or infinite metric: {@link #of} fails
 * instead.
 *
 * @param metrics flat metric names (e.g. {@code accuracy.test},
 *     {@code missing_modality_accuracy.graph}, {@code timing.total_seconds}) to values, sorted by
 *     name; for a run of the core, {@link MetricNames#flatten} of its {@link RunReport}
 * @param engine facts about the numeric engine for provenance (engine name and version, threads)
 * @param tables the run's per-epoch history and per-sample test predictions
 */
public record RunResult(
    SortedMap<String, Double> metrics, Map<String, String> engine, RunTables tables) {
  public RunResult {
    metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    engine = Map.copyOf(engine);
    tables = tables == null ? RunTables.none() : tables;
  }

  /** A result without tables. */
  public RunResult(SortedMap<String, Double> metrics, Map<String, String> engine) {
    this(metrics, engine, RunTables.none());
  }

  /**
   * This result with {@code more} metrics added, replacing any of the same name (the runner adds
   * the wall times of the phases around the core's run).
   */
  public RunResult with(Map<String, Double> more) {
    SortedMap<String, Double> all = new TreeMap<>(metrics);
    all.putAll(more);
    return new RunResult(all, engine, tables);
  }

  /** The result of a run whose results are {@code report}: its metrics are the report's names. */
  public static RunResult of(RunReport report, Map<String, String> engine) {
    return of(report, engine, RunTables.none());
  }

  /** As {@link #of(RunReport, Map)}, with the run's tables. */
  public static RunResult of(RunReport report, Map<String, String> engine, RunTables tables) {
    SortedMap<String, Double> metrics = MetricNames.flatten(report);
    tables.explanations().ifPresent(e -> metrics.putAll(e.metrics()));
    for (Map.Entry<String, Double> m : metrics.entrySet()) {
      if (!Double.isFinite(m.getValue())) {
        // Validation (batch size and splits of at least two and one samples) and the training
        // loop's divergence check rule this out: a bug, not to be written as NaN.
        throw new IllegalStateException(
            "metric " + m.getKey() + " is " + m.getValue() + ", expected a finite number");
      }
    }
    return new RunResult(metrics, engine, tables);
  }
}
