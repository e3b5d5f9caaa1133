package io.sharcs.runner.datasets.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidConfigException;

/**
 * How a manifest's rows split into train and test: by a column, or by a seeded fraction.
 *
 * @param column the column with {@code train}/{@code test} values, or null
 * @param fraction the fraction of training rows when {@code column} is null, in (0, 1)
 * @param seed the shuffle's seed, or null for the run's seed
 */
public record SplitRule(String column, double fraction, Long seed) {

  /** Parses {@code split} (a column name) or {@code {fraction: f, seed: s}}. */
  public static SplitRule parse(JsonNode node) {
    if (node.isTextual() && !node.asText().isBlank()) {
      return new SplitRule(node.asText(), Double.NaN, null);
    }
    if (node.isObject()) {
      JsonNode f = node.get("fraction");
      JsonNode s = node.get("seed");
      node.fieldNames().forEachRemaining(k -> {
        if (!k.equals("fraction") && !k.equals("seed")) {
          throw new InvalidConfigException("split." + k, "unknown key, expected fraction or seed");
        }
      });
      if (f == null || !f.isNumber() || !(f.doubleValue() > 0 && f.doubleValue() < 1)) {
        throw new InvalidConfigException("split.fraction", "got " + f + ", expected a number in (0, 1)");
      }
      if (s != null && !s.canConvertToLong()) {
        throw new InvalidConfigException("split.seed", "got " + s + ", expected an integer");
      }
      return new SplitRule(null, f.doubleValue(), s == null ? null : s.longValue());
    }
    throw new InvalidConfigException("split", "got " + node
        + ", expected a column name or {fraction: 0.8, seed: 1}");
  }
}
