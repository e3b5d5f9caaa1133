package io.sharcs.runner.report.chart;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping for SVG text, which has no line breaking of its own. */
final class Wrap {

  private Wrap() {}

  /**
   * {@code text} broken at spaces into lines of at most {@code width} characters; a word longer
   * than a line is cut. Blank text gives no line.
   */
  static List<String> lines(String text, int width) {
    if (width < 1) {
      throw new IllegalArgumentException("wrap width " + width + ", expected >= 1");
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      while (word.length() > width) {
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, width));
        word = word.substring(width);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
