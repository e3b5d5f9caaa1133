package io.sharcs.core.eval;

import java.util.List;

/**
 * What missing-modality retrieval needs from a trained model: the space it searches and the
 * predictor that reads it. For SHARCS the space is the shared concept space ({@link Inference});
 * for the anchors baseline it is the space of relative representations.
 */
public interface RetrievalSpace {

  /**
   * The vectors (evaluation mode) of raw inputs of {@code slot} in this space, one row per input.
   * The raw inputs may be counterpart renderings of another modality's content in {@code slot}.
   */
  float[][] represent(int slot, List<Object> raw);

  /** The predictor's class (argmax) for the given vectors of every slot, one row per sample. */
  int[] predict(List<float[][]> perSlot);
}
