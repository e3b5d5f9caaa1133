package io.sharcs.runner.report.chart;

import io.sharcs.runner.report.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A matrix of counts as coloured cells with the count written in each, row and column names on
 * the axes: a confusion matrix (rows the true class, columns the predicted one). The shade of a
 * cell grows with its count relative to the largest; the count's colour flips to white on dark
 * cells so it stays readable.
 */
public record Heatmap(String title, String rowAxis, String columnAxis, List<String> rowLabels,
    List<String> columnLabels, List<List<Long>> counts) {

  /** Checks the counts are a rows x columns matrix of non-negative numbers. */
  public Heatmap {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rowAxis, "rowAxis");
    Objects.requireNonNull(columnAxis, "columnAxis");
    rowLabels = List.copyOf(rowLabels);
    columnLabels = List.copyOf(columnLabels);
    counts = counts.stream().map(List::copyOf).toList();
    if (counts.size() != rowLabels.size()) {
      throw new IllegalArgumentException("heatmap '" + title + "': " + counts.size()
          + " rows of counts, " + rowLabels.size() + " row labels");
    }
    for (List<Long> row : counts) {
      if (row.size() != columnLabels.size()) {
        throw new IllegalArgumentException("heatmap '" + title + "': a row of " + row.size()
            + " counts, " + columnLabels.size() + " column labels");
      }
      if (row.stream().anyMatch(c -> c < 0)) {
        throw new IllegalArgumentException("heatmap '" + title + "': a negative count");
      }
    }
  }

  /** A confusion matrix: {@code counts[true][predicted]} over the same classes. */
  public static Heatmap confusion(String title, List<String> classes, long[][] counts) {
    List<List<Long>> rows = new ArrayList<>();
    for (long[] row : counts) {
      List<Long> r = new ArrayList<>();
      for (long c : row) {
        r.add(c);
      }
      rows.add(r);
    }
    return new Heatmap(title, "true class", "predicted class", classes, classes, rows);
  }

  /** The chart as a standalone SVG document. */
  public String toSvg() {
    int rows = rowLabels.size();
    int cols = columnLabels.size();
    double cell = cols > 12 || rows > 12 ? 34 : 56;
    double rowLabelWidth = 24 + Math.min(24, rowLabels.stream()
        .mapToInt(String::length).max().orElse(0)) * Plot.CHAR;
    double colLabelHeight = 16 + Math.min(24, columnLabels.stream()
        .mapToInt(String::length).max().orElse(0)) * Plot.CHAR * 0.72;
    double content = 30 + rowLabelWidth + cols * cell + 30;
    double width = Math.max(content, 360);
    // A small matrix is centred under the title.
    double left = (width - content) / 2 + 30 + rowLabelWidth;
    double top = 70 + colLabelHeight;
    double height = top + Math.max(rows, 1) * cell + 30;
    SvgWriter svg = new SvgWriter(width, height);
    svg.text(width / 2, 26, title, 16, "middle", "#111111", true, 0);
    svg.text(left + cols * cell / 2, 50, columnAxis, 13, "middle", Plot.AXIS, false, 0);
    svg.text(left - rowLabelWidth - 12, top + rows * cell / 2, rowAxis, 13, "middle", Plot.AXIS,
        false, -90);
    long max = 0;
    for (List<Long> row : counts) {
      for (long c : row) {
        max = Math.max(max, c);
      }
    }
    for (int j = 0; j < cols; j++) {
      double x = left + j * cell + cell / 2;
      svg.text(x + 4, top - 8, clip(columnLabels.get(j)), 12, "start", Plot.AXIS, false, -45);
    }
    for (int i = 0; i < rows; i++) {
      double y = top + i * cell;
      String label = clip(rowLabels.get(i));
      svg.text(left - 8, y + cell / 2 + 4, label, 12, "end", Plot.AXIS, false, 0);
      for (int j = 0; j < cols; j++) {
        long c = counts.get(i).get(j);
        double f = max == 0 ? 0 : (double) c / max;
        svg.group(rowLabels.get(i) + " → " + columnLabels.get(j) + ": " + c);
        svg.rect(left + j * cell, y, cell, cell, shade(f), "#ffffff");
        svg.text(left + j * cell + cell / 2, y + cell / 2 + 5, Long.toString(c),
            cell > 40 ? 14 : 11, "middle", f > 0.55 ? "#ffffff" : "#111111", false, 0);
        svg.end();
      }
    }
    if (rows == 0 || cols == 0) {
      svg.text(left, top + 20, "No classes to draw.", 12, "start", Plot.MUTED, false, 0);
    }
    return svg.finish();
  }

  /** The chart as an SVG picture. */
  public Picture toPicture(String alt) {
    return Picture.svg(toSvg(), alt);
  }

  private static String clip(String label) {
    return label.length() > 24 ? label.substring(0, 23) + "…" : label;
  }

  /** White to the palette's blue (#0072B2), a single hue: ordered and colour-blind safe. */
  private static String shade(double f) {
    int r = (int) Math.round(255 + f * (0x00 - 255) * 0.95);
    int g = (int) Math.round(255 + f * (0x72 - 255) * 0.95);
    int b = (int) Math.round(255 + f * (0xB2 - 255) * 0.95);
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }
}
