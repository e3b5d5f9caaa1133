package io.sharcs.modality.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text into lower-case word tokens. With the default minimum length of 2 it is
 * scikit-learn's {@code CountVectorizer} tokenisation, which the reference uses for CLEVR
 * questions: the text is lower-cased and the tokens are the matches of {@code (?u)\b\w\w+\b},
 * runs of at least two word characters (letters, digits, underscore, in the Unicode sense).
 * Punctuation separates tokens and single characters ("a", "I", "7") are dropped.
 */
public final class Tokenizer {

  /** CountVectorizer's default: tokens of at least two word characters. */
  public static final Tokenizer DEFAULT = new Tokenizer(2);

  private final int minTokenLength;
  private final Pattern pattern;

  /**
   * @param minTokenLength the fewest word characters a token has; 2 is CountVectorizer's default
   * @throws IllegalArgumentException if {@code minTokenLength < 1}
   */
  public Tokenizer(int minTokenLength) {
    if (minTokenLength < 1) {
      throw new IllegalArgumentException("minTokenLength must be >= 1, got " + minTokenLength);
    }
    this.minTokenLength = minTokenLength;
    // UNICODE_CHARACTER_CLASS gives \w and \b Python 3's Unicode meaning (Java's default is ASCII).
    this.pattern = Pattern.compile(
        "\\b\\w{" + minTokenLength + ",}\\b", Pattern.UNICODE_CHARACTER_CLASS);
  }

  /** The fewest word characters a token has. */
  public int minTokenLength() {
    return minTokenLength;
  }

  /** The tokens of {@code text}, lower-cased, in text order, repeats kept. */
  public List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    // Lower-casing first, as CountVectorizer does, so that the match sees the final characters.
    Matcher m = pattern.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  /**
   * Where the tokens of {@link #tokenize} lie in {@code text} itself, as {@code {start, end}}
   * character ranges, for showing them in place. The same pattern is matched on the text as
   * written rather than lower-cased; the two agree except for the rare characters whose lower
   * case has another length (U+0130, say).
   */
  List<int[]> spans(String text) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    return spans;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tokenizer t && t.minTokenLength == minTokenLength;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(minTokenLength);
  }

  @Override
  public String toString() {
    return "Tokenizer(lower-case, tokens of >= " + minTokenLength + " word characters)";
  }
}
