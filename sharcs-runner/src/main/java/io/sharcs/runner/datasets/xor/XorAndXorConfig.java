package io.sharcs.runner.datasets.xor;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.InvalidConfigException;

/**
 * Options of the {@code xor-and-xor} data set; in files {@code size}, {@code train_size} and
 * {@code edge_noise}.
 *
 * @param size the number of generated samples, &gt;= 3
 * @param trainSize how many of the first samples form the training split, in {@code [2, size-1]}
 *     (batch normalisation needs two samples per batch); the rest is the test split
 * @param edgeNoise the ratio of random edges added to each graph (PyG {@code add_random_edge}'s
 *     {@code p}), in {@code [0, 1]}
 */
public record XorAndXorConfig(int size, int trainSize, double edgeNoise) implements DatasetConfig {

  /** The reference's values: 1000 samples, the first 800 for training, noise ratio 0.2. */
  public static final XorAndXorConfig DEFAULTS = new XorAndXorConfig(1000, 800, 0.2);

  public XorAndXorConfig {
    if (size < 3) {
      // Two training samples (batch normalisation needs two per batch) and one test sample.
      throw new InvalidConfigException(
          "size",
          "got " + size + ", expected an integer >= 3 (two training samples and one test"
              + " sample)");
    }
    if (trainSize < 2) {
      throw new InvalidConfigException(
          "train_size",
          "got " + trainSize + ", expected an integer >= 2 (batch normalisation needs two"
              + " training samples)");
    }
    if (trainSize > size - 1) {
      throw new InvalidConfigException(
          "train_size",
          "got " + trainSize + ", expected an integer in [2, " + (size - 1) + "] (size - 1)");
    }
    InvalidConfigException.requireProbability("edge_noise", edgeNoise);
  }
}
