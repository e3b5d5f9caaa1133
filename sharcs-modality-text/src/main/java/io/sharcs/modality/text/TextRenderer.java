package io.sharcs.modality.text;

import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.api.SampleRenderer;
import io.sharcs.api.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a text as SVG, wrapped at word boundaries to {@code hints.maxPixels()} (at least {@value
 * #MIN_WIDTH} pixels, for a readable font), with the words the training vocabulary does not hold
 * in red and underlined, and a note saying so. The text is the sample with those words in
 * «guillemets». Tokens are found as the fitted {@link Tokenizer} finds them, so a word counts as
 * unknown exactly when the encoder sees it as unknown.
 */
final class TextRenderer implements SampleRenderer<TextSample, TextPreprocessor> {

  static final int MAX_LINES = 12;
  static final int MAX_TEXT = 300;
  private static final int MIN_WIDTH = 200;
  private static final double FONT = 14;
  // Monospace glyphs are 0.6 em wide, which makes the wrapping width exact.
  private static final double CHAR_WIDTH = FONT * 0.6;
  private static final double LINE = FONT * 1.4;
  private static final double NOTE_FONT = 10;
  private static final double PAD = 4;
  private static final String OOV_COLOUR = "#c0392b";
  private static final String NOTE = "underlined: not in the vocabulary";

  @Override
  public Rendering render(TextSample sample, TextPreprocessor text, RenderHints hints) {
    String raw = sample.text();
    boolean[] unknown = unknownCharacters(raw, text);
    String description = describe(raw, unknown);
    int perLine = Math.max(8,
        (int) ((Math.max(hints.maxPixels(), MIN_WIDTH) - 2 * PAD) / CHAR_WIDTH));
    List<List<int[]>> lines = wrap(raw, perLine);
    boolean cut = lines.size() > MAX_LINES;
    if (cut) {
      lines = lines.subList(0, MAX_LINES);
    }
    boolean anyUnknown = false;
    for (boolean u : unknown) {
      anyUnknown |= u;
    }
    int longest = 1;
    for (List<int[]> line : lines) {
      longest = Math.max(longest, lineLength(line) + (cut ? 2 : 0));
    }
    double width = Math.max(2 * PAD + longest * CHAR_WIDTH,
        anyUnknown ? 2 * PAD + NOTE.length() * NOTE_FONT * 0.55 : 0);
    double height = 2 * PAD + Math.max(lines.size(), 1) * LINE + (anyUnknown ? NOTE_FONT + 6 : 0);

    StringBuilder svg = Svg.open(width, height, description);
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    double y = PAD + FONT;
    for (int l = 0; l < lines.size(); l++) {
      svg.append("<text x=\"").append(Svg.number(PAD)).append("\" y=\"").append(Svg.number(y))
          .append("\" font-family=\"monospace\" font-size=\"").append(Svg.number(FONT))
          .append("\" xml:space=\"preserve\">");
      List<int[]> words = lines.get(l);
      for (int w = 0; w < words.size(); w++) {
        if (w > 0) {
          svg.append(' ');
        }
        appendWord(svg, raw, unknown, words.get(w)[0], words.get(w)[1]);
      }
      if (cut && l == lines.size() - 1) {
        svg.append(" …");
      }
      svg.append("</text>\n");
      y += LINE;
    }
    if (anyUnknown) {
      svg.append("<text x=\"").append(Svg.number(PAD)).append("\" y=\"")
          .append(Svg.number(height - PAD - 1)).append("\" font-family=\"sans-serif\" font-size=\"")
          .append(Svg.number(NOTE_FONT)).append("\" fill=\"").append(OOV_COLOUR).append("\">")
          .append(NOTE).append("</text>\n");
    }
    return Rendering.svg(Svg.close(svg), description);
  }

  /** Per character of {@code raw}: whether it belongs to a token the vocabulary lacks. */
  static boolean[] unknownCharacters(String raw, TextPreprocessor text) {
    boolean[] unknown = new boolean[raw.length()];
    for (int[] span : text.tokenizer().spans(raw)) {
      String token = raw.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
      if (text.vocabulary().indexOf(token) < 0) {
        for (int i = span[0]; i < span[1]; i++) {
          unknown[i] = true;
        }
      }
    }
    return unknown;
  }

  /** Runs of known and unknown characters of {@code raw[start, end)}, the unknown ones marked. */
  private static void appendWord(
      StringBuilder svg, String raw, boolean[] unknown, int start, int end) {
    int i = start;
    while (i < end) {
      int j = i;
      while (j < end && unknown[j] == unknown[i]) {
        j++;
      }
      String part = Svg.escape(raw.substring(i, j));
      if (unknown[i]) {
        svg.append("<tspan class=\"oov\" fill=\"").append(OOV_COLOUR)
            .append("\" font-weight=\"bold\" text-decoration=\"underline\">").append(part)
            .append("</tspan>");
      } else {
        svg.append(part);
      }
      i = j;
    }
  }

  /**
   * The lines of {@code raw} as lists of {@code {start, end}} word ranges: greedy filling up to
   * {@code perLine} characters, breaking at white space; a word longer than a line is cut.
   */
  static List<List<int[]>> wrap(String raw, int perLine) {
    List<List<int[]>> lines = new ArrayList<>();
    List<int[]> line = new ArrayList<>();
    int length = 0;
    int i = 0;
    while (i < raw.length()) {
      if (Character.isWhitespace(raw.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < raw.length() && !Character.isWhitespace(raw.charAt(end))) {
        end++;
      }
      for (int from = i; from < end; from += perLine) {
        int to = Math.min(end, from + perLine);
        int needed = (line.isEmpty() ? 0 : 1) + (to - from);
        if (length + needed > perLine && !line.isEmpty()) {
          lines.add(line);
          line = new ArrayList<>();
          length = 0;
          needed = to - from;
        }
        line.add(new int[] {from, to});
        length += needed;
      }
      i = end;
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line);
    }
    return lines;
  }

  private static int lineLength(List<int[]> line) {
    int n = Math.max(0, line.size() - 1);
    for (int[] w : line) {
      n += w[1] - w[0];
    }
    return n;
  }

  /**
   * The text on one line, unknown tokens in «guillemets», white space runs as one space, control
   * characters as {@code ?}, cut after {@value #MAX_TEXT} characters.
   */
  static String describe(String raw, boolean[] unknown) {
    StringBuilder t = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c)) {
        space = t.length() > 0;
        continue;
      }
      if (space) {
        t.append(' ');
        space = false;
      }
      boolean opens = unknown[i] && (i == 0 || !unknown[i - 1]);
      boolean closes = unknown[i] && (i + 1 == raw.length() || !unknown[i + 1]);
      t.append(opens ? "«" : "").append(Character.isISOControl(c) ? '?' : c)
          .append(closes ? "»" : "");
    }
    if (t.length() > MAX_TEXT) {
      int cutAt = Character.isLowSurrogate(t.charAt(MAX_TEXT)) ? MAX_TEXT - 1 : MAX_TEXT;
      return t.substring(0, cutAt) + "… (" + raw.length() + " characters)";
    }
    return t.length() == 0 ? "(empty text)" : t.toString();
  }
}
