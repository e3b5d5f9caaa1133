package io.sharcs.modality.graph;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;

/**
 * Options of the graph concept encoder (a dense GCN followed by a per-node hard Gumbel-softmax
 * and sum-pooling). In experiment files the components are written in snake_case ({@code
 * negative_slope}).
 *
 * @param layers the number of GCN layers, counting the last one that outputs the k concept
 *     logits per node; 1 means a single layer from the node features straight to k
 * @param hidden the width of every hidden GCN layer
 * @param negativeSlope the slope of the LeakyReLU that follows every layer, the last included
 * @param temperature the Gumbel-softmax temperature; it changes the straight-through gradient,
 *     not the forward value (the one-hot argmax does not depend on it)
 */
public record GraphEncoderConfig(int layers, int hidden, double negativeSlope, double temperature)
    implements EncoderConfig {

  /** The reference's XOR-AND-XOR encoder: five GCN layers of width 30, slope 0.01, tau 1. */
  public static final GraphEncoderConfig DEFAULTS = new GraphEncoderConfig(5, 30, 0.01, 1.0);

  /** Validates every field; the exception names the field as files spell it. */
  public GraphEncoderConfig {
    InvalidConfigException.requirePositive("layers", layers);
    InvalidConfigException.requirePositive("hidden", hidden);
    // A slope outside [0, 1] is no longer a leaky ReLU (it would flip or amplify negatives).
    InvalidConfigException.requireProbability("negative_slope", negativeSlope);
    InvalidConfigException.requirePositive("temperature", temperature);
  }
}
