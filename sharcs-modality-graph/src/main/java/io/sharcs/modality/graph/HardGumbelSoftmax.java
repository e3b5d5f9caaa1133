package io.sharcs.modality.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.nn.Tensors;

/**
 * The straight-through hard Gumbel-softmax over the last axis, as {@code
 * torch.nn.functional.gumbel_softmax(logits, tau, hard=True)}: the forward value is the one-hot
 * argmax of {@code logits + g}, the gradient is that of {@code softmax((logits + g) / tau)}.
 */
final class HardGumbelSoftmax {

  // torch's uniform_ never returns its upper bound, so U in [MIN_UNIFORM, 1) keeps both logs
  // finite. A float draw of exactly 0 (chance 2^-24) would give an infinite score, and an XOR
  // training run draws about 10^7 values: it would happen about every second run.
  private static final float MIN_UNIFORM = 1e-20f;

  private HardGumbelSoftmax() {}

  /**
   * Adds Gumbel noise to {@code logits} and applies {@link #straightThrough}. The noise comes from
   * the engine's generator (seeded by {@code Engine.setRandomSeed}) and is attached to the logits'
   * manager.
   */
  static NDArray sample(NDArray logits, float temperature) {
    // logits + g = logits - log(-log U): one native call less than adding gumbelNoise(...).
    NDArray negNoise =
        minusGumbelNoise(logits.getManager(), logits.getShape(), logits.getDataType());
    return straightThrough(logits.sub(negNoise), temperature);
  }

  /** Standard Gumbel noise {@code -log(-log(U))}, U uniform. */
  static NDArray gumbelNoise(NDManager manager, Shape shape, DataType dataType) {
    return minusGumbelNoise(manager, shape, dataType).neg();
  }

  private static NDArray minusGumbelNoise(NDManager manager, Shape shape, DataType dataType) {
    return manager.randomUniform(MIN_UNIFORM, 1f, shape, dataType).log().neg().log();
  }

  /**
   * The one-hot argmax of {@code scores} in the forward pass with the gradient of {@code
   * softmax(scores / temperature)}.
   *
   * <p>Written {@code hard + (soft - stopGradient(soft))} rather than the usual {@code hard -
   * stopGradient(soft) + soft}: the bracket is exactly 0 in floating point, so the forward value
   * is exactly one-hot and pooled node counts are exact integers.
   */
  static NDArray straightThrough(NDArray scores, float temperature) {
    NDArray soft = softmax(scores, temperature);
    return oneHotArgMax(scores).add(soft.sub(soft.stopGradient()));
  }

  /**
   * {@code softmax(scores / temperature)} over the last axis, written out. On the small (B, n, k)
   * arrays of this layer PyTorch's fused softmax (through DJL) measured about 3x slower in the
   * forward pass (115 vs 35 microseconds for 64 x 10 x 7 on one thread); with the backward pass
   * included both forms cost the same, so it pays when evaluation samples too.
   */
  static NDArray softmax(NDArray scores, float temperature) {
    int[] last = {scores.getShape().dimension() - 1};
    // Softmax is shift invariant, so the stabilising max needs no gradient (and no max backward).
    NDArray shifted = scores.sub(scores.max(last, true).stopGradient());
    NDArray scaled =
        temperature == 1f
            ? shifted
            : shifted.div(Tensors.scalar(shifted.getManager(), temperature));
    NDArray exp = scaled.exp();
    return exp.div(exp.sum(last, true));
  }

  /** The one-hot argmax over the last axis (ties go to the lowest index), without gradient. */
  static NDArray oneHotArgMax(NDArray scores) {
    Shape shape = scores.getShape();
    int axis = shape.dimension() - 1;
    return scores.argMax(axis).oneHot((int) shape.get(axis), scores.getDataType());
  }
}
