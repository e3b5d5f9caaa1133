package io.sharcs.core.config;

import java.util.Objects;

/**
 * Everything about one training run that is not data or modality-specific.
 *
 * @param seed the master seed; every random stream of the run is derived from it
 * @param mode the model to train
 * @param protocol the training/evaluation protocol
 * @param model sizes of the core's blocks
 * @param training optimisation settings
 * @param explain whether a concept model's explanations (catalogue, trees, maps, examples) are
 *     built after its evaluation, for the run report
 */
public record RunSettings(
    long seed,
    Mode mode,
    Protocol protocol,
    ModelConfig model,
    TrainingConfig training,
    boolean explain) {

  /** Settings that build explanations. */
  public RunSettings(
      long seed, Mode mode, Protocol protocol, ModelConfig model, TrainingConfig training) {
    this(seed, mode, protocol, model, training, true);
  }

  public RunSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(training, "training");
  }
}
