package io.sharcs.runner.datasets.manifest;

import io.sharcs.api.AttributeKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A content key of named attributes read from a manifest's attribute key columns. Equal when
 * the attributes are (name by name; their order does not matter), so two modalities' keys that
 * show the same content pair, as the data set's own keys did.
 *
 * @param attributes attribute name to value, in the manifest's column order
 */
record AttributeValues(Map<String, String> attributes) implements AttributeKey {

  AttributeValues {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The values in order, e.g. {@code large gray rubber sphere}. */
  @Override
  public String toString() {
    return String.join(" ", attributes.values());
  }
}
