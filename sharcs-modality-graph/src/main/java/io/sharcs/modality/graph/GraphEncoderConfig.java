package io.sharcs.modality.graph;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;
import java.util.Locale;

/**
 * Options of the graph concept encoder. In experiment files the components are written in
 * snake_case ({@code negative_slope}).
 *
 * <p>Two architectures, both ending in a per-node hard Gumbel-softmax and a sum over the nodes:
 * {@code gcn} (the default, the reference's XOR-AND-XOR encoder: a stack of dense GCN layers,
 * configured by {@code layers}, {@code hidden} and {@code negative_slope}) and {@code spline}
 * (the reference's MNIST encoder: two SplineConv layers over the edges' pseudo-coordinates with
 * graclus coarsening, configured by {@code spline}; see {@link SplineOptions}).
 *
 * @param layers the number of GCN layers, counting the last one that outputs the k concept
 *     logits per node; 1 means a single layer from the node features straight to k ({@code gcn})
 * @param hidden the width of every hidden GCN layer ({@code gcn})
 * @param negativeSlope the slope of the LeakyReLU that follows every GCN layer, the last
 *     included ({@code gcn})
 * @param temperature the Gumbel-softmax temperature; it changes the straight-through gradient,
 *     not the forward value (the one-hot argmax does not depend on it)
 * @param architecture {@code gcn} or {@code spline}; null means {@code gcn}
 * @param spline the options of the {@code spline} architecture; null means {@link
 *     SplineOptions#DEFAULTS}
 */
public record GraphEncoderConfig(
    int layers,
    int hidden,
    double negativeSlope,
    double temperature,
    String architecture,
    SplineOptions spline)
    implements EncoderConfig {

  /** The architecture id of the dense GCN stack (the default). */
  public static final String GCN = "gcn";

  /** The architecture id of the SplineConv encoder with graclus coarsening. */
  public static final String SPLINE = "spline";

  /** The reference's XOR-AND-XOR encoder: five GCN layers of width 30, slope 0.01, tau 1. */
  public static final GraphEncoderConfig DEFAULTS = new GraphEncoderConfig(5, 30, 0.01, 1.0);

  /** Validates every field; the exception names the field as files spell it. */
  public GraphEncoderConfig {
    InvalidConfigException.requirePositive("layers", layers);
    InvalidConfigException.requirePositive("hidden", hidden);
    // A slope outside [0, 1] is no longer a leaky ReLU (it would flip or amplify negatives).
    InvalidConfigException.requireProbability("negative_slope", negativeSlope);
    InvalidConfigException.requirePositive("temperature", temperature);
    String id = architecture == null ? GCN : architecture.trim().toLowerCase(Locale.ROOT);
    if (!id.equals(GCN) && !id.equals(SPLINE)) {
      throw new InvalidConfigException(
          "architecture", "got '" + architecture + "', expected gcn or spline");
    }
    architecture = id;
    spline = spline == null ? SplineOptions.DEFAULTS : spline;
  }

  /** A {@code gcn} encoder. */
  public GraphEncoderConfig(int layers, int hidden, double negativeSlope, double temperature) {
    this(layers, hidden, negativeSlope, temperature, GCN, SplineOptions.DEFAULTS);
  }

  /** The reference's MNIST encoder ({@code spline} with {@link SplineOptions#DEFAULTS}). */
  public static GraphEncoderConfig spline(SplineOptions options) {
    return new GraphEncoderConfig(
        DEFAULTS.layers, DEFAULTS.hidden, DEFAULTS.negativeSlope, DEFAULTS.temperature, SPLINE,
        options);
  }

  /**
   * Whether this is the {@code spline} architecture. (Not named {@code isSpline}: the config binder
   * would read that as a second property {@code spline}, a boolean.)
   */
  public boolean usesSpline() {
    return SPLINE.equals(architecture);
  }
}
