package com.example.series;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.InvalidConfigException;

/**
 * The options of the {@code series-and-table} data set ({@code dataset:} in an experiment).
 *
 * @param size the number of samples
 * @param trainSize how many of them form the training split (the rest are the test split)
 * @param length the time steps of each series
 * @param noise the standard deviation of the noise added to every series value
 */
public record SeriesTableConfig(int size, int trainSize, int length, double noise)
    implements DatasetConfig {

  /** The defaults: 400 samples, 320 for training, series of 32 steps, noise 0.3. */
  public static final SeriesTableConfig DEFAULTS = new SeriesTableConfig(400, 320, 32, 0.3);

  public SeriesTableConfig {
    InvalidConfigException.requirePositive("size", size);
    InvalidConfigException.requirePositive("train_size", trainSize);
    InvalidConfigException.requirePositive("length", length);
    if (trainSize >= size) {
      throw new InvalidConfigException(
          "train_size", "got " + trainSize + ", expected less than size " + size);
    }
    if (!(noise >= 0) || !Double.isFinite(noise)) {
      throw new InvalidConfigException("noise", "got " + noise + ", expected a number >= 0");
    }
  }
}
