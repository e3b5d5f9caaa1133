package io.sharcs.runner.report.chart;

import io.sharcs.runner.report.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Named series of (x, y) points drawn as lines with point marks over a shared x axis, e.g. the
 * training curves (loss, regulariser distance, accuracies) over epochs. Points with a NaN or
 * infinite coordinate are not drawn (the line is broken there) and a note says how many.
 */
public record LineChart(String title, String xLabel, String yLabel, List<Series> series) {

  /** A point of a series. */
  public record Point(double x, double y) {}

  /** One named line. */
  public record Series(String name, List<Point> points) {
    /** Copies the points. */
    public Series {
      Objects.requireNonNull(name, "name");
      points = List.copyOf(points);
    }
  }

  /** Copies the series. */
  public LineChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    series = List.copyOf(series);
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
        if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
          minX = Math.min(minX, p.x());
          maxX = Math.max(maxX, p.x());
          minY = Math.min(minY, p.y());
          maxY = Math.max(maxY, p.y());
        } else {
          skipped++;
        }
      }
    }
    List<String> notes = new ArrayList<>();
    if (skipped > 0) {
      notes.add(skipped + " point" + (skipped == 1 ? "" : "s")
          + " with a missing (NaN) or infinite value not drawn.");
    }
    boolean empty = minX > maxX;
    if (empty) {
      notes.add("No values to draw.");
      minX = 0;
      maxX = 1;
      minY = 0;
      maxY = 1;
    }
    Plot plot = Plot.begin(title, 560, 300, legend, notes);
    Scale x = Scale.linear(minX, maxX, plot.left, plot.right, 8);
    Scale y = Scale.linear(minY, maxY, plot.bottom, plot.top, 6);
    plot.axes(x, y, xLabel, yLabel);
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String colour = Palette.colour(i);
      plot.svg.group(s.name());
      List<double[]> run = new ArrayList<>();
      for (Point p : s.points()) {
        if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
          run.add(new double[] {x.map(p.x()), y.map(p.y())});
        } else {
          drawRun(plot.svg, run, colour);
          run = new ArrayList<>();
        }
      }
      drawRun(plot.svg, run, colour);
      for (Point p : s.points()) {
        if (Double.isFinite(p.x()) && Double.isFinite(p.y()) && s.points().size() <= 60) {
          plot.svg.circle(x.map(p.x()), y.map(p.y()), 3, colour);
        }
      }
      plot.svg.end();
    }
    return plot.finish();
  }

  /** The chart as an SVG picture. */
  public Picture toPicture(String alt) {
    return Picture.svg(toSvg(), alt);
  }

  private static void drawRun(SvgWriter svg, List<double[]> run, String colour) {
    if (run.size() > 1) {
      svg.polyline(run, colour, 2);
    }
  }
}
