package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam (PyTorch's defaults: betas 0.9 and 0.999, eps 1e-8, no weight decay) with the same fused
 * native update as DJL's {@code Adam}, but reproducible:
 *
 * <ul>
 *   <li>the bias corrections use {@link StrictMath}: {@code Math.pow} may return results one ulp
 *       apart depending on whether the JIT has compiled the caller yet, which made runs with the
 *       same seed diverge when JIT timing differed (another process on the machine, other JVM
 *       flags);
 *   <li>each parameter counts its own steps, as PyTorch does (DJL takes the maximum over all
 *       parameters).
 * </ul>
 *
 * <p>As with DJL's update, the weight's gradient is zeroed after each update.
 */
final class ReproducibleAdam {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final float learningRate;
  private final Map<String, State> states = new HashMap<>();

  ReproducibleAdam(double learningRate) {
    this.learningRate = (float) learningRate;
  }

  /** One Adam step of {@code weight} with {@code gradient}; the moments live with the weight. */
  void update(String parameterId, NDArray weight, NDArray gradient) {
    State state =
        states.computeIfAbsent(parameterId, id -> new State(weight.zerosLike(), weight.zerosLike()));
    int t = ++state.steps;
    double coef1 = 1.0 - StrictMath.pow(BETA1, t);
    double coef2 = 1.0 - StrictMath.pow(BETA2, t);
    float biasCorrected = (float) (learningRate * StrictMath.sqrt(coef2) / coef1);
    weight
        .getNDArrayInternal()
        .adamUpdate(
            new NDList(weight, gradient, state.mean, state.variance),
            new NDList(weight),
            learningRate,
            biasCorrected,
            0f,
            1f,
            -1f,
            BETA1,
            BETA2,
            EPSILON,
            true,
            false);
  }

  private static final class State {
    final NDArray mean;
    final NDArray variance;
    int steps;

    State(NDArray mean, NDArray variance) {
      this.mean = mean;
      this.variance = variance;
    }
  }
}
