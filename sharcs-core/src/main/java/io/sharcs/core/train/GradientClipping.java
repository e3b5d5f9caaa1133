package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
    // Gradient handles and temporaries live in the model's manager: closed here (as
    // ReproducibleAdam does), or every step would leave arrays behind for the whole run. Closing
    // a handle leaves the parameter's gradient in place.
    try (NDList temporaries = new NDList()) {
      // Each array's sum of squares, added in double precision in parameter order on the native
      // side: one read back per step instead of one per parameter, and a fixed order, so the
      // same norm every run.
      NDArray total = null;
      for (Parameter p : parameters) {
        NDArray g = keep(temporaries, p.getArray().getGradient());
        gradients.add(g);
        NDArray square = keep(temporaries, g.square());
        NDArray sum = keep(temporaries, square.sum());
        NDArray squares = keep(temporaries, sum.toType(DataType.FLOAT64, false));
        total = total == null ? squares : keep(temporaries, total.add(squares));
      }
      double norm = total == null ? 0 : Math.sqrt(total.getDouble());
      if (norm > maxNorm) {
        float scale = (float) (maxNorm / norm);
        for (NDArray g : gradients) {
          g.muli(keep(temporaries, Tensors.scalar(g.getManager(), scale)));
        }
      }
      return norm;
    }
  }

  private static NDArray keep(NDList temporaries, NDArray array) {
    temporaries.add(array);
    return array;
  }
}
