package io.sharcs.runner.datasets.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.DatasetConfig;
import io.sharcs.api.InvalidConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of the {@code manifest} data set: a CSV or JSON Lines file, one row per sample.
 *
 * @param file the CSV ({@code .csv}) or JSON Lines ({@code .jsonl}) file, relative to the
 *     experiment file's folder; relative paths in its rows resolve against its own folder
 * @param columns per modality name (in slot order), the column(s) holding it: a list of columns
 *     (numbers), one column (a text), or {@code {numbers|text|file|json: column(s)}}
 * @param label the label column; class names are kept as written
 * @param id the id column, or null to number rows from 1
 * @param split a column with values {@code train}/{@code test}, or {@code {fraction: f, seed:
 *     s}} (the seed defaults to the run's)
 * @param classes the class names in class order, or null: numeric order when every name is an
 *     integer, otherwise sorted by {@link String#compareTo}
 * @param keys per modality, where its semantic content key is (optional): a column (the key is
 *     the text), or {@code {attributes: {name: column, ...}}} (a key of named attributes, such
 *     as CLEVR's size, colour, material and shape, compared attribute by attribute)
 * @param pairing {@code label} to pair samples of the same label for the regulariser, or null
 * @param counterparts per missing modality and per modality it is rendered in, the column spec
 *     of that rendering (optional; used by missing-modality evaluation only)
 * @param localLabels per modality, the column holding the auxiliary label of that modality's own
 *     content (optional; used by local supervision, a training phase with {@code loss: local});
 *     class names are kept as written
 * @param localClasses per modality of {@code localLabels}, its local class names in class order,
 *     or none: ordered as {@code classes} is without it (numeric, else {@link String#compareTo})
 */
public record ManifestConfig(
    String file,
    Map<String, JsonNode> columns,
    String label,
    String id,
    JsonNode split,
    List<String> classes,
    Map<String, JsonNode> keys,
    String pairing,
    Map<String, Map<String, JsonNode>> counterparts,
    Map<String, JsonNode> localLabels,
    Map<String, List<String>> localClasses)
    implements DatasetConfig {

  /** The only pairing by rule. */
  public static final String PAIR_BY_LABEL = "label";

  public ManifestConfig {
    if (file == null || file.isBlank()) {
      throw new InvalidConfigException(
          "file", "missing, expected a .csv or .jsonl file relative to the experiment file");
    }
    if (!file.endsWith(".csv") && !file.endsWith(".jsonl")) {
      throw new InvalidConfigException("file", "got '" + file + "', expected a .csv or .jsonl file");
    }
    if (columns == null || columns.size() < 2) {
      throw new InvalidConfigException("columns", "got " + (columns == null ? "nothing"
          : columns.keySet()) + ", expected a mapping of at least two modality names to columns");
    }
    Map<String, JsonNode> named = columns;
    columns.forEach((m, spec) -> ColumnSpec.parse(spec, "columns." + m));
    if (label == null || label.isBlank()) {
      throw new InvalidConfigException("label", "missing, expected the label column");
    }
    if (split == null || split.isNull()) {
      throw new InvalidConfigException("split",
          "missing, expected a column with train/test values or {fraction: 0.8, seed: 1}");
    }
    SplitRule.parse(split);
    requireClassNames("classes", classes);
    keys = keys == null ? Map.of() : new LinkedHashMap<>(keys);
    keys.forEach((m, spec) -> {
      requireModality("keys." + m, m, named);
      KeySpec.parse(spec, "keys." + m);
    });
    if (pairing != null && !PAIR_BY_LABEL.equals(pairing)) {
      throw new InvalidConfigException("pairing", "got '" + pairing + "', expected label");
    }
    if (pairing != null && !keys.isEmpty()) {
      throw new InvalidConfigException("pairing", "got both pairing and keys, expected one");
    }
    counterparts = counterparts == null ? Map.of() : new LinkedHashMap<>(counterparts);
    counterparts.forEach((missing, byModality) -> {
      requireModality("counterparts." + missing, missing, named);
      byModality.forEach((in, spec) -> {
        requireModality("counterparts." + missing + "." + in, in, named);
        ColumnSpec.parse(spec, "counterparts." + missing + "." + in);
      });
    });
    localLabels = localLabels == null ? Map.of() : new LinkedHashMap<>(localLabels);
    localLabels.forEach((m, column) -> {
      requireModality("local_labels." + m, m, named);
      localColumn(column, "local_labels." + m);
    });
    Map<String, JsonNode> labelled = localLabels;
    localClasses = localClasses == null ? Map.of() : new LinkedHashMap<>(localClasses);
    localClasses.forEach((m, names) -> {
      if (!labelled.containsKey(m)) {
        throw new InvalidConfigException("local_classes." + m, "got modality '" + m
            + "', expected one of the modalities of local_labels " + labelled.keySet());
      }
      if (names == null) {
        throw new InvalidConfigException("local_classes." + m, "got nothing, expected a list of"
            + " at least two distinct class names");
      }
      requireClassNames("local_classes." + m, names);
    });
    columns = new LinkedHashMap<>(columns);
  }

  /** Per modality of {@code local_labels}, in the order written, the column of its label. */
  public Map<String, String> localLabelColumns() {
    Map<String, String> out = new LinkedHashMap<>();
    localLabels.forEach((m, column) -> out.put(m, localColumn(column, "local_labels." + m)));
    return out;
  }

  private static String localColumn(JsonNode column, String field) {
    if (column == null || !column.isTextual() || column.asText().isBlank()) {
      throw new InvalidConfigException(field, "got " + column + ", expected the column holding"
          + " the label of that modality's own content");
    }
    return column.asText();
  }

  private static void requireClassNames(String field, List<String> names) {
    if (names != null && (names.size() < 2 || names.stream().anyMatch(n -> n == null)
        || names.size() != new java.util.HashSet<>(names).size())) {
      throw new InvalidConfigException(field, "got " + names
          + ", expected at least two distinct class names");
    }
  }

  private static void requireModality(String field, String name, Map<String, JsonNode> columns) {
    if (!columns.containsKey(name)) {
      throw new InvalidConfigException(field, "got modality '" + name
          + "', expected one of " + columns.keySet());
    }
  }

  /** The keys an experiment file may leave out. */
  public record Defaults(String label) implements DatasetConfig {}

  /** {@code label: label}. */
  public static final Defaults DEFAULTS = new Defaults("label");
}
