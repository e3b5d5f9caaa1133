package io.sharcs.runner.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved model's prediction for one sample.
 *
 * @param className the predicted class's name (the class of highest probability; ties to the
 *     first class)
 * @param label that class's index in {@link SharcsModel#classNames()}
 * @param probabilities each class's probability (softmax of the model's logits), by class name
 *     in class order
 * @param retrieved for each modality the sample lacked, in the model's modality order: the
 *     training sample whose concepts stood in for it
 */
public record SharcsPrediction(
    String className,
    int label,
    Map<String, Double> probabilities,
    Map<String, RetrievedSample> retrieved) {

  public SharcsPrediction {
    probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    retrieved = Collections.unmodifiableMap(new LinkedHashMap<>(retrieved));
  }

  /** The probability of the predicted class. */
  public double confidence() {
    return probabilities.get(className);
  }
}
