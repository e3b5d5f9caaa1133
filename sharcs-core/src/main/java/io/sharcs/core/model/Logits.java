package io.sharcs.core.model;

import ai.djl.ndarray.NDArray;

/** Reading predictions off the predictor's logits. */
public final class Logits {

  private Logits() {}

  /** How many rows' argmax equals their label. */
  public static long countCorrect(NDArray logits, int[] labels) {
    long[] predicted = logits.argMax(1).toLongArray();
    long correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predicted[i] == labels[i]) {
        correct++;
      }
    }
    return correct;
  }
}
