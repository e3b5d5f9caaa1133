package io.sharcs.runner.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.ConfigTrees;
import io.sharcs.runner.config.InputError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code sweep:} block of an experiment file: a mapping from dotted config keys to
 * non-empty lists of distinct values. The shape is checked here; whether a value suits its key is
 * checked by loading the experiment with it ({@link SweepPlanner}).
 */
final class SweepBlock {

  private static final Pattern KEY = Pattern.compile("[^\\s.=]+(\\.[^\\s.=]+)*");
  private static final String EXAMPLE = "e.g. sweep: {seed: [0, 4, 13], training.lambda: [0.1, 1]}";

  private SweepBlock() {}

  /**
   * The keys in grid order: the file's keys in file order, except that {@code mode} and then
   * {@code seed} come last, so that every run folder ends in {@code sharcs run}'s
   * {@code <mode>/seed-<seed>} layout and the seeds of one group are neighbours.
   *
   * @param block the value of the {@code sweep} key, or null if there is none
   * @param file the experiment file as the user named it
   * @throws InputError naming {@code sweep} or {@code sweep.<key>} on a malformed block
   */
  static List<SweepKey> parse(JsonNode block, String file) {
    if (ConfigTrees.isEmpty(block) || (block.isObject() && block.isEmpty())) {
      throw new InputError(file, "sweep",
          "got " + (block != null && block.isObject() ? "an empty mapping" : "nothing")
              + ", expected a mapping from config keys to lists of values (" + EXAMPLE + ")");
    }
    if (!block.isObject()) {
      throw new InputError(file, "sweep", "got " + ConfigTrees.describe(block)
          + ", expected a mapping from config keys to lists of values (" + EXAMPLE + ")");
    }
    List<SweepKey> others = new ArrayList<>();
    SweepKey mode = null;
    SweepKey seed = null;
    for (Map.Entry<String, JsonNode> e : block.properties()) {
      SweepKey key = key(e.getKey(), e.getValue(), file);
      if (key.isMode()) {
        mode = key;
      } else if (key.isSeed()) {
        seed = key;
      } else {
        others.add(key);
      }
    }
    if (mode != null) {
      others.add(mode);
    }
    if (seed != null) {
      others.add(seed);
    }
    return List.copyOf(others);
  }

  private static SweepKey key(String key, JsonNode values, String file) {
    String path = "sweep." + key;
    if (!KEY.matcher(key).matches()) {
      throw new InputError(file, path,
          "is not a config key, expected a dotted key path as --set takes it,"
              + " e.g. training.lambda");
    }
    if (key.equals("name")) {
      throw new InputError(file, path,
          "the experiment name names the sweep folder and cannot be swept, expected another key");
    }
    if (values != null && values.isObject()) {
      throw new InputError(file, path, "got a mapping, expected a list of values (write nested"
          + " keys with dots, e.g. training.lambda: [0.1, 1])");
    }
    if (values == null || !values.isArray()) {
      throw new InputError(file, path,
          "got " + ConfigTrees.describe(values) + ", expected a list of values, e.g. [0, 4, 13]");
    }
    if (values.isEmpty()) {
      throw new InputError(file, path, "got an empty list, expected at least one value");
    }
    Set<JsonNode> seen = new HashSet<>();
    List<JsonNode> list = new ArrayList<>();
    for (JsonNode v : values) {
      if (!seen.add(v)) {
        throw new InputError(file, path,
            "got " + ConfigTrees.describe(v) + " twice, expected distinct values");
      }
      checkPassable(v, path, file);
      list.add(v);
    }
    return new SweepKey(key, list);
  }

  /** A value reaches a run as a {@code --set} argument; it must read back as the same value. */
  private static void checkPassable(JsonNode value, String path, String file) {
    JsonNode back;
    try {
      back = ConfigMappers.yaml().readTree(value.toString());
    } catch (JsonProcessingException e) {
      back = null;
    }
    if (!value.equals(back)) {
      throw new InputError(file, path, "got " + ConfigTrees.describe(value)
          + ", which cannot be passed to a run as --set " + value
          + ", expected a plain YAML value");
    }
  }
}
