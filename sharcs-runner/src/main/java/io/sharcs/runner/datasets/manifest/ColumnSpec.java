package io.sharcs.runner.datasets.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where one modality's value sits in a manifest row and how it becomes the JSON value its
 * plugin reads.
 *
 * @param kind how the cells are turned into the plugin's JSON value
 * @param columns the columns, one unless {@link Kind#NUMBERS}
 */
public record ColumnSpec(Kind kind, List<String> columns) {

  /** The kinds of cells. */
  public enum Kind {
    /** Numeric columns, handed over as a list of numbers (a table row). */
    NUMBERS,
    /** One column, handed over as a string (a text). */
    TEXT,
    /** One column holding a file path, handed over as the resolved path (an image). */
    FILE,
    /** One column holding inline JSON ({@code {...}} or {@code [...]}) or a path to a JSON file. */
    JSON
  }

  public ColumnSpec {
    columns = List.copyOf(columns);
  }

  /**
   * Parses {@code [c1, c2]} (numbers), {@code c} (text) or {@code {kind: column(s)}}.
   *
   * @param field the config field, for messages
   * @throws InvalidConfigException on anything else
   */
  public static ColumnSpec parse(JsonNode node, String field) {
    String expected = "a column name (text), a list of columns (numbers) or {numbers|text|file|json:"
        + " column(s)}";
    if (node != null && node.isTextual() && !node.asText().isBlank()) {
      return new ColumnSpec(Kind.TEXT, List.of(node.asText()));
    }
    if (node != null && node.isArray()) {
      return new ColumnSpec(Kind.NUMBERS, names(node, field));
    }
    if (node != null && node.isObject() && node.size() == 1) {
      String key = node.fieldNames().next();
      Kind kind;
      try {
        kind = Kind.valueOf(key.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigException(field, "got kind '" + key
            + "', expected numbers, text, file or json");
      }
      JsonNode value = node.get(key);
      if (kind == Kind.NUMBERS && value.isArray()) {
        return new ColumnSpec(kind, names(value, field + "." + key));
      }
      if (value.isTextual() && !value.asText().isBlank()) {
        return new ColumnSpec(kind, List.of(value.asText()));
      }
      throw new InvalidConfigException(field + "." + key, "got " + value
          + ", expected a column name" + (kind == Kind.NUMBERS ? " or a list of them" : ""));
    }
    throw new InvalidConfigException(field, "got " + node + ", expected " + expected);
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> names = new ArrayList<>();
    for (JsonNode n : array) {
      if (!n.isTextual() || n.asText().isBlank()) {
        throw new InvalidConfigException(field, "got " + n + " in the list, expected column names");
      }
      names.add(n.asText());
    }
    if (names.isEmpty()) {
      throw new InvalidConfigException(field, "got an empty list, expected column names");
    }
    return names;
  }
}
