package io.sharcs.runner.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame every x/y chart shares: title, plot area with grid, axes with tick labels, axis
 * labels, a legend on the right and notes under the plot (e.g. how many values were not drawn).
 * The charts draw their marks between {@link #begin} and {@link #finish}.
 */
final class Plot {

  static final String AXIS = "#333333";
  static final String GRID = "#e3e6ea";
  static final String MUTED = "#555555";
  static final double CHAR = 7.2; // mean glyph advance of the 12-13 px font, for layout only

  /** One legend entry. */
  record Entry(String name, String colour) {}

  final double left = 74;
  final double top;
  final double right;
  final double bottom;
  final SvgWriter svg;

  private final List<String> notes;

  private Plot(SvgWriter svg, double top, double right, double bottom, List<String> notes) {
    this.svg = svg;
    this.top = top;
    this.right = right;
    this.bottom = bottom;
    this.notes = notes;
  }

  /**
   * Opens a chart of plot area about {@code plotWidth} x {@code plotHeight} with room for the
   * legend and notes, and draws the title.
   */
  static Plot begin(String title, double plotWidth, double plotHeight, List<Entry> legend,
      List<String> notes) {
    double legendWidth = legend.isEmpty() ? 24
        : 48 + Math.min(30, legend.stream().mapToInt(e -> e.name().length()).max().orElse(0))
            * CHAR;
    double top = 48;
    double plotBottom = top + plotHeight;
    double height = plotBottom + 56 + 18 * notes.size();
    double width = 74 + plotWidth + legendWidth;
    SvgWriter svg = new SvgWriter(width, height);
    svg.text(width / 2, 28, title, 16, "middle", "#111111", true, 0);
    Plot plot = new Plot(svg, top, 74 + plotWidth, plotBottom, List.copyOf(notes));
    double y = top + 8;
    for (Entry e : legend) {
      String name = e.name().length() > 30 ? e.name().substring(0, 29) + "…" : e.name();
      svg.rect(plot.right + 16, y, 14, 14, e.colour(), null);
      svg.text(plot.right + 36, y + 12, name, 12, "start", AXIS, false, 0);
      y += 22;
    }
    return plot;
  }

  /** Grid, axes, tick labels and axis labels of the two scales. */
  void axes(Scale x, Scale y, String xLabel, String yLabel) {
    for (double t : y.ticks()) {
      double py = y.map(t);
      svg.line(left, py, right, py, GRID, 1, null);
      svg.text(left - 8, py + 4, y.label(t), 12, "end", AXIS, false, 0);
    }
    for (double t : x.ticks()) {
      double px = x.map(t);
      svg.line(px, top, px, bottom, GRID, 1, null);
      svg.line(px, bottom, px, bottom + 5, AXIS, 1, null);
      svg.text(px, bottom + 19, x.label(t), 12, "middle", AXIS, false, 0);
    }
    svg.line(left, bottom, right, bottom, AXIS, 1.2, null);
    svg.line(left, top, left, bottom, AXIS, 1.2, null);
    svg.text((left + right) / 2, bottom + 40, xLabel, 13, "middle", AXIS, false, 0);
    svg.text(18, (top + bottom) / 2, yLabel, 13, "middle", AXIS, false, -90);
  }

  /** Writes the notes and returns the document. */
  String finish() {
    double y = bottom + 62;
    for (String note : notes) {
      svg.text(left, y, note, 12, "start", MUTED, false, 0);
      y += 18;
    }
    return svg.finish();
  }

  /** The categories in order of first appearance. */
  static List<String> firstAppearance(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }
}
