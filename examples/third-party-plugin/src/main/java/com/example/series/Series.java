package com.example.series;

import java.util.Arrays;

/**
 * One time series: equally spaced measurements.
 *
 * @param values the measurements, in time order
 */
public record Series(float[] values) {
  public Series {
    values = values.clone();
  }

  /** The number of measurements. */
  public int length() {
    return values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Series s && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "series of " + values.length + " " + Arrays.toString(values);
  }
}
