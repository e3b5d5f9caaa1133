package io.sharcs.runner.config;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the first key of a tree that its config record does not know, looking into nested records
 * and lists of records.
 *
 * <p>Jackson builds a record as soon as it has seen all of its components and reports unknown keys
 * only after that, so a record whose value is out of range would hide a misspelled key next to it
 * ({@code train_split} instead of {@code train_size} leaves the default of {@code train_size},
 * which may not fit the {@code size} written). The misspelling is the user's mistake and is named
 * first.
 */
final class UnknownKeys {

  private UnknownKeys() {}

  /**
   * The unknown-key error of the first key of {@code tree} (in file order, depth first) that
   * {@code type} does not know, or null if there is none.
   *
   * @param base where {@code tree} sits in the file
   * @param extraKeys keys the caller consumed at {@code base}, known there too
   */
  static InputError first(
      ObjectMapper mapper,
      JsonNode tree,
      Class<?> type,
      ConfigPath base,
      Collection<String> extraKeys,
      String file) {
    return first(mapper, tree, mapper.constructType(type), base, extraKeys, file);
  }

  private static InputError first(
      ObjectMapper mapper,
      JsonNode tree,
      JavaType type,
      ConfigPath path,
      Collection<String> extraKeys,
      String file) {
    if (tree == null) {
      return null;
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      if (!tree.isArray()) {
        return null;
      }
      for (int i = 0; i < tree.size(); i++) {
        InputError e =
            first(mapper, tree.get(i), type.getContentType(), path.index(i), List.of(), file);
        if (e != null) {
          return e;
        }
      }
      return null;
    }
    if (!type.getRawClass().isRecord() || !tree.isObject()) {
      return null;
    }
    BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
    Map<String, JavaType> known = new TreeMap<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      known.put(p.getName(), p.getPrimaryType());
    }
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      String key = field.getKey();
      if (extraKeys.contains(key)) {
        continue;
      }
      JavaType valueType = known.get(key);
      if (valueType == null) {
        TreeSet<String> names = new TreeSet<>(known.keySet());
        names.addAll(extraKeys);
        return new InputError(
            file, path.key(key).toString(),
            "unknown key, expected one of " + String.join(", ", names));
      }
      InputError e =
          first(mapper, field.getValue(), valueType, path.key(key), List.of(), file);
      if (e != null) {
        return e;
      }
    }
    return null;
  }
}
