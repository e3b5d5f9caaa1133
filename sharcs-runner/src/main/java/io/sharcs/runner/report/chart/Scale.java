package io.sharcs.runner.report.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps data values of one axis to pixels, linearly or logarithmically, and picks readable tick
 * values ("nice" steps of 1, 2, 2.5 or 5 times a power of ten; powers of ten on a log axis).
 */
final class Scale {

  private final double lo;
  private final double hi;
  private final double pixelLo;
  private final double pixelHi;
  private final boolean log;
  private final List<Double> ticks;
  private final int decimals;

  private Scale(double lo, double hi, double pixelLo, double pixelHi, boolean log,
      List<Double> ticks, int decimals) {
    this.lo = lo;
    this.hi = hi;
    this.pixelLo = pixelLo;
    this.pixelHi = pixelHi;
    this.log = log;
    this.ticks = ticks;
    this.decimals = decimals;
  }

  /**
   * A linear scale covering {@code [min, max]} widened to nice tick values; a single value gets
   * a range around it.
   */
  static Scale linear(double min, double max, double pixelLo, double pixelHi, int tickCount) {
    if (min == max) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= pad;
      max += pad;
    }
    double step = nice((max - min) / Math.max(1, tickCount - 1));
    double lo = Math.floor(min / step + 1e-9) * step;
    double hi = Math.ceil(max / step - 1e-9) * step;
    List<Double> ticks = new ArrayList<>();
    long n = Math.round((hi - lo) / step);
    for (long i = 0; i <= n; i++) {
      double t = lo + i * step;
      ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
    }
    int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
    if (Math.abs(step / Math.pow(10, -decimals) - 2.5) < 1e-9) {
      decimals++;
    }
    return new Scale(lo, hi, pixelLo, pixelHi, false, List.copyOf(ticks), decimals);
  }

  /** A log10 scale from the power of ten at or below {@code min} to the one at or above max. */
  static Scale log(double min, double max, double pixelLo, double pixelHi) {
    if (!(min > 0)) {
      throw new IllegalArgumentException("a log axis needs positive values, got " + min);
    }
    int first = (int) Math.floor(Math.log10(min) + 1e-9);
    int last = (int) Math.ceil(Math.log10(max) - 1e-9);
    if (last == first) {
      last++;
    }
    List<Double> ticks = new ArrayList<>();
    for (int k = first; k <= last; k++) {
      ticks.add(BigDecimal.ONE.scaleByPowerOfTen(k).doubleValue());
    }
    return new Scale(Math.pow(10, first), Math.pow(10, last), pixelLo, pixelHi, true,
        List.copyOf(ticks), -1);
  }

  /** The pixel of {@code v}. */
  double map(double v) {
    double f = log
        ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
        : (v - lo) / (hi - lo);
    return pixelLo + f * (pixelHi - pixelLo);
  }

  List<Double> ticks() {
    return ticks;
  }

  /** The label of a tick: fixed decimals from the step, or the plain power of ten. */
  String label(double tick) {
    if (decimals < 0) {
      return new BigDecimal(Double.toString(tick)).stripTrailingZeros().toPlainString();
    }
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", tick);
  }

  /** 1, 2, 2.5 or 5 times a power of ten, the smallest at or above {@code raw}. */
  static double nice(double raw) {
    if (!(raw > 0) || Double.isInfinite(raw)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= raw * (1 - 1e-9)) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
