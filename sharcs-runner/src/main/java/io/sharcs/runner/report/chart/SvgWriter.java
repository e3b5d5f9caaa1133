package io.sharcs.runner.report.chart;

import io.sharcs.runner.report.Picture;
import java.util.List;
import java.util.Locale;

/**
 * Writes a standalone SVG document element by element. Every number is written with
 * {@link Locale#ROOT} and two decimals and every text and attribute is XML-escaped, so the same
 * calls give the same bytes on any machine and no text can break out of its element.
 */
public final class SvgWriter {

  /** The font stack of every text: installed on Debian (DejaVu) or a common fallback. */
  static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

  private final StringBuilder out = new StringBuilder();
  private final double width;
  private final double height;
  private int openGroups;

  /** Starts a document of {@code width} x {@code height} user units (also its pixel size). */
  public SvgWriter(double width, double height) {
    if (!(width > 0) || !(height > 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
      throw new IllegalArgumentException("SVG size " + width + " x " + height
          + ", expected positive and finite");
    }
    this.width = width;
    this.height = height;
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
        .append(num(width)).append("\" height=\"").append(num(height))
        .append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
        .append("\" font-family=\"").append(FONT).append("\" font-size=\"13\">\n");
    rect(0, 0, width, height, "#ffffff", null);
  }

  /** The document's width. */
  public double width() {
    return width;
  }

  /** The document's height. */
  public double height() {
    return height;
  }

  /** A rectangle; {@code stroke} null for none. */
  public SvgWriter rect(double x, double y, double w, double h, String fill, String stroke) {
    out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"")
        .append(num(Math.max(0, h))).append("\" fill=\"").append(attr(fill)).append('"');
    if (stroke != null) {
      out.append(" stroke=\"").append(attr(stroke)).append("\" stroke-width=\"1\"");
    }
    out.append("/>\n");
    return this;
  }

  /** A straight line; {@code dash} null for a solid one. */
  public SvgWriter line(
      double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
    out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
        .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2))
        .append("\" stroke=\"").append(attr(stroke)).append("\" stroke-width=\"")
        .append(num(strokeWidth)).append('"');
    if (dash != null) {
      out.append(" stroke-dasharray=\"").append(attr(dash)).append('"');
    }
    out.append("/>\n");
    return this;
  }

  /** An open polyline through {@code points} ({x, y} pairs). */
  public SvgWriter polyline(List<double[]> points, String stroke, double strokeWidth) {
    out.append("<polyline fill=\"none\" stroke=\"").append(attr(stroke))
        .append("\" stroke-width=\"").append(num(strokeWidth))
        .append("\" stroke-linejoin=\"round\" points=\"");
    for (int i = 0; i < points.size(); i++) {
      out.append(i == 0 ? "" : " ").append(num(points.get(i)[0])).append(',')
          .append(num(points.get(i)[1]));
    }
    out.append("\"/>\n");
    return this;
  }

  /** A filled circle with a thin white outline (points stay apart where they overlap). */
  public SvgWriter circle(double cx, double cy, double r, String fill) {
    out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
        .append("\" r=\"").append(num(r)).append("\" fill=\"").append(attr(fill))
        .append("\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>\n");
    return this;
  }

  /**
   * A line of text.
   *
   * @param anchor {@code start}, {@code middle} or {@code end}
   * @param rotate degrees about (x, y); 0 for none
   */
  public SvgWriter text(double x, double y, String text, double size, String anchor,
      String fill, boolean bold, double rotate) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" font-size=\"").append(num(size)).append("\" text-anchor=\"")
        .append(attr(anchor)).append("\" fill=\"").append(attr(fill)).append('"');
    if (bold) {
      out.append(" font-weight=\"bold\"");
    }
    if (rotate != 0) {
      out.append(" transform=\"rotate(").append(num(rotate)).append(' ').append(num(x))
          .append(' ').append(num(y)).append(")\"");
    }
    out.append('>').append(escape(text)).append("</text>\n");
    return this;
  }

  /** A line of 12 px monospaced text starting at (x, y). */
  public SvgWriter monospace(double x, double y, String text) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"12\"")
        .append(" fill=\"#111111\" xml:space=\"preserve\">").append(escape(text))
        .append("</text>\n");
    return this;
  }

  /** A picture scaled into the box, keeping its aspect ratio, inlined as a data: URI. */
  public SvgWriter image(double x, double y, double w, double h, Picture picture) {
    out.append("<image x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
        .append("\" preserveAspectRatio=\"xMidYMid meet\" href=\"")
        .append(attr(picture.dataUri())).append("\"><title>").append(escape(picture.alt()))
        .append("</title></image>\n");
    return this;
  }

  /** Opens a group with a tooltip title (shown on hover by browsers); close with {@link #end}. */
  public SvgWriter group(String title) {
    out.append("<g><title>").append(escape(title)).append("</title>\n");
    openGroups++;
    return this;
  }

  /** Closes the innermost open group. */
  public SvgWriter end() {
    if (openGroups == 0) {
      throw new IllegalStateException("no open group");
    }
    openGroups--;
    out.append("</g>\n");
    return this;
  }

  /** The finished document. */
  public String finish() {
    if (openGroups != 0) {
      throw new IllegalStateException(openGroups + " groups not closed");
    }
    return out + "</svg>\n";
  }

  /** {@code v} with two decimals, {@link Locale#ROOT}, trailing zeros dropped; -0 as 0. */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not a finite coordinate: " + v);
    }
    String s = String.format(Locale.ROOT, "%.2f", v);
    if (s.endsWith(".00")) {
      s = s.substring(0, s.length() - 3);
    } else if (s.endsWith("0")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.equals("-0") ? "0" : s;
  }

  /** Escapes text for element content and quoted attributes alike. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // XML 1.0 forbids most control characters, even escaped: show them as a space.
          sb.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
        }
      }
    }
    return sb.toString();
  }

  private static String attr(String value) {
    return escape(value);
  }
}
