package io.sharcs.modality.graph;

import io.sharcs.api.InvalidConfigException;
import java.util.Locale;

/**
 * Options of the graph plugin's {@code spline} architecture (the reference's MNIST encoder, a
 * SplineCNN): {@code SplineConv(F -> hidden)}, ELU, graclus pooling, {@code SplineConv(hidden ->
 * k)}, ELU, a hard Gumbel-softmax per node, graclus pooling again, and a sum per graph. Written
 * under {@code spline:} of the graph encoder options, snake_case.
 *
 * @param hidden the output width of the first SplineConv (the reference's 32)
 * @param kernelSize the open B-spline kernel size per pseudo-coordinate dimension (the
 *     reference's 5: 25 kernel weights in 2-D); the splines are of degree 1
 * @param coarsening {@code graclus} (the reference's greedy matching on normalised-cut weights,
 *     each pair max-pooled, twice) or {@code none} (no pooling: both SplineConvs on the input
 *     graph)
 */
public record SplineOptions(int hidden, int kernelSize, String coarsening) {

  /** The graclus pooling of the reference. */
  public static final String GRACLUS = "graclus";

  /** No pooling. */
  public static final String NONE = "none";

  /** The reference's MNIST encoder: width 32, kernel size 5, graclus. */
  public static final SplineOptions DEFAULTS = new SplineOptions(32, 5, GRACLUS);

  /** Validates every field; the exception names the field as files spell it. */
  public SplineOptions {
    InvalidConfigException.requirePositive("hidden", hidden);
    // Degree-1 open splines need two knots per dimension; 8 already means 64 weights in 2-D and
    // 512 in 3-D, more than the graphs' edges can inform.
    if (kernelSize < 2 || kernelSize > 8) {
      throw new InvalidConfigException(
          "kernel_size", "got " + kernelSize + ", expected an integer in [2, 8]");
    }
    String id = coarsening == null ? GRACLUS : coarsening.trim().toLowerCase(Locale.ROOT);
    if (!id.equals(GRACLUS) && !id.equals(NONE)) {
      throw new InvalidConfigException(
          "coarsening", "got '" + coarsening + "', expected graclus or none");
    }
    coarsening = id;
  }

  /** Whether the graph is coarsened by graclus matching between the layers. */
  public boolean graclus() {
    return GRACLUS.equals(coarsening);
  }
}
