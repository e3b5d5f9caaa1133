package io.sharcs.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * One command-line change to the experiment tree: a dotted key path ({@code training.epochs},
 * {@code modalities.1.encoder.hidden}) and the value to put there.
 *
 * @param keys the path segments; a segment made of digits indexes a list
 * @param value the value, already parsed as YAML
 * @param option the option as the user wrote it, for messages (e.g. {@code --set a.b=1})
 */
public record ConfigOverride(List<String> keys, JsonNode value, String option) {

  public ConfigOverride {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("empty override path");
    }
    value = value == null ? NullNode.getInstance() : value;
  }

  /**
   * Puts the value into {@code root}. Missing mappings on the way are created; a list index must
   * exist.
   *
   * @throws InputError if the path runs into a scalar, a list with a key or a missing index
   */
  public void applyTo(ObjectNode root, String file) {
    JsonNode node = root;
    ConfigPath path = ConfigPath.root();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      boolean last = i == keys.size() - 1;
      if (node instanceof ArrayNode array) {
        int index = parseIndex(key);
        if (index < 0) {
          throw new InputError(
              file, path.toString(),
              "got key '" + key + "' from " + option + ", expected a list index 0.."
                  + (array.size() - 1));
        }
        path = path.index(index);
        if (index >= array.size()) {
          throw new InputError(
              file, path.toString(),
              "no such list element (" + option + "), expected an index "
                  + (array.isEmpty() ? "into a non-empty list" : "in 0.." + (array.size() - 1)));
        }
        if (last) {
          array.set(index, value.deepCopy());
          return;
        }
        node = descend(array.get(index), n -> array.set(index, n), path, file);
      } else {
        ObjectNode object = (ObjectNode) node;
        path = path.key(key);
        if (last) {
          object.set(key, value.deepCopy());
          return;
        }
        node = descend(object.get(key), n -> object.set(key, n), path, file);
      }
    }
  }

  private JsonNode descend(
      JsonNode child, Consumer<JsonNode> replace, ConfigPath path, String file) {
    if (ConfigTrees.isEmpty(child)) {
      ObjectNode created = JsonNodeFactory.instance.objectNode();
      replace.accept(created);
      return created;
    }
    if (!child.isContainerNode()) {
      throw new InputError(
          file, path.toString(),
          "got " + ConfigTrees.describe(child) + ", expected a mapping or a list to apply "
              + option);
    }
    return child;
  }

  private static int parseIndex(String key) {
    if (key.isEmpty() || key.length() > 9 || !key.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(key);
  }
}
