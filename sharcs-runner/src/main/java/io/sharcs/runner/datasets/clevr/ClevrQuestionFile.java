package io.sharcs.runner.datasets.clevr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.api.Excerpt;
import io.sharcs.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads CLEVR's question-file format: {@code {"info": {...}, "questions": [{"image_index",
 * "image_filename", "question", "answer", "program", ...}]}}. Only the single-object form
 * {@link ClevrAttributes#FORMAT} is accepted; other fields ({@code program}, {@code
 * question_family_index}, ...) are ignored.
 */
public final class ClevrQuestionFile {

  /** Answers read as 1; everything else must be one of {@link #NO}. */
  private static final List<String> YES = List.of("1", "yes", "true");
  private static final List<String> NO = List.of("0", "no", "false");
  private static final String ANSWERS = "0 or 1, \"0\" or \"1\", yes or no, true or false";

  private ClevrQuestionFile() {}

  /**
   * Parses {@code bytes}, the content of {@code file}.
   *
   * @throws InvalidInputException naming the file, the question index and the value for anything
   *     not in the expected form
   */
  public static List<ClevrQuestion> parse(byte[] bytes, Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(bytes);
    } catch (IOException e) {
      throw new InvalidInputException(
          file + ": not valid JSON (" + ClevrJson.parseError(e)
              + "), expected a CLEVR question file", e);
    }
    JsonNode questions = root == null ? null : root.get("questions");
    if (questions == null || !questions.isArray()) {
      throw new InvalidInputException(
          file + ": no 'questions' list, expected a CLEVR question file"
              + " {\"info\": ..., \"questions\": [...]}");
    }
    String defaultSplit = textOrNull(root.path("info").get("split"));
    List<ClevrQuestion> out = new ArrayList<>(questions.size());
    for (int i = 0; i < questions.size(); i++) {
      out.add(question(questions.get(i), i, file, defaultSplit));
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(file + ": 'questions' is empty, expected questions");
    }
    return out;
  }

  private static ClevrQuestion question(JsonNode q, int index, Path file, String defaultSplit) {
    String where = file + ": question " + index;
    if (!q.isObject()) {
      throw new InvalidInputException(where + ": found " + q.getNodeType() + ", expected an object");
    }
    JsonNode textNode = q.get("question");
    if (textNode == null || !textNode.isTextual()) {
      throw new InvalidInputException(
          where + ": 'question' is " + describe(textNode) + ", expected a string");
    }
    String text = textNode.asText();
    ClevrAttributes attributes = ClevrAttributes.parse(text).orElseThrow(() ->
        new InvalidInputException(
            where + ": question " + Excerpt.quoted(text)
                + " is not a single-object question, expected "
                + ClevrAttributes.FORMAT));
    int answer = answer(q.get("answer"), where);
    return new ClevrQuestion(index, text, attributes, answer, imageFilename(q, where, defaultSplit));
  }

  private static int answer(JsonNode node, String where) {
    if (node != null && (node.isTextual() || node.isIntegralNumber() || node.isBoolean())) {
      String value = node.asText().strip().toLowerCase(Locale.ROOT);
      if (YES.contains(value)) {
        return 1;
      }
      if (NO.contains(value)) {
        return 0;
      }
    }
    throw new InvalidInputException(
        where + ": answer " + describe(node) + ", expected " + ANSWERS);
  }

  /** {@code image_filename}, else CLEVR's naming {@code CLEVR_<split>_<6-digit index>.png}. */
  private static String imageFilename(JsonNode q, String where, String defaultSplit) {
    JsonNode name = q.get("image_filename");
    if (name != null && !name.isNull()) {
      if (!name.isTextual() || name.asText().isBlank() || name.asText().contains("/")
          || name.asText().contains("\\")) {
        throw new InvalidInputException(
            where + ": image_filename " + describe(name)
                + ", expected a file name inside the image folder");
      }
      return name.asText();
    }
    JsonNode index = q.get("image_index");
    String split = q.has("split") ? textOrNull(q.get("split")) : defaultSplit;
    if (index == null || !index.canConvertToInt() || !index.isIntegralNumber()
        || index.asInt() < 0 || split == null) {
      throw new InvalidInputException(
          where + ": no image_filename, and image_index " + describe(index) + " with split "
              + (split == null ? "none" : Excerpt.quoted(split))
              + ", expected image_filename or an image_index >= 0 and a split (in the question"
              + " or in info)");
    }
    return String.format(Locale.ROOT, "CLEVR_%s_%06d.png", split, index.asInt());
  }

  private static String textOrNull(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }

  private static String describe(JsonNode node) {
    return ClevrJson.describe(node);
  }
}
