package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import io.sharcs.api.nn.Tensors;
import java.util.ArrayList;
import java.util.List;

/**
 * Scales the gradient of a set of parameters down to a largest global L2 norm, as PyTorch's
 * {@code clip_grad_norm_} does (without its 1e-6 in the divisor: the scale is exactly {@code
 * max / norm}). The norm is taken over all parameters together, so the gradient keeps its
 * direction.
 */
public final class GradientClipping {

  private final double maxNorm;

  /** @param maxNorm the largest global norm, &gt; 0 */
  public GradientClipping(double maxNorm) {
    if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
      throw new IllegalArgumentException("maxNorm must be finite and > 0, got " + maxNorm);
    }
    this.maxNorm = maxNorm;
  }

  /**
   * Clips the current gradients of {@code parameters} in place.
   *
   * @return the global norm before clipping
   */
  public double apply(List<Parameter> parameters) {
    List<NDArray> gradients = new ArrayList<>(parameters.size());
    double squares = 0;
    for (Parameter p : parameters) {
      NDArray g = p.getArray().getGradient();
      gradients.add(g);
      // Summed in double, parameter by parameter in a fixed order: the same norm every run.
      squares += g.square().sum().toType(DataType.FLOAT64, false).getDouble();
    }
    double norm = Math.sqrt(squares);
    if (norm > maxNorm) {
      float scale = (float) (maxNorm / norm);
      for (NDArray g : gradients) {
        g.muli(Tensors.scalar(g.getManager(), scale));
      }
    }
    return norm;
  }
}
