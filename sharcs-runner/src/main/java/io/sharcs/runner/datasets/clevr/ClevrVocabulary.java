package io.sharcs.runner.datasets.clevr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CLEVR's single-object vocabulary (method spec section 1.4): the canonical values of the four
 * attributes and the synonyms CLEVR's question templates use for them. 22 words in all.
 */
public final class ClevrVocabulary {

  /** Canonical sizes. */
  public static final List<String> SIZES = List.of("large", "small");

  /** Canonical colours, in CLEVR's order. */
  public static final List<String> COLORS =
      List.of("gray", "red", "blue", "green", "brown", "purple", "cyan", "yellow");

  /** Canonical materials. */
  public static final List<String> MATERIALS = List.of("rubber", "metal");

  /** Canonical shapes. */
  public static final List<String> SHAPES = List.of("cube", "sphere", "cylinder");

  // Every word a question may use for a value, canonical word first (CLEVR's synonyms.json).
  private static final Map<String, List<String>> SYNONYMS = Map.of(
      "large", List.of("large", "big"),
      "small", List.of("small", "tiny"),
      "metal", List.of("metal", "metallic", "shiny"),
      "rubber", List.of("rubber", "matte"),
      "sphere", List.of("sphere", "ball"),
      "cube", List.of("cube", "block"),
      "cylinder", List.of("cylinder"));

  private static final Map<String, String> SIZE_WORDS = fold(SIZES);
  private static final Map<String, String> COLOR_WORDS = fold(COLORS);
  private static final Map<String, String> MATERIAL_WORDS = fold(MATERIALS);
  private static final Map<String, String> SHAPE_WORDS = fold(SHAPES);

  private ClevrVocabulary() {}

  /** The words that may stand for the canonical {@code value}, canonical word first. */
  public static List<String> synonyms(String value) {
    return SYNONYMS.getOrDefault(value, List.of(value));
  }

  /** The canonical size for {@code word} (e.g. {@code big -> large}), if it is a size word. */
  public static Optional<String> size(String word) {
    return lookup(SIZE_WORDS, word);
  }

  /** The canonical colour for {@code word}, if it is a colour word. */
  public static Optional<String> color(String word) {
    return lookup(COLOR_WORDS, word);
  }

  /** The canonical material for {@code word} (e.g. {@code shiny -> metal}). */
  public static Optional<String> material(String word) {
    return lookup(MATERIAL_WORDS, word);
  }

  /** The canonical shape for {@code word} (e.g. {@code ball -> sphere}). */
  public static Optional<String> shape(String word) {
    return lookup(SHAPE_WORDS, word);
  }

  /** The words of one attribute, canonical values and synonyms, for messages. */
  static String describe(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (String v : values) {
      for (String w : synonyms(v)) {
        sb.append(sb.length() == 0 ? "" : "|").append(w);
      }
    }
    return sb.toString();
  }

  private static Optional<String> lookup(Map<String, String> words, String word) {
    return Optional.ofNullable(words.get(word.toLowerCase(Locale.ROOT)));
  }

  private static Map<String, String> fold(List<String> values) {
    Map<String, String> words = new LinkedHashMap<>();
    for (String v : values) {
      for (String w : synonyms(v)) {
        words.put(w, v);
      }
    }
    return Map.copyOf(words);
  }
}
