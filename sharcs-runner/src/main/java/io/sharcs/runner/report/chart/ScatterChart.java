package io.sharcs.runner.report.chart;

import io.sharcs.runner.report.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Points in two dimensions, each of a category (a class, a modality, a cluster) coloured from
 * the {@link Palette} in order of first appearance, with optional thumbnails placed at given
 * points (a t-SNE map of the shared concept space with samples of each modality on it). Points
 * with a NaN or infinite coordinate are not drawn and a note says how many.
 *
 * @param xLabel may be empty (a t-SNE map has no meaningful axes)
 * @param yLabel may be empty
 * @param thumbnailSize the thumbnails' edge in pixels
 */
public record ScatterChart(String title, String xLabel, String yLabel, List<Point> points,
    List<Thumbnail> thumbnails, double thumbnailSize) {

  /** A point of a category. */
  public record Point(double x, double y, String category) {
    /** Checks the category is present. */
    public Point {
      Objects.requireNonNull(category, "category");
    }
  }

  /** A picture centred at (x, y) in data coordinates, framed in its category's colour. */
  public record Thumbnail(double x, double y, String category, Picture picture) {
    /** Checks the picture and category are present. */
    public Thumbnail {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(picture, "picture");
    }
  }

  /** Copies the points and thumbnails and checks the thumbnail size. */
  public ScatterChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    points = List.copyOf(points);
    thumbnails = List.copyOf(thumbnails);
    if (!(thumbnailSize >= 8 && thumbnailSize <= 200)) {
      throw new IllegalArgumentException(
          "thumbnail size " + thumbnailSize + ", expected 8 to 200 pixels");
    }
  }

  /** A chart of points only. */
  public static ScatterChart of(String title, String xLabel, String yLabel, List<Point> points) {
    return new ScatterChart(title, xLabel, yLabel, points, List.of(), 40);
  }

  /** The chart as a standalone SVG document. */
  public String toSvg() {
    List<String> names = new ArrayList<>();
    points.forEach(p -> names.add(p.category()));
    thumbnails.forEach(t -> names.add(t.category()));
    List<String> categories = Plot.firstAppearance(names);
    List<Plot.Entry> legend = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      legend.add(new Plot.Entry(categories.get(i), Palette.colour(i)));
    }
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    int skipped = 0;
    List<double[]> all = new ArrayList<>();
    points.forEach(p -> all.add(new double[] {p.x(), p.y()}));
    thumbnails.forEach(t -> all.add(new double[] {t.x(), t.y()}));
    for (double[] p : all) {
      if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
        minX = Math.min(minX, p[0]);
        maxX = Math.max(maxX, p[0]);
        minY = Math.min(minY, p[1]);
        maxY = Math.max(maxY, p[1]);
      } else {
        skipped++;
      }
    }
    List<String> notes = new ArrayList<>();
    if (skipped > 0) {
      notes.add(skipped + " point" + (skipped == 1 ? "" : "s")
          + " with a missing (NaN) or infinite coordinate not drawn.");
    }
    if (categories.size() > Palette.size()) {
      notes.add(categories.size() + " categories, " + Palette.size()
          + " colours: colours repeat; see the tooltips.");
    }
    if (minX > maxX) {
      notes.add("No values to draw.");
      minX = 0;
      maxX = 1;
      minY = 0;
      maxY = 1;
    }
    Plot plot = Plot.begin(title, 600, 440, legend, notes);
    // Inset by half a thumbnail so pictures at the extremes stay inside the plot area.
    double inset = thumbnails.isEmpty() ? 8 : thumbnailSize / 2 + 2;
    Scale x = Scale.linear(minX, maxX, plot.left + inset, plot.right - inset, 8);
    Scale y = Scale.linear(minY, maxY, plot.bottom - inset, plot.top + inset, 6);
    plot.axes(x, y, xLabel, yLabel);
    for (int c = 0; c < categories.size(); c++) {
      String category = categories.get(c);
      plot.svg.group(category);
      for (Point p : points) {
        if (p.category().equals(category) && Double.isFinite(p.x()) && Double.isFinite(p.y())) {
          plot.svg.circle(x.map(p.x()), y.map(p.y()), 3.5, Palette.colour(c));
        }
      }
      plot.svg.end();
    }
    double half = thumbnailSize / 2;
    for (Thumbnail t : thumbnails) {
      if (!Double.isFinite(t.x()) || !Double.isFinite(t.y())) {
        continue;
      }
      String colour = Palette.colour(categories.indexOf(t.category()));
      double cx = x.map(t.x());
      double cy = y.map(t.y());
      plot.svg.rect(cx - half - 2, cy - half - 2, thumbnailSize + 4, thumbnailSize + 4,
          "#ffffff", colour);
      plot.svg.image(cx - half, cy - half, thumbnailSize, thumbnailSize, t.picture());
    }
    return plot.finish();
  }

  /** The chart as an SVG picture. */
  public Picture toPicture(String alt) {
    return Picture.svg(toSvg(), alt);
  }
}
