package io.sharcs.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Small helpers for {@link SampleRenderer}s that write SVG by hand: escaping text, formatting
 * coordinates and opening a standalone document. Output depends on the arguments only (no
 * locale), so renderings are byte-for-byte deterministic.
 */
public final class Svg {

  /** The SVG namespace. */
  public static final String NAMESPACE = "http://www.w3.org/2000/svg";

  private Svg() {}

  /**
   * {@code text} as XML character data or attribute value: markup characters escaped, and
   * characters XML 1.0 forbids even escaped (control characters other than tab, newline and
   * carriage return; unpaired surrogates; U+FFFE, U+FFFF) replaced by U+FFFD, so that any user
   * string gives a well-formed document.
   */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            b.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
              || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** {@code value} with at most two decimals and no trailing zeros: {@code 12}, {@code 3.5}. */
  public static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("SVG coordinate " + value + ", expected a finite number");
    }
    BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    String s = d.signum() == 0 ? "0" : d.toPlainString();
    return s;
  }

  /**
   * The start of a standalone SVG document of {@code width x height} user units (pixels), with
   * its XML declaration, namespace, size and view box, and a {@code <title>} for accessibility.
   * Close it with {@link #close}.
   */
  public static StringBuilder open(double width, double height, String title) {
    StringBuilder b = new StringBuilder(1024);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"").append(NAMESPACE).append("\" width=\"").append(number(width))
        .append("\" height=\"").append(number(height)).append("\" viewBox=\"0 0 ")
        .append(number(width)).append(' ').append(number(height)).append("\">\n")
        .append("<title>").append(escape(title)).append("</title>\n");
    return b;
  }

  /** Ends a document begun with {@link #open}. */
  public static String close(StringBuilder svg) {
    return svg.append("</svg>\n").toString();
  }
}
