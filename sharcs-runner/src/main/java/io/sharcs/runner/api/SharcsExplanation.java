package io.sharcs.runner.api;

import java.util.List;

/**
 * A prediction with the concepts it was computed from.
 *
 * @param prediction the prediction, as {@link SharcsModel#predict} gives it
 * @param concepts the concepts that are on, per present modality in the model's modality order:
 *     first its local concepts, then (for a model with a shared space) its shared concepts, each
 *     by index
 */
public record SharcsExplanation(SharcsPrediction prediction, List<ActiveConcept> concepts) {

  public SharcsExplanation {
    concepts = List.copyOf(concepts);
  }
}
