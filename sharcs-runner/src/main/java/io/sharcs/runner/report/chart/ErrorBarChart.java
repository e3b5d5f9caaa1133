package io.sharcs.runner.report.chart;

import io.sharcs.runner.report.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Series of mean ± standard deviation over a numeric x (e.g. a metric over the values of
 * lambda, over seeds), the x axis linear or log10. Each point is a mark with a vertical bar from
 * mean - sd to mean + sd, the points of a series joined by a thin line. Points with a NaN mean
 * (or a non-positive x on a log axis) are not drawn and a note says how many; a NaN sd draws no
 * bar.
 */
public record ErrorBarChart(
    String title, String xLabel, String yLabel, boolean logX, List<Series> series) {

  /** One point: the mean and standard deviation of the values at {@code x}. */
  public record Point(double x, double mean, double sd) {}

  /** One named series. */
  public record Series(String name, List<Point> points) {
    /** Copies the points. */
    public Series {
      Objects.requireNonNull(name, "name");
      points = List.copyOf(points);
    }
  }

  /** Copies the series. */
  public ErrorBarChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    series = List.copyOf(series);
  }

  private boolean drawable(Point p) {
    return Double.isFinite(p.x()) && Double.isFinite(p.mean()) && (!logX || p.x() > 0);
  }

  private static double sd(Point p) {
    return Double.isFinite(p.sd()) ? Math.abs(p.sd()) : 0;
  }

  /** The chart as a standalone SVG document. */
  public String toSvg() {
    List<Plot.Entry> legend = new ArrayList<>();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    int skipped = 0;
    for (int i = 0; i < series.size(); i++) {
      legend.add(new Plot.Entry(series.get(i).name(), Palette.colour(i)));
      for (Point p : series.get(i).points()) {
        if (drawable(p)) {
          minX = Math.min(minX, p.x());
          maxX = Math.max(maxX, p.x());
          minY = Math.min(minY, p.mean() - sd(p));
          maxY = Math.max(maxY, p.mean() + sd(p));
        } else {
          skipped++;
        }
      }
    }
    List<String> notes = new ArrayList<>();
    if (skipped > 0) {
      notes.add(skipped + " point" + (skipped == 1 ? "" : "s") + " with a missing (NaN) value"
          + (logX ? " or x <= 0 on the log axis" : "") + " not drawn.");
    }
    if (minX > maxX) {
      notes.add("No values to draw.");
      minX = 1;
      maxX = 10;
      minY = 0;
      maxY = 1;
    }
    notes.add("Marks: mean; bars: ± one standard deviation.");
    // A margin above and below so the bars' caps stay off the frame.
    double pad = (maxY - minY) * 0.04;
    minY -= pad;
    maxY += pad;
    Plot plot = Plot.begin(title, 560, 300, legend, notes);
    // A little room left and right so the first and last bars do not sit on the frame.
    Scale x = logX ? Scale.log(minX, maxX, plot.left + 12, plot.right - 12)
        : Scale.linear(minX, maxX, plot.left + 12, plot.right - 12, 8);
    Scale y = Scale.linear(minY, maxY, plot.bottom, plot.top, 6);
    plot.axes(x, y, xLabel, yLabel);
    int n = series.size();
    for (int i = 0; i < n; i++) {
      Series s = series.get(i);
      String colour = Palette.colour(i);
      // Series at the same x are shifted apart a little so their bars do not hide each other.
      double shift = (i - (n - 1) / 2.0) * 5;
      plot.svg.group(s.name());
      List<double[]> line = new ArrayList<>();
      for (Point p : s.points()) {
        if (drawable(p)) {
          line.add(new double[] {x.map(p.x()) + shift, y.map(p.mean())});
        }
      }
      if (line.size() > 1) {
        plot.svg.polyline(line, colour, 1.2);
      }
      for (Point p : s.points()) {
        if (!drawable(p)) {
          continue;
        }
        double px = x.map(p.x()) + shift;
        double lo = y.map(p.mean() - sd(p));
        double hi = y.map(p.mean() + sd(p));
        plot.svg.line(px, lo, px, hi, colour, 1.6, null);
        plot.svg.line(px - 5, lo, px + 5, lo, colour, 1.6, null);
        plot.svg.line(px - 5, hi, px + 5, hi, colour, 1.6, null);
        plot.svg.circle(px, y.map(p.mean()), 4, colour);
      }
      plot.svg.end();
    }
    return plot.finish();
  }

  /** The chart as an SVG picture. */
  public Picture toPicture(String alt) {
    return Picture.svg(toSvg(), alt);
  }
}
