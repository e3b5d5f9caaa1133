package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.config.ConfigPath;
import io.sharcs.runner.config.ConfigTrees;
import java.util.LinkedHashSet;
import java.util.Set;

/** The first difference between two config trees, to tell the user why a folder is not reused. */
final class ConfigDiff {

  private ConfigDiff() {}

  /**
   * Describes where {@code found} first differs from {@code wanted}, e.g. {@code
   * training.epochs: 150 there, 3 in this sweep}; null if they are equal.
   */
  static String first(JsonNode found, JsonNode wanted) {
    return first(found, wanted, ConfigPath.root());
  }

  private static String first(JsonNode found, JsonNode wanted, ConfigPath path) {
    if (found == null ? wanted == null : found.equals(wanted)) {
      return null;
    }
    if (found != null && wanted != null && found.isObject() && wanted.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      wanted.fieldNames().forEachRemaining(names::add);
      found.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        String d = first(found.get(n), wanted.get(n), path.key(n));
        if (d != null) {
          return d;
        }
      }
    }
    if (found != null && wanted != null && found.isArray() && wanted.isArray()
        && found.size() == wanted.size()) {
      for (int i = 0; i < found.size(); i++) {
        String d = first(found.get(i), wanted.get(i), path.index(i));
        if (d != null) {
          return d;
        }
      }
    }
    return (path.isRoot() ? "" : path + ": ") + ConfigTrees.describe(found) + " there, "
        + ConfigTrees.describe(wanted) + " in this sweep";
  }
}
