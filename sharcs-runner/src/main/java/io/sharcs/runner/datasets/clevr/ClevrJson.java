package io.sharcs.runner.datasets.clevr;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.Excerpt;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the CLEVR readers show what they found in a user's JSON file: the place (line, column) and
 * the kind of value, with at most a short token of its content ({@link Excerpt}).
 */
final class ClevrJson {

  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
  private static final int MAX_REASON = 120;

  private ClevrJson() {}

  /** {@code line L, column C: <Jackson's reason, tokens cut>} for a parse error. */
  static String parseError(IOException e) {
    StringBuilder b = new StringBuilder();
    String reason = e.getMessage();
    if (e instanceof JsonProcessingException j) {
      JsonLocation at = j.getLocation();
      if (at != null && at.getLineNr() > 0) {
        b.append("line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
      }
      reason = j.getOriginalMessage();
    }
    String first = reason == null ? "" : reason.lines().findFirst().orElse("");
    Matcher m = QUOTED.matcher(first);
    StringBuilder cut = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(cut, Matcher.quoteReplacement(Excerpt.quoted(m.group(1))));
    }
    m.appendTail(cut);
    String shown = (cut.length() <= MAX_REASON ? cut.toString()
        : cut.substring(0, MAX_REASON) + "...").replaceAll("\\p{Cntrl}", "?");
    if (!shown.isBlank()) {
      b.append(b.length() == 0 ? "" : ": ").append(shown);
    }
    return b.length() == 0 ? "unreadable" : b.toString();
  }

  /** A found value: missing, a short string token, a short scalar, or the kind of container. */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    if (node.isTextual()) {
      return Excerpt.quoted(node.asText());
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list of " + node.size();
    }
    return Excerpt.of(node.toString());
  }
}
