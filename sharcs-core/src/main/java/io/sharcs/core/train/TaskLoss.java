package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.sharcs.api.nn.Tensors;

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
    // With target y and positive weight w, the per-logit loss
    //   w*y*softplus(-x) + (1-y)*softplus(x)  =  softplus(x)*(w*y + 1 - y) - x*(w*y)
    // since softplus(-x) = softplus(x) - x. Both factors are known in Java, which keeps the
    // graph to a few native ops per batch.
    float[] scale = new float[labels.length * classes];
    float[] target = new float[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      for (int c = 0; c < classes; c++) {
        scale[i * classes + c] = 1f;
      }
      float w = positiveWeights == null ? 1f : positiveWeights[labels[i]];
      scale[i * classes + labels[i]] = w;
      target[i * classes + labels[i]] = w;
    }
    NDManager manager = logits.getManager();
    Shape shape = logits.getShape();
    NDArray perLogit = softplus(logits);
    if (positiveWeights != null) {
      perLogit = perLogit.mul(Tensors.create(manager, scale, shape));
    }
    return perLogit.sub(logits.mul(Tensors.create(manager, target, shape))).mean();
  }

  /** log(1 + e^x): PyTorch's softplus, stable for large |x| (one native op). */
  static NDArray softplus(NDArray x) {
    return Activation.softPlus(x);
  }
}
