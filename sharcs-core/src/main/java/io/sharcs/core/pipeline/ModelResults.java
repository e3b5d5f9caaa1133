package io.sharcs.core.pipeline;

import io.sharcs.core.eval.Accuracies;
import io.sharcs.core.eval.ConceptResults;
import io.sharcs.core.eval.MissingModalityResult;
import io.sharcs.core.eval.RetrievalResult;
import io.sharcs.core.eval.RobustnessResult;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one model pipeline measured: the results of its evaluators, empty where the mode does not
 * run them.
 *
 * @param accuracy the accuracies on both splits
 * @param missingModality missing-modality retrieval, per modality
 * @param retrieval cross-modal retrieval, per ordered pair of modalities
 * @param robustness the robustness tests, per modality
 * @param concepts concept completeness and clusters (the concept models)
 * @param anchors the number of parallel anchors (the anchors baseline)
 * @param finalLoss the mean training loss of the last epoch
 * @param timings the stages' wall times
 */
public record ModelResults(
    Accuracies accuracy,
    List<MissingModalityResult> missingModality,
    List<RetrievalResult> retrieval,
    List<RobustnessResult> robustness,
    Optional<ConceptResults> concepts,
    OptionalInt anchors,
    double finalLoss,
    Timings timings) {

  public ModelResults {
    missingModality = List.copyOf(missingModality);
    retrieval = List.copyOf(retrieval);
    robustness = List.copyOf(robustness);
  }
}
