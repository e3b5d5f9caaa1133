package io.sharcs.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.StringJoiner;

/** Small operations on Jackson trees: merging a file over defaults, lookup, description. */
public final class ConfigTrees {

  private ConfigTrees() {}

  /**
   * Returns a deep copy of {@code base} with {@code overlay} merged in: the overlay wins, mappings
   * are merged key by key, everything else (lists, scalars) is replaced. An {@link #isEmpty empty}
   * overlay, or an empty value over a mapping, leaves the base as it is (an empty {@code
   * encoder:} in YAML means "the defaults").
   */
  public static ObjectNode merge(ObjectNode base, JsonNode overlay) {
    ObjectNode result = base.deepCopy();
    if (isEmpty(overlay)) {
      return result;
    }
    for (Map.Entry<String, JsonNode> e : overlay.properties()) {
      JsonNode current = result.get(e.getKey());
      JsonNode value = e.getValue();
      if (current instanceof ObjectNode currentObject && (value.isObject() || isEmpty(value))) {
        result.set(e.getKey(), merge(currentObject, value));
      } else {
        result.set(e.getKey(), value.deepCopy());
      }
    }
    return result;
  }

  /**
   * Whether {@code node} holds nothing: absent, null, or the empty scalar of a YAML key without a
   * value ({@code encoder:}).
   */
  public static boolean isEmpty(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode()
        || (node.isTextual() && node.asText().isEmpty());
  }

  /** The node at {@code path} below {@code root}, or null if there is none. */
  public static JsonNode at(JsonNode root, ConfigPath path) {
    JsonNode node = root;
    for (Object s : path.segments()) {
      if (node == null) {
        return null;
      }
      node = s instanceof Integer i ? node.get(i) : node.get((String) s);
    }
    return node;
  }

  /** Describes a value as found in a file, e.g. {@code 'tabulr'}, {@code 0}, {@code a list}. */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode() || (node.isTextual() && node.asText().isEmpty())) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "'" + InputError.oneLine(node.asText()) + "'";
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    if (node.isArray()) {
      if (node.size() > 8 || !allScalars(node)) {
        return "a list";
      }
      StringJoiner items = new StringJoiner(", ", "a list [", "]");
      node.forEach(n -> items.add(n.isTextual() ? "'" + n.asText() + "'" : n.asText()));
      return items.toString();
    }
    if (node.isObject()) {
      return "a mapping";
    }
    return "'" + node.asText() + "'";
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode n : array) {
      if (n.isContainerNode()) {
        return false;
      }
    }
    return true;
  }
}
