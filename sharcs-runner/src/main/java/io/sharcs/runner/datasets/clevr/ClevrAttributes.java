package io.sharcs.runner.datasets.clevr;

import io.sharcs.api.AttributeKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of a single-object CLEVR scene or question: canonical size, colour, material and
 * shape (synonyms folded, so "big shiny ball" and "large metal sphere" are equal). The content key
 * of both the text and the image modality.
 *
 * @param size {@code large} or {@code small}
 * @param color one of CLEVR's eight colours
 * @param material {@code rubber} or {@code metal}
 * @param shape {@code cube}, {@code sphere} or {@code cylinder}
 */
public record ClevrAttributes(String size, String color, String material, String shape)
    implements AttributeKey {

  /** The question form, for messages. */
  public static final String FORMAT = "'<size> <color> <material> <shape>' with size "
      + ClevrVocabulary.describe(ClevrVocabulary.SIZES) + ", color "
      + ClevrVocabulary.describe(ClevrVocabulary.COLORS) + ", material "
      + ClevrVocabulary.describe(ClevrVocabulary.MATERIALS) + ", shape "
      + ClevrVocabulary.describe(ClevrVocabulary.SHAPES);

  public ClevrAttributes {
    require("size", size, ClevrVocabulary.SIZES);
    require("color", color, ClevrVocabulary.COLORS);
    require("material", material, ClevrVocabulary.MATERIALS);
    require("shape", shape, ClevrVocabulary.SHAPES);
  }

  /**
   * Parses a question of the form {@link #FORMAT}: four words, any case, any whitespace between
   * them, synonyms allowed.
   *
   * @return the folded attributes, or empty if {@code question} is not of that form
   */
  public static Optional<ClevrAttributes> parse(String question) {
    String[] words = question.strip().split("\\s+");
    if (words.length != 4) {
      return Optional.empty();
    }
    Optional<String> size = ClevrVocabulary.size(words[0]);
    Optional<String> color = ClevrVocabulary.color(words[1]);
    Optional<String> material = ClevrVocabulary.material(words[2]);
    Optional<String> shape = ClevrVocabulary.shape(words[3]);
    if (size.isEmpty() || color.isEmpty() || material.isEmpty() || shape.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ClevrAttributes(size.get(), color.get(), material.get(), shape.get()));
  }

  /** Size, colour, material, shape, in that order. */
  @Override
  public Map<String, String> attributes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("size", size);
    m.put("color", color);
    m.put("material", material);
    m.put("shape", shape);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The canonical description, e.g. {@code "large gray rubber sphere"}. */
  public String describe() {
    return size + " " + color + " " + material + " " + shape;
  }

  @Override
  public String toString() {
    return describe();
  }

  private static void require(String attribute, String value, List<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      throw new IllegalArgumentException(
          attribute + " is '" + value + "', expected one of " + allowed);
    }
  }
}
