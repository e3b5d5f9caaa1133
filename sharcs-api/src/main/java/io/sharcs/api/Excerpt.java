package io.sharcs.api;

/**
 * Values read from a user's file as error messages may show them: a short token, never the
 * file's content. A value longer than {@value #MAX} characters is cut (its length is given), and
 * control characters are shown as {@code ?}, so that a message stays one short line whatever the
 * file holds.
 */
public final class Excerpt {

  /** The longest value shown whole. */
  public static final int MAX = 40;

  private Excerpt() {}

  /** {@code text} as a message may show it: at most {@value #MAX} characters, one line. */
  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    String shown = text.length() <= MAX ? text : text.substring(0, MAX);
    StringBuilder b = new StringBuilder(shown.length() + 24);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    if (text.length() > MAX) {
      b.append("... (").append(text.length()).append(" characters)");
    }
    return b.toString();
  }

  /** {@code text} in single quotes, as {@link #of}. */
  public static String quoted(String text) {
    return text == null ? "null" : "'" + of(text) + "'";
  }
}
