package io.sharcs.modality.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text preprocessing saved next to a model, {@code <modality>.vocabulary.json}:
 *
 * <pre>{@code
 * {
 *   "format": "sharcs-text-vocabulary",
 *   "version": 1,
 *   "representation": "bag-of-words",
 *   "lowercase": true,
 *   "min_token_length": 2,
 *   "max_tokens": 4,
 *   "words": ["ball", "big", ...],
 *   "counts": [41, 17, ...]
 * }
 * }</pre>
 *
 * {@code max_tokens} is the length of the longest training text in tokens. {@code words} are in
 * column order (alphabetical); {@code counts} are their occurrences in the
 * training texts. In a sequence, word {@code i} has id {@code i + 2} (0 is padding, 1 unknown).
 */
public final class VocabularyFile {

  /** The value of the {@code format} key. */
  public static final String FORMAT = "sharcs-text-vocabulary";
  /** The format version written and read. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> KEYS =
      Set.of("format", "version", "representation", "lowercase", "min_token_length",
          "max_tokens", "words", "counts");

  private VocabularyFile() {}

  /** The file name for modality {@code modality}. */
  public static String fileName(String modality) {
    return modality + ".vocabulary.json";
  }

  /** Writes {@code preprocessor}'s learned state to {@code file}. */
  public static void write(Path file, TextPreprocessor preprocessor) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("representation", preprocessor.representation());
    root.put("lowercase", true);
    root.put("min_token_length", preprocessor.tokenizer().minTokenLength());
    root.put("max_tokens", preprocessor.maxTokens());
    Vocabulary vocabulary = preprocessor.vocabulary();
    ArrayNode words = root.putArray("words");
    vocabulary.words().forEach(words::add);
    ArrayNode counts = root.putArray("counts");
    for (long c : vocabulary.counts()) {
      counts.add(c);
    }
    Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Reads a file written by {@link #write}.
   *
   * @throws InvalidInputException naming the file and the key on a missing file or any content
   *     that is not what {@link #write} produces
   */
  public static TextPreprocessor read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": file not found, expected a text vocabulary");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(file + ": expected a JSON object");
    }
    root.fieldNames().forEachRemaining(key -> {
      if (!KEYS.contains(key)) {
        throw new InvalidInputException(
            file + ": unknown key '" + key + "', expected only " + new java.util.TreeSet<>(KEYS));
      }
    });
    if (!FORMAT.equals(root.path("format").asText(null))) {
      throw new InvalidInputException(
          file + ": key 'format' is " + root.path("format") + ", expected \"" + FORMAT + "\"");
    }
    if (!root.path("version").isInt() || root.get("version").intValue() != VERSION) {
      throw new InvalidInputException(
          file + ": key 'version' is " + root.path("version") + ", expected " + VERSION);
    }
    if (!root.path("lowercase").isBoolean() || !root.get("lowercase").booleanValue()) {
      throw new InvalidInputException(
          file + ": key 'lowercase' is " + root.path("lowercase") + ", expected true");
    }
    JsonNode representation = root.path("representation");
    if (!representation.isTextual()
        || !(representation.textValue().equals(TextEncoderConfig.BAG_OF_WORDS)
            || representation.textValue().equals(TextEncoderConfig.SEQUENCE))) {
      throw new InvalidInputException(
          file + ": key 'representation' is " + representation + ", expected \""
              + TextEncoderConfig.BAG_OF_WORDS + "\" or \"" + TextEncoderConfig.SEQUENCE + "\"");
    }
    JsonNode minLength = root.path("min_token_length");
    if (!minLength.isInt() || minLength.intValue() < 1) {
      throw new InvalidInputException(
          file + ": key 'min_token_length' is " + minLength + ", expected an integer >= 1");
    }
    JsonNode maxTokens = root.path("max_tokens");
    if (!maxTokens.isInt() || maxTokens.intValue() < 1) {
      throw new InvalidInputException(
          file + ": key 'max_tokens' is " + maxTokens + ", expected an integer >= 1");
    }
    JsonNode words = root.path("words");
    JsonNode counts = root.path("counts");
    if (!words.isArray() || !counts.isArray() || words.size() != counts.size()
        || words.isEmpty()) {
      throw new InvalidInputException(
          file + ": keys 'words' and 'counts' hold " + describe(words) + " and "
              + describe(counts) + ", expected two non-empty lists of equal length");
    }
    List<String> wordList = new ArrayList<>(words.size());
    long[] countArray = new long[counts.size()];
    for (int i = 0; i < words.size(); i++) {
      if (!words.get(i).isTextual()) {
        throw new InvalidInputException(
            file + ": words[" + i + "] is " + words.get(i) + ", expected a string");
      }
      if (!counts.get(i).canConvertToLong() || !counts.get(i).isIntegralNumber()) {
        throw new InvalidInputException(
            file + ": counts[" + i + "] is " + counts.get(i) + ", expected an integer >= 1");
      }
      wordList.add(words.get(i).textValue());
      countArray[i] = counts.get(i).longValue();
    }
    Vocabulary vocabulary;
    try {
      vocabulary = new Vocabulary(wordList, countArray);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          file + ": invalid vocabulary (" + e.getMessage() + "), expected distinct words in"
              + " alphabetical order with counts >= 1", e);
    }
    return new TextPreprocessor(
        new Tokenizer(minLength.intValue()), vocabulary, representation.textValue(),
        maxTokens.intValue());
  }

  private static String describe(JsonNode node) {
    return node.isMissingNode() ? "nothing"
        : node.isArray() ? "a list of " + node.size()
        : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
