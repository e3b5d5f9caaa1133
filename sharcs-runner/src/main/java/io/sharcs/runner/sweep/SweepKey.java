package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One key of a {@code sweep:} block: a config key path in the syntax {@code --set} takes ({@code
 * seed}, {@code training.lambda}, {@code modalities.1.encoder.hidden}) and the values it takes in
 * the grid.
 *
 * @param key the dotted key path as written in the file
 * @param values at least one value, in file order, distinct
 */
record SweepKey(String key, List<JsonNode> values) {

  /** The key whose groups are summarised: every other swept key defines a group. */
  static final String SEED = "seed";
  /** The key that names the run folder above {@code seed-N}, as {@code sharcs run} does. */
  static final String MODE = "mode";

  SweepKey {
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values for " + key);
    }
  }

  boolean isSeed() {
    return key.equals(SEED);
  }

  boolean isMode() {
    return key.equals(MODE);
  }

  /** The path segments; a segment of digits indexes a list. */
  List<String> segments() {
    return List.of(key.split("\\.", -1));
  }

  /** The {@code --set} argument that gives this key {@code value}: the value as JSON (YAML too). */
  String set(JsonNode value) {
    return key + "=" + value.toString();
  }

  /** The key as config paths appear in error messages: list indices in brackets. */
  String rendered() {
    StringBuilder sb = new StringBuilder();
    for (String s : segments()) {
      if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(s).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(s);
      }
    }
    return sb.toString();
  }

  /** {@code key=value, ...} for messages: scalars as written, lists and mappings as JSON. */
  static String describe(List<SweepKey> keys, List<JsonNode> values) {
    StringJoiner j = new StringJoiner(", ");
    for (int i = 0; i < keys.size(); i++) {
      JsonNode v = values.get(i);
      j.add(keys.get(i).key() + "=" + (v.isValueNode() ? v.asText() : v.toString()));
    }
    return j.toString();
  }
}
