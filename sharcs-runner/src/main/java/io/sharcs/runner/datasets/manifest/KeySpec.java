package io.sharcs.runner.datasets.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one modality's content key sits in a manifest row: one column, whose text is the key,
 * or one column per named attribute ({@code {attributes: {size: text_size, ...}}}), which
 * becomes an {@link io.sharcs.api.AttributeKey} so cross-modal retrieval is also scored per
 * attribute.
 *
 * @param column the key column, or null for an attribute key
 * @param attributes attribute name to its column, in order; empty for a one-column key
 */
public record KeySpec(String column, Map<String, String> attributes) {

  public KeySpec {
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The columns the key is read from. */
  public List<String> columns() {
    return column != null ? List.of(column) : new ArrayList<>(attributes.values());
  }

  /**
   * Parses {@code column} or {@code {attributes: {name: column, ...}}}.
   *
   * @param field the config field, for messages
   * @throws InvalidConfigException on anything else
   */
  public static KeySpec parse(JsonNode node, String field) {
    if (node != null && node.isTextual() && !node.asText().isBlank()) {
      return new KeySpec(node.asText(), Map.of());
    }
    if (node != null && node.isObject() && node.size() == 1 && node.has("attributes")) {
      JsonNode named = node.get("attributes");
      Map<String, String> attributes = new LinkedHashMap<>();
      if (named.isObject()) {
        named.fields().forEachRemaining(e -> {
          if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
            throw new InvalidConfigException(field + ".attributes." + e.getKey(), "got "
                + e.getValue() + ", expected a column name");
          }
          attributes.put(e.getKey(), e.getValue().asText());
        });
      }
      if (attributes.isEmpty()) {
        throw new InvalidConfigException(field + ".attributes", "got " + named
            + ", expected a mapping of attribute names to columns");
      }
      return new KeySpec(null, attributes);
    }
    throw new InvalidConfigException(field, "got " + node + ", expected a column name or"
        + " {attributes: {name: column, ...}}");
  }
}
