package io.sharcs.core.pipeline;

import io.sharcs.core.explain.Explanations;
import java.util.Optional;

import io.sharcs.core.saved.PredictionsCsv;
import java.util.List;

/**
 * The per-epoch and per-sample tables of a run, for its run folder.
 *
 * @param history one row per training epoch (empty for the baselines)
 * @param predictions the model's prediction for every test sample (empty for the baselines)
 * @param classNames the class names the predictions use
 * @param explanations a concept model's explanations, when the run builds them
 */
public record RunTables(
    EpochHistory history,
    List<PredictionsCsv.Row> predictions,
    List<String> classNames,
    Optional<Explanations> explanations) {

  /** Tables without explanations. */
  public RunTables(
      EpochHistory history, List<PredictionsCsv.Row> predictions, List<String> classNames) {
    this(history, predictions, classNames, Optional.empty());
  }

  public RunTables {
    predictions = List.copyOf(predictions);
    classNames = List.copyOf(classNames);
    explanations = explanations == null ? Optional.empty() : explanations;
  }

  /** No tables. */
  public static RunTables none() {
    return new RunTables(EpochHistory.none(), List.of(), List.of());
  }
}
