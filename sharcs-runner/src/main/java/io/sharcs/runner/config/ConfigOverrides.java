package io.sharcs.runner.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command-line changes to an experiment, in the order they apply: every {@code --set
 * key=value} in order, then {@code --seed} and {@code --mode} (so the dedicated options win).
 */
public final class ConfigOverrides {

  private static final ConfigOverrides NONE = new ConfigOverrides(List.of());

  private final List<ConfigOverride> items;

  private ConfigOverrides(List<ConfigOverride> items) {
    this.items = List.copyOf(items);
  }

  /** No overrides. */
  public static ConfigOverrides none() {
    return NONE;
  }

  /**
   * Parses the options. Values are parsed as YAML scalars or flow values ({@code 10}, {@code
   * reference}, {@code [20, 20]}, {@code {hidden: [5]}}); an empty value is null.
   *
   * @param seed {@code --seed}, or null
   * @param mode {@code --mode}, or null
   * @param sets the {@code --set key=value} options, in order
   * @param file the experiment file as named by the user, for messages
   * @throws InputError on a {@code --set} without {@code =}, with an empty key or a value that is
   *     not YAML
   */
  public static ConfigOverrides parse(Long seed, String mode, List<String> sets, String file) {
    List<ConfigOverride> items = new ArrayList<>();
    for (String set : sets == null ? List.<String>of() : sets) {
      items.add(parseSet(set, file));
    }
    if (seed != null) {
      items.add(new ConfigOverride(
          List.of("seed"), JsonNodeFactory.instance.numberNode(seed), "--seed " + seed));
    }
    if (mode != null) {
      items.add(new ConfigOverride(
          List.of("mode"), JsonNodeFactory.instance.textNode(mode), "--mode " + mode));
    }
    return new ConfigOverrides(items);
  }

  private static ConfigOverride parseSet(String set, String file) {
    String option = "--set " + set;
    int eq = set.indexOf('=');
    if (eq < 0) {
      throw new InputError(file, null, "got '" + option + "', expected --set key=value");
    }
    String key = set.substring(0, eq).strip();
    List<String> keys = Arrays.asList(key.split("\\.", -1));
    if (key.isEmpty() || keys.stream().anyMatch(String::isBlank)) {
      throw new InputError(
          file, null,
          "got '" + option + "', expected a dotted key path like training.epochs=10");
    }
    return new ConfigOverride(keys, parseValue(set.substring(eq + 1), key, option, file), option);
  }

  static JsonNode parseValue(String text, String key, String option, String file) {
    if (text.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      JsonNode value = ConfigMappers.yaml().readTree(text);
      return value == null || value.isMissingNode() ? NullNode.getInstance() : value;
    } catch (TaglessYamlFactory.TagException e) {
      String inner = e.path();
      String path = inner.isEmpty() ? key : key + (inner.startsWith("[") ? "" : ".") + inner;
      throw new InputError(file, path, e.problem() + " (from " + option + ")", e);
    } catch (JsonProcessingException e) {
      String nonFinite = ConfigErrors.nonFinite(e);
      if (nonFinite != null) {
        throw new InputError(
            file, key, "got " + nonFinite + " from " + option + ", expected a finite number", e);
      }
      throw new InputError(
          file, key, "got '" + text + "' from " + option + ", expected a YAML value", e);
    }
  }

  /** Applies every override to {@code root}, in order. */
  public void applyTo(ObjectNode root, String file) {
    for (ConfigOverride o : items) {
      o.applyTo(root, file);
    }
  }

  /** The overrides, in order. */
  public List<ConfigOverride> items() {
    return items;
  }
}
