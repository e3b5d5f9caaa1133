package io.sharcs.core.saved;

import io.sharcs.core.eval.Retrieved;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved model's prediction for one sample, with what it was computed from.
 *
 * @param label the predicted class (argmax of the logits; ties to the lowest class)
 * @param className that class's name
 * @param probabilities softmax of the logits, one per class
 * @param retrieved per missing modality (slot order), the bank entry that stood in for it
 * @param local per present modality (slot order), its local concepts c_m
 * @param shared per present modality (slot order), its shared concepts s_m (the local concepts
 *     for a model without a shared space)
 */
public record Prediction(
    int label,
    String className,
    double[] probabilities,
    Map<String, Retrieved> retrieved,
    Map<String, float[]> local,
    Map<String, float[]> shared) {

  public Prediction {
    probabilities = probabilities.clone();
    retrieved = Collections.unmodifiableMap(new LinkedHashMap<>(retrieved));
    local = Collections.unmodifiableMap(new LinkedHashMap<>(local));
    shared = Collections.unmodifiableMap(new LinkedHashMap<>(shared));
  }

  /** The probabilities, a copy. */
  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }
}
