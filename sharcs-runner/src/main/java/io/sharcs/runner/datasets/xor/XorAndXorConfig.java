package io.sharcs.runner.datasets.xor;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.InvalidConfigException;

/**
 * Options of the {@code xor-and-xor} data set; in files {@code size}, {@code train_size} and
 * {@code edge_noise}.
 *
 * @param size the number of generated samples, &gt;= 2
 * @param trainSize how many of the first samples form the training split, in {@code [1, size-1]};
 *     the rest is the test split
 * @param edgeNoise the ratio of random edges added to each graph (PyG {@code add_random_edge}'s
 *     {@code p}), in {@code [0, 1]}
 */
public record XorAndXorConfig(int size, int trainSize, double edgeNoise) implements DatasetConfig {

  /** The reference's values: 1000 samples, the first 800 for training, noise ratio 0.2. */
  public static final XorAndXorConfig DEFAULTS = new XorAndXorConfig(1000, 800, 0.2);

  public XorAndXorConfig {
    if (size < 2) {
      // Both splits must be non-empty.
      throw new InvalidConfigException("size", "got " + size + ", expected an integer >= 2");
    }
    if (trainSize < 1 || trainSize > size - 1) {
      throw new InvalidConfigException(
          "train_size",
          "got " + trainSize + ", expected an integer in [1, " + (size - 1) + "] (size - 1)");
    }
    InvalidConfigException.requireProbability("edge_noise", edgeNoise);
  }
}
