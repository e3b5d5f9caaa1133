package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The task loss of the reference: binary cross-entropy with logits against one-hot targets
 * (a sum of per-class binary losses, averaged over batch x classes), not softmax cross-entropy;
 * optionally with a positive weight per class, as PyTorch's {@code pos_weight}.
 */
public final class TaskLoss {

  private final float[] positiveWeights;

  /** @param positiveWeights one weight per class, or null for none */
  public TaskLoss(float[] positiveWeights) {
    this.positiveWeights = positiveWeights == null ? null : positiveWeights.clone();
  }

  /** The reference's class weights (N - n_c) / n_c over the training labels. */
  public static float[] classWeights(int[] labels, int classes) {
    int[] counts = new int[classes];
    for (int y : labels) {
      counts[y]++;
    }
    float[] weights = new float[classes];
    for (int c = 0; c < classes; c++) {
      weights[c] = counts[c] == 0 ? 1f : (labels.length - counts[c]) / (float) counts[c];
    }
    return weights;
  }

  /**
   * @param logits (B, C)
   * @param labels B class indices
   * @return the scalar loss
   */
  public NDArray compute(NDArray logits, int[] labels) {
    int classes = (int) logits.getShape().get(1);
    NDManager manager = logits.getManager();
    float[] target = new float[labels.length * classes];
    float[] weight = new float[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      target[i * classes + labels[i]] = 1f;
      for (int c = 0; c < classes; c++) {
        boolean positive = c == labels[i];
        weight[i * classes + c] = positive && positiveWeights != null ? positiveWeights[c] : 1f;
      }
    }
    Shape shape = logits.getShape();
    NDArray y = manager.create(target, shape);
    NDArray w = manager.create(weight, shape);
    // -log sigmoid(x) = softplus(-x) and -log(1 - sigmoid(x)) = softplus(x)
    NDArray positiveTerm = softplus(logits.neg()).mul(y);
    NDArray negativeTerm = softplus(logits).mul(y.neg().add(1f));
    return positiveTerm.add(negativeTerm).mul(w).mean();
  }

  /** log(1 + e^x) computed without overflow. */
  static NDArray softplus(NDArray x) {
    return Activation.relu(x).add(x.abs().neg().exp().add(1f).log());
  }
}
