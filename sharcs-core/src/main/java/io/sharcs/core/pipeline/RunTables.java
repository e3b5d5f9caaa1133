package io.sharcs.core.pipeline;

import io.sharcs.core.saved.PredictionsCsv;
import java.util.List;

/**
 * The per-epoch and per-sample tables of a run, for its run folder.
 *
 * @param history one row per training epoch (empty for the baselines)
 * @param predictions the model's prediction for every test sample (empty for the baselines)
 * @param classNames the class names the predictions use
 */
public record RunTables(
    EpochHistory history, List<PredictionsCsv.Row> predictions, List<String> classNames) {

  public RunTables {
    predictions = List.copyOf(predictions);
    classNames = List.copyOf(classNames);
  }

  /** No tables. */
  public static RunTables none() {
    return new RunTables(EpochHistory.none(), List.of(), List.of());
  }
}
