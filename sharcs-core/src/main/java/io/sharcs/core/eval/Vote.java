package io.sharcs.core.eval;

import java.util.List;

/**
 * The unimodal baseline's multimodal prediction, the reference's "vote": per sample, the head
 * that is most confident (largest maximum class probability) decides.
 *
 * <p>With the BCE-on-one-hot task loss a class probability is {@code sigmoid(logit)}; the sigmoid
 * is increasing, so the largest maximum probability is the largest maximum logit. Logits are
 * compared because they do not saturate: two probabilities that both round to 1.0f would tie.
 * Ties go to the first head in slot order, and within a head to the lowest class.
 */
public final class Vote {

  private Vote() {}

  /**
   * @param logitsPerHead per head (slot order), (rows, classes) logits; the same rows in each
   * @return per row, the predicted class
   */
  public static int[] predict(List<float[][]> logitsPerHead) {
    if (logitsPerHead.isEmpty()) {
      throw new IllegalArgumentException("a vote needs at least one head");
    }
    int rows = logitsPerHead.get(0).length;
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      int bestHead = 0;
      float bestConfidence = Float.NEGATIVE_INFINITY;
      for (int h = 0; h < logitsPerHead.size(); h++) {
        float[] row = logitsPerHead.get(h)[r];
        float confidence = row[Matrices.argMax(row)];
        if (confidence > bestConfidence) {
          bestConfidence = confidence;
          bestHead = h;
        }
      }
      out[r] = Matrices.argMax(logitsPerHead.get(bestHead)[r]);
    }
    return out;
  }
}
