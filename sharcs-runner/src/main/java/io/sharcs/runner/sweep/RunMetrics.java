package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.run.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads a run folder's {@code metrics.json}: a flat object of numbers. */
final class RunMetrics {

  private RunMetrics() {}

  /**
   * The numeric metrics of the run in {@code folder}, sorted by name; empty if the file is
   * missing or not a JSON object (then the run is not complete).
   */
  static Optional<SortedMap<String, Double>> read(Path folder) {
    JsonNode node;
    try {
      node = ConfigMappers.json().readTree(folder.resolve(RunFolder.METRICS).toFile());
    } catch (IOException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    SortedMap<String, Double> metrics = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getValue().isNumber()) {
        metrics.put(e.getKey(), e.getValue().asDouble());
      } else if (e.getValue().isTextual() && e.getValue().asText().equals("NaN")) {
        metrics.put(e.getKey(), Double.NaN);
      }
    }
    return Optional.of(metrics);
  }
}
