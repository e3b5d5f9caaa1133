package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.run.RunnerEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Helpers of the sweep tests: a tiny experiment, the real environment, YAML values. The CLI,
 * file writing and folder snapshots are {@link io.sharcs.runner.Fixtures}'.
 */
final class SweepFixtures {

  /** XOR-AND-XOR small enough that a whole run (JVM start included) takes a few seconds. */
  static final String TINY = """
      name: tiny
      seed: 0
      mode: sharcs
      dataset: {type: xor-and-xor, size: 120, train_size: 100}
      modalities:
        - name: graph
          plugin: graph
          encoder: {layers: 5, hidden: 30, negative_slope: 0.01, temperature: 1.0}
        - name: table
          plugin: tabular
          encoder: {hidden: [30]}
      training: {epochs: 3}
      """;

  private SweepFixtures() {}

  /** The real plugins and pipeline, rooted at {@code work}. */
  static RunnerEnvironment env(Path work) {
    return RunnerEnvironment.system().withWorkingDirectory(work).withGitCommit(dir -> null);
  }

  /** A YAML value, as a sweep block holds it. */
  static JsonNode yaml(String text) {
    try {
      return ConfigMappers.yaml().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sweep key with YAML values. */
  static SweepKey key(String key, String... values) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String v : values) {
      nodes.add(yaml(v));
    }
    return new SweepKey(key, nodes);
  }

  static JsonNode json(Path file) {
    try {
      return ConfigMappers.json().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code node} without {@code timing.*} metrics, at any depth: wall times differ per run. */
  static JsonNode withoutTiming(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        if (it.next().startsWith("timing.")) {
          it.remove();
        }
      }
    }
    node.forEach(SweepFixtures::strip);
  }
}
