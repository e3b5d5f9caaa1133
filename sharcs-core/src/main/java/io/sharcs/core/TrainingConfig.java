package io.sharcs.core;

import static io.sharcs.api.InvalidConfigException.requireNonNegative;
import static io.sharcs.api.InvalidConfigException.requirePositive;
import static io.sharcs.api.InvalidConfigException.requireProbability;

import io.sharcs.api.InvalidConfigException;

/**
 * How the model is trained.
 *
 * @param epochs passes over the training split, &gt;= 1
 * @param batchSize samples per mini-batch
 * @param learningRate Adam's learning rate
 * @param lambda weight of the semantic regulariser d in the loss (SHARCS mode)
 * @param pairProbability probability that a sample seeks a cross-modal partner for d
 * @param classWeights weigh each class's BCE term by (N - n_c) / n_c, as the reference does for
 *     MNIST
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    double learningRate,
    double lambda,
    double pairProbability,
    boolean classWeights) {

  /** The XOR-AND-XOR values of the reference. */
  public static final TrainingConfig DEFAULTS = new TrainingConfig(150, 64, 1e-3, 0.1, 0.1, false);

  public TrainingConfig {
    if (epochs < 1) {
      throw new InvalidConfigException("epochs", "got " + epochs + ", expected an integer >= 1");
    }
    requirePositive("batch_size", batchSize);
    requirePositive("learning_rate", learningRate);
    requireNonNegative("lambda", lambda);
    requireProbability("pair_probability", pairProbability);
  }
}
