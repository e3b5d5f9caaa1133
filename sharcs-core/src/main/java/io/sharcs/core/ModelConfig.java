package io.sharcs.core;

import static io.sharcs.api.InvalidConfigException.requirePositive;

/**
 * Sizes of the parts the core assembles around the plugins' local concept encoders.
 *
 * @param concepts k, the number of concepts per modality (local and shared)
 * @param steepness a in the concept activation sigmoid(a * x), for local and shared concepts
 * @param projectionHidden hidden width of each projection h_m (Linear k-&gt;hidden, ReLU,
 *     Linear hidden-&gt;k)
 * @param predictorHidden hidden width of the label predictor f
 */
public record ModelConfig(int concepts, double steepness, int projectionHidden, int predictorHidden) {

  /** The XOR-AND-XOR values of the reference. */
  public static final ModelConfig DEFAULTS = new ModelConfig(7, 5.0, 7, 10);

  public ModelConfig {
    requirePositive("concepts", concepts);
    requirePositive("steepness", steepness);
    requirePositive("projection_hidden", projectionHidden);
    requirePositive("predictor_hidden", predictorHidden);
  }
}
