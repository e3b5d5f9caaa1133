package io.sharcs.runner.report.chart;

import io.sharcs.runner.report.Picture;
import java.util.ArrayList;
import java.util.List;

/**
 * A short plain text (a text sample's rendering, a row of a table) as a small SVG picture, so it
 * can stand wherever a thumbnail does (a tree node, a gallery, a map). Long lines are wrapped,
 * long texts cut with an ellipsis line.
 */
public final class TextPicture {

  private static final int WRAP = 18;
  private static final int MAX_LINES = 6;

  private TextPicture() {}

  /** The text as an SVG picture of about 150 pixels wide in a monospaced font. */
  public static Picture of(String text, String alt) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      List<String> wrapped = Wrap.lines(paragraph, WRAP);
      lines.addAll(wrapped.isEmpty() ? List.of("") : wrapped);
    }
    if (lines.size() > MAX_LINES) {
      lines = new ArrayList<>(lines.subList(0, MAX_LINES - 1));
      lines.add("…");
    }
    double width = 16 + WRAP * 7.3;
    double height = 12 + lines.size() * 16;
    SvgWriter svg = new SvgWriter(width, height);
    svg.rect(0.5, 0.5, width - 1, height - 1, "#fbfbf8", "#c5ccd4");
    double y = 20;
    for (String line : lines) {
      svg.monospace(8, y, line);
      y += 16;
    }
    return Picture.svg(svg.finish(), alt);
  }
}
