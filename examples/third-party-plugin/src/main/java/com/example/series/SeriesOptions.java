package com.example.series;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;

/**
 * The series encoder's options, written under {@code encoder:} in an experiment file.
 *
 * @param filters the number of convolution filters
 * @param kernel the convolution's width in time steps
 */
public record SeriesOptions(int filters, int kernel) implements EncoderConfig {

  /** The options used for keys an experiment leaves out. */
  public static final SeriesOptions DEFAULTS = new SeriesOptions(8, 5);

  public SeriesOptions {
    InvalidConfigException.requirePositive("filters", filters);
    InvalidConfigException.requirePositive("kernel", kernel);
  }
}
