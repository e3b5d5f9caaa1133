package io.sharcs.modality.tabular;

import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.api.SampleRenderer;
import io.sharcs.api.Svg;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Draws a row as an SVG grid of named cells, {@code f1..fn} (rows carry no column names), each
 * with its value written compactly ({@code 1}, {@code 0.25}, {@code 1.235E+7}) on a background
 * from white (the row's smallest value) to blue (its largest), so a binary row reads at a glance.
 * The cells wrap to {@code hints.maxPixels()} (at least {@value #MIN_WIDTH} pixels wide, for a
 * readable font); at most {@value #MAX_CELLS} are drawn. The text is the {@code name=value} pairs.
 */
final class TableRenderer implements SampleRenderer<TabularSample, TableShape> {

  static final int MAX_CELLS = 64;
  static final int MAX_TEXT_CELLS = 32;
  private static final int MIN_WIDTH = 120;
  private static final double VALUE_FONT = 13;
  private static final double NAME_FONT = 10;
  private static final double PAD = 3;

  @Override
  public Rendering render(TabularSample row, TableShape shape, RenderHints hints) {
    int n = row.width();
    String text = describe(row);
    int shown = Math.min(n, MAX_CELLS);
    int widest = 1;
    for (int c = 0; c < shown; c++) {
      widest = Math.max(widest, Math.max(name(c).length(), format(row.get(c)).length()));
    }
    // Monospace digits are 0.6 em wide, so the widest entry fixes the cell width.
    double cellWidth = widest * VALUE_FONT * 0.62 + 10;
    double cellHeight = NAME_FONT + VALUE_FONT + 10;
    double budget = Math.max(hints.maxPixels(), MIN_WIDTH) - 2 * PAD;
    int perRow = Math.max(1, Math.min(Math.max(shown, 1), (int) (budget / (cellWidth + PAD))));
    int rows = (shown + perRow - 1) / perRow;
    double width = 2 * PAD + perRow * (cellWidth + PAD) - PAD;
    double more = shown < n ? NAME_FONT + 6 : 0;
    double height = 2 * PAD + Math.max(rows, 1) * (cellHeight + PAD) - PAD + more;

    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (int c = 0; c < shown; c++) {
      if (Float.isFinite(row.get(c))) {
        min = Math.min(min, row.get(c));
        max = Math.max(max, row.get(c));
      }
    }
    StringBuilder svg = Svg.open(width, height, text);
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    for (int c = 0; c < shown; c++) {
      double x = PAD + (c % perRow) * (cellWidth + PAD);
      double y = PAD + (c / perRow) * (cellHeight + PAD);
      float v = row.get(c);
      svg.append("<g><rect x=\"").append(Svg.number(x)).append("\" y=\"").append(Svg.number(y))
          .append("\" width=\"").append(Svg.number(cellWidth)).append("\" height=\"")
          .append(Svg.number(cellHeight)).append("\" rx=\"3\" fill=\"")
          .append(shade(v, min, max)).append("\" stroke=\"#999999\"/>")
          .append("<text x=\"").append(Svg.number(x + cellWidth / 2)).append("\" y=\"")
          .append(Svg.number(y + NAME_FONT + 2))
          .append("\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"")
          .append(Svg.number(NAME_FONT)).append("\" fill=\"#555555\">").append(name(c))
          .append("</text><text x=\"").append(Svg.number(x + cellWidth / 2)).append("\" y=\"")
          .append(Svg.number(y + NAME_FONT + VALUE_FONT + 5))
          .append("\" text-anchor=\"middle\" font-family=\"monospace\" font-weight=\"bold\""
              + " font-size=\"")
          .append(Svg.number(VALUE_FONT)).append("\">").append(Svg.escape(format(v)))
          .append("</text></g>\n");
    }
    if (shown < n) {
      svg.append("<text x=\"").append(Svg.number(PAD)).append("\" y=\"")
          .append(Svg.number(height - PAD - 2)).append("\" font-family=\"sans-serif\" font-size=\"")
          .append(Svg.number(NAME_FONT)).append("\">... ").append(n - shown)
          .append(" more columns</text>\n");
    }
    return Rendering.svg(Svg.close(svg), text);
  }

  /** The name of column {@code c} (0-based): {@code f1} for the first. */
  static String name(int c) {
    return "f" + (c + 1);
  }

  /**
   * {@code value} written compactly: integers as integers ({@code 1}, not {@code 1.0}), others
   * with at most 4 significant digits, very large or small ones in E notation.
   */
  static String format(float value) {
    if (!Float.isFinite(value)) {
      return Float.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e7) {
      return Long.toString((long) value); // also turns -0 into 0
    }
    BigDecimal d = new BigDecimal(Float.toString(value)).round(new MathContext(4));
    double magnitude = Math.abs(value);
    if (magnitude >= 1e-4 && magnitude < 1e7) {
      return d.stripTrailingZeros().toPlainString();
    }
    int exponent = d.precision() - d.scale() - 1;
    return d.movePointLeft(exponent).stripTrailingZeros().toPlainString()
        + "E" + (exponent >= 0 ? "+" : "") + exponent;
  }

  /** {@code f1=1 f2=0 f3=1 f4=0}; rows beyond {@value #MAX_TEXT_CELLS} columns are cut. */
  static String describe(TabularSample row) {
    StringBuilder t = new StringBuilder();
    int shown = Math.min(row.width(), MAX_TEXT_CELLS);
    for (int c = 0; c < shown; c++) {
      t.append(c == 0 ? "" : " ").append(name(c)).append('=').append(format(row.get(c)));
    }
    if (shown < row.width()) {
      t.append(" ... (").append(row.width()).append(" columns)");
    }
    return t.length() == 0 ? "empty row" : t.toString();
  }

  /** White for the row's smallest value up to light blue for its largest. */
  private static String shade(float v, float min, float max) {
    double t = max > min && Float.isFinite(v) ? (v - min) / (double) (max - min) : 0;
    int r = (int) Math.round(255 - t * (255 - 0x9e));
    int g = (int) Math.round(255 - t * (255 - 0xca));
    int b = (int) Math.round(255 - t * (255 - 0xe1));
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }
}
