package io.sharcs.runner.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.explain.ExplanationsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The concept catalogue sentences of a run's {@value ExplanationsJson#FILE}, by concept set
 * ({@code "shared"} or a modality name) and concept index.
 */
final class CatalogueSentences {

  private final Map<String, Map<Integer, String>> sentences;

  private CatalogueSentences(Map<String, Map<Integer, String>> sentences) {
    this.sentences = sentences;
  }

  /** No sentences: a run without explanations. */
  static CatalogueSentences none() {
    return new CatalogueSentences(Map.of());
  }

  /**
   * Reads {@code file}, or none when it does not exist.
   *
   * @param shown the file as the user would name it, for messages
   * @throws SharcsException when the file is malformed or of another format or version
   */
  static CatalogueSentences read(Path file, String shown) {
    if (!Files.isRegularFile(file)) {
      return none();
    }
    JsonNode root;
    try {
      root = ConfigMappers.json().readTree(file.toFile());
    } catch (IOException e) {
      throw new SharcsException(shown + ": cannot be read (" + InputError.oneLine(e.getMessage())
          + "), expected the explanations sharcs run writes", true, e);
    }
    if (root == null || !ExplanationsJson.FORMAT.equals(root.path("format").asText())
        || root.path("version").asInt(-1) != ExplanationsJson.VERSION) {
      throw new SharcsException(shown + ": format '" + root.path("format").asText() + "' version "
          + root.path("version") + ", expected '" + ExplanationsJson.FORMAT + "' version "
          + ExplanationsJson.VERSION, true, null);
    }
    Map<String, Map<Integer, String>> bySet = new TreeMap<>();
    root.path("catalogue").fields().forEachRemaining(set -> {
      Map<Integer, String> byIndex = new TreeMap<>();
      for (JsonNode concept : set.getValue().path("concepts")) {
        byIndex.put(concept.path("index").asInt(), concept.path("sentence").asText());
      }
      bySet.put(set.getKey(), byIndex);
    });
    return new CatalogueSentences(bySet);
  }

  /** The sentence of concept {@code index} of {@code set}, or null. */
  String sentence(String set, int index) {
    return sentences.getOrDefault(set, Map.of()).get(index);
  }
}
