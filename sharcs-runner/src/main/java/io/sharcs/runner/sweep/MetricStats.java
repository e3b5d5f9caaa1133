package io.sharcs.runner.sweep;

import java.util.List;

/**
 * One metric over the runs of a group.
 *
 * @param mean the arithmetic mean
 * @param std the sample standard deviation (divisor n - 1); 0 for a single run
 * @param n the number of runs
 */
record MetricStats(double mean, double std, int n) {

  MetricStats {
    if (n < 1) {
      throw new IllegalArgumentException("n = " + n + ", expected >= 1");
    }
  }

  /** The statistics of {@code values}, summed in the given order: equal inputs, equal bits. */
  static MetricStats of(List<Double> values) {
    int n = values.size();
    if (n == 0) {
      throw new IllegalArgumentException("no values");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n == 1) {
      return new MetricStats(mean, 0, 1);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new MetricStats(mean, Math.sqrt(squares / (n - 1)), n);
  }
}
