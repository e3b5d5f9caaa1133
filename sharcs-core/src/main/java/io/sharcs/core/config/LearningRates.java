package io.sharcs.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.sharcs.api.InvalidConfigException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Learning rates for parts of the network other than {@code training.learning_rate}, by parameter
 * path ({@code training.learning_rates} in an experiment file). The reference trains MNIST's two
 * graph convolutions at 1e-2 and everything else at 1e-3:
 *
 * <pre>
 * learning_rate: 0.001
 * learning_rates: {encoders.graph.conv: 0.01}
 * </pre>
 *
 * <p>A path is dot-separated: a network part ({@link NetworkPart}: {@code encoders}, {@code
 * projections}, {@code predictor}, {@code local_heads}), then, except for the predictor, a modality
 * name, then the names of blocks inside it as their builder named them (DJL's numeric prefixes
 * dropped: the plugin's child {@code conv1} is {@code conv1}), down to a parameter name. A key
 * names every parameter below it; its last block name may be cut short, so {@code
 * encoders.graph.conv} names {@code conv1} and {@code conv2}. Where several keys name a
 * parameter, the one with more names wins. Keys are checked against the network before training
 * ({@code io.sharcs.core.train.ParameterPaths}); a key that names no parameter is an error listing
 * the paths there are.
 *
 * <p>In a file the keys may be written flat ({@code encoders.graph.conv: 0.01}) or nested ({@code
 * encoders: {graph: {conv: 0.01}}}), which is what {@code --set
 * training.learning_rates.encoders.graph.conv=0.01} makes; both mean the same key.
 */
public final class LearningRates {

  /** No part has its own rate. */
  public static final LearningRates NONE = new LearningRates(Map.of());

  private static final String FIELD = "learning_rates";

  private final SortedMap<String, Double> rates;

  /**
   * @param rates learning rate by path; each rate finite and &gt; 0, each path starting with a
   *     network part's id
   * @throws InvalidConfigException for field {@code learning_rates} otherwise
   */
  public LearningRates(Map<String, Double> rates) {
    SortedMap<String, Double> copy = new TreeMap<>();
    for (Map.Entry<String, Double> e : rates.entrySet()) {
      String key = e.getKey();
      requireWellFormed(key);
      Double rate = e.getValue();
      if (rate == null || !(rate > 0) || rate.isInfinite()) {
        throw new InvalidConfigException(
            FIELD,
            "got " + rate + " for '" + key + "', expected a learning rate > 0 (to freeze a part,"
                + " leave it out of a phase's trainable)");
      }
      copy.put(key, rate);
    }
    this.rates = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * Binds the mapping of an experiment file: flat dotted keys, nested mappings, or both.
   *
   * @throws InvalidConfigException for a leaf that is not a number or a key given twice
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static LearningRates fromTree(Map<String, Object> tree) {
    Map<String, Double> flat = new LinkedHashMap<>();
    flatten("", tree == null ? Map.of() : tree, flat);
    return new LearningRates(flat);
  }

  private static void flatten(String prefix, Map<?, ?> tree, Map<String, Double> out) {
    for (Map.Entry<?, ?> e : tree.entrySet()) {
      String key = prefix + e.getKey();
      Object value = e.getValue();
      if (value instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, out);
      } else if (value instanceof Number n) {
        if (out.put(key, n.doubleValue()) != null) {
          throw new InvalidConfigException(
              FIELD, "got '" + key + "' twice (flat and nested), expected each path once");
        }
      } else {
        throw new InvalidConfigException(
            FIELD,
            "got " + (value == null ? "nothing" : "'" + value + "'") + " for '" + key
                + "', expected a learning rate > 0");
      }
    }
  }

  private static void requireWellFormed(String key) {
    List<String> names = segments(key);
    if (names.stream().anyMatch(String::isBlank)) {
      throw new InvalidConfigException(
          FIELD, "got key '" + key + "', expected names separated by single dots");
    }
    if (NetworkPart.byId(names.get(0)) == null) {
      throw new InvalidConfigException(
          FIELD,
          "got key '" + key + "', expected a path that starts with a network part: "
              + NetworkPart.ids());
    }
  }

  /** The names of a path: {@code encoders.graph.conv} gives encoders, graph, conv. */
  public static List<String> segments(String path) {
    return List.of(path.split("\\.", -1));
  }

  /** The rates by path, sorted by path. */
  @JsonValue
  public SortedMap<String, Double> rates() {
    return rates;
  }

  /** Whether no part has its own rate. */
  public boolean isEmpty() {
    return rates.isEmpty();
  }

  /**
   * Checks the modality name of every path that has one (all parts but the predictor), so a
   * misspelt name fails before any data is read.
   *
   * @param modalities the experiment's modality names
   * @throws InvalidConfigException for field {@code training.learning_rates}
   */
  public void requireModalities(List<String> modalities) {
    for (String key : rates.keySet()) {
      List<String> names = segments(key);
      NetworkPart part = NetworkPart.byId(names.get(0));
      if (part != NetworkPart.PREDICTOR && names.size() > 1 && !modalities.contains(names.get(1))) {
        throw new InvalidConfigException(
            "training." + FIELD,
            "got key '" + key + "', whose modality '" + names.get(1) + "' is not one of the"
                + " experiment's modalities " + modalities + ", expected " + names.get(0)
                + ".<modality>[.<block>...]");
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LearningRates other && rates.equals(other.rates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rates);
  }

  @Override
  public String toString() {
    return rates.toString();
  }
}
