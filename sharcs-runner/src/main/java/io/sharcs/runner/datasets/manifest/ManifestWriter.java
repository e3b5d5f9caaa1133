package io.sharcs.runner.datasets.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a data set whose inputs are still the JSON values its provider handed to the readers
 * (loaded with {@code PluginReaders.trees()}) as a manifest anyone can open: {@code rows.csv}
 * (numeric rows as numeric columns, texts as a column, graphs and other JSON as one file each
 * under {@code <modality>/}) and {@code manifest.yaml}, the {@code dataset:} block that reads it
 * back. Only JSON-valued inputs are supported; a provider that hands over files (image paths)
 * is refused with one line, as copying files is not implemented yet.
 */
public final class ManifestWriter {

  /** The manifest file's name. */
  public static final String ROWS = "rows.csv";

  /** The data set block's file name. */
  public static final String BLOCK = "manifest.yaml";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestWriter() {}

  /**
   * Writes {@code dataset} into {@code out} (created; it must be absent or empty).
   *
   * @return the number of rows written
   */
  public static int write(MultimodalDataset dataset, Path out) {
    List<MultimodalSample> all = new ArrayList<>(dataset.train());
    all.addAll(dataset.test());
    Map<String, Layout> inputs = new LinkedHashMap<>();
    for (String m : dataset.modalities()) {
      inputs.put(m, Layout.of(m, all, s -> s.input(m).orElse(null)));
    }
    Map<String, Map<String, Layout>> counterparts = new LinkedHashMap<>();
    for (String missing : dataset.modalities()) {
      for (String in : dataset.modalities()) {
        if (all.stream().anyMatch(s -> s.counterpart(missing, in).isPresent())) {
          counterparts.computeIfAbsent(missing, k -> new LinkedHashMap<>()).put(in,
              Layout.of(missing + "_as_" + in, all, s -> s.counterpart(missing, in).orElse(null)));
        }
      }
    }
    List<String> keyed = dataset.modalities().stream()
        .filter(m -> all.stream().anyMatch(s -> s.contentKey(m).isPresent())).toList();
    try {
      Files.createDirectories(out);
      try (var listing = Files.list(out)) {
        if (listing.findAny().isPresent()) {
          throw new InvalidInputException(out + ": folder is not empty, expected an absent or"
              + " empty folder");
        }
      }
      List<String> header = new ArrayList<>(List.of("id", "label", "split"));
      inputs.values().forEach(l -> header.addAll(l.columns()));
      keyed.forEach(m -> header.add(m + "_key"));
      counterparts.values().forEach(b -> b.values().forEach(l -> header.addAll(l.columns())));
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
      header.forEach(schema::addColumn);
      try (Writer w = Files.newBufferedWriter(out.resolve(ROWS));
          var rows = new CsvMapper().writer(schema.build()).writeValues(w)) {
        for (int i = 0; i < all.size(); i++) {
          MultimodalSample s = all.get(i);
          List<String> row = new ArrayList<>();
          row.add(s.id());
          row.add(dataset.classNames().get(s.label()));
          row.add(i < dataset.train().size() ? "train" : "test");
          for (String m : dataset.modalities()) {
            row.addAll(inputs.get(m).cells(s.id(), s.input(m).orElse(null), out));
          }
          keyed.forEach(m -> row.add(s.contentKey(m).map(Object::toString).orElse("")));
          counterparts.forEach((missing, b) -> b.forEach((in, l) ->
              row.addAll(l.cells(s.id(), s.counterpart(missing, in).orElse(null), out))));
          rows.write(row);
        }
      }
      ObjectNode block = JSON.createObjectNode();
      block.put("type", ManifestProvider.ID);
      block.put("file", ROWS);
      ObjectNode columns = block.putObject("columns");
      inputs.forEach((m, l) -> columns.set(m, l.spec()));
      block.put("label", "label");
      block.put("id", "id");
      block.put("split", "split");
      block.set("classes", JSON.valueToTree(dataset.classNames()));
      if (!keyed.isEmpty()) {
        ObjectNode keys = block.putObject("keys");
        keyed.forEach(m -> keys.put(m, m + "_key"));
      }
      if (!counterparts.isEmpty()) {
        ObjectNode c = block.putObject("counterparts");
        counterparts.forEach((missing, b) -> {
          ObjectNode byIn = c.putObject(missing);
          b.forEach((in, l) -> byIn.set(in, l.spec()));
        });
      }
      new ObjectMapper(new YAMLFactory()).writeValue(out.resolve(BLOCK).toFile(), block);
    } catch (IOException e) {
      throw new InvalidInputException(out + ": cannot write (" + e.getMessage() + ")", e);
    }
    return all.size();
  }

  /** How one modality's values become cells: numeric columns of a fixed width, or JSON files. */
  private record Layout(String name, int width, boolean text) {

    static Layout of(String name, List<MultimodalSample> samples,
        java.util.function.Function<MultimodalSample, Object> value) {
      int width = -1;
      boolean numeric = true;
      boolean text = true;
      for (MultimodalSample s : samples) {
        Object v = value.apply(s);
        if (v == null) {
          continue;
        }
        if (!(v instanceof JsonNode node)) {
          throw new InvalidInputException("data set sample " + s.id() + " modality '" + name
              + "': found a " + v.getClass().getSimpleName() + ", expected a JSON value"
              + " (only data sets read from JSON values can be written as manifests)");
        }
        text &= node.isTextual();
        boolean row = node.isArray() && node.size() > 0;
        for (JsonNode c : node) {
          row &= c.isNumber();
        }
        numeric &= row && (width < 0 || width == node.size());
        width = node.isArray() ? node.size() : width;
      }
      if (text) {
        throw new InvalidInputException("modality '" + name + "': found strings (file paths),"
            + " expected JSON values; copying files into a manifest is not implemented yet");
      }
      return new Layout(name, numeric ? width : -1, false);
    }

    List<String> columns() {
      if (width < 0) {
        return List.of(name);
      }
      List<String> c = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        c.add(name + "_" + i);
      }
      return c;
    }

    JsonNode spec() {
      if (width < 0) {
        return JSON.createObjectNode().put("json", name);
      }
      return JSON.valueToTree(columns());
    }

    List<String> cells(String id, Object value, Path out) {
      JsonNode node = (JsonNode) value;
      List<String> cells = new ArrayList<>();
      if (width >= 0) {
        for (int i = 0; i < width; i++) {
          // Float.toString is the shortest text that reads back to the same float bits.
          cells.add(node == null ? "" : Float.toString(node.get(i).floatValue()));
        }
        return cells;
      }
      if (node == null) {
        return List.of("");
      }
      Path file = out.resolve(name).resolve(id + ".json");
      try {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), node);
      } catch (IOException e) {
        throw new InvalidInputException(file + ": cannot write (" + e.getMessage() + ")", e);
      }
      return List.of(name + "/" + id + ".json");
    }
  }
}
