package io.sharcs.runner.datasets.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.sharcs.api.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams the rows of a CSV or JSON Lines manifest, one {@link ManifestRow} at a time, so a file
 * of any length is read in constant memory. CSV is parsed by Jackson's CSV module; every error is
 * one line naming the file, the line, the column, what was found and what is expected.
 */
public final class ManifestReader implements Iterator<ManifestRow>, AutoCloseable {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String display;
  private final ManifestFolder folder;
  private final Map<String, ColumnSpec> columns;
  private final String labelColumn;
  private final String idColumn;
  private final String splitColumn;
  private final Map<String, KeySpec> keyColumns;
  private final Map<String, Map<String, ColumnSpec>> counterpartColumns;
  private final Map<String, String> localLabelColumns;
  private final boolean csv;
  private final MappingIterator<?> rows;
  private final List<String> header;
  private long rowNumber;

  /**
   * Opens {@code file}.
   *
   * @param display the file as the user named it, for messages
   * @param requireLabel whether the label column must exist (training) or may be absent
   *     (scoring); the local label columns are read only when it must
   * @param requireSplit whether the split column (when the config names one) must exist
   * @throws InvalidInputException if the file is missing, unreadable, or lacks a named column
   */
  public ManifestReader(
      ManifestConfig config, Path file, String display, boolean requireLabel,
      boolean requireSplit) {
    this.display = display;
    this.folder = new ManifestFolder(file.toAbsolutePath().getParent());
    this.columns = new LinkedHashMap<>();
    config.columns().forEach((m, spec) -> columns.put(m, ColumnSpec.parse(spec, "columns." + m)));
    this.labelColumn = config.label();
    this.idColumn = config.id();
    this.splitColumn = requireSplit ? SplitRule.parse(config.split()).column() : null;
    this.keyColumns = new LinkedHashMap<>();
    config.keys().forEach((m, spec) -> keyColumns.put(m, KeySpec.parse(spec, "keys." + m)));
    this.counterpartColumns = new LinkedHashMap<>();
    config.counterparts().forEach((missing, byModality) -> {
      Map<String, ColumnSpec> specs = new LinkedHashMap<>();
      byModality.forEach((in, spec) -> specs.put(in, ColumnSpec.parse(spec, "counterparts")));
      counterpartColumns.put(missing, specs);
    });
    this.localLabelColumns = requireLabel ? config.localLabelColumns() : Map.of();
    this.csv = file.getFileName().toString().endsWith(".csv");
    try {
      if (csv) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        MappingIterator<String[]> it = mapper.readerFor(String[].class)
            .with(CsvSchema.emptySchema()).readValues(Files.newBufferedReader(file));
        if (!it.hasNextValue()) {
          throw new InvalidInputException(display + ": line 1: found an empty file, expected a"
              + " header line naming the columns");
        }
        this.header = List.of(it.nextValue());
        this.rowNumber = 0;
        this.rows = it;
        checkHeader(requireLabel);
      } else {
        this.header = null;
        this.rows = JSON.readerFor(JsonNode.class).readValues(Files.newBufferedReader(file));
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(display + ": file not found, expected a .csv or .jsonl"
          + " manifest");
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException i) {
        throw i;
      }
      throw new InvalidInputException(display + ": cannot read (" + oneLine(e) + ")", e);
    }
  }

  private void checkHeader(boolean requireLabel) {
    List<String> needed = new ArrayList<>();
    columns.values().forEach(s -> needed.addAll(s.columns()));
    if (requireLabel) {
      needed.add(labelColumn);
    }
    if (idColumn != null) {
      needed.add(idColumn);
    }
    if (splitColumn != null) {
      needed.add(splitColumn);
    }
    keyColumns.values().forEach(k -> needed.addAll(k.columns()));
    counterpartColumns.values().forEach(m -> m.values().forEach(s -> needed.addAll(s.columns())));
    needed.addAll(localLabelColumns.values());
    for (String c : needed) {
      if (!header.contains(c)) {
        throw new InvalidInputException(display + ": line 1: column '" + c
            + "' not found, expected it among the header's columns " + header);
      }
    }
    if (header.size() != new java.util.HashSet<>(header).size()) {
      throw new InvalidInputException(display + ": line 1: found a column named twice in "
          + header + ", expected distinct column names");
    }
  }

  @Override
  public boolean hasNext() {
    try {
      return rows.hasNextValue();
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(display + ": line " + (rowNumber + (csv ? 2 : 1))
          + ": found malformed " + (csv ? "CSV" : "JSON") + ", expected one "
          + (csv ? "row of comma-separated values" : "JSON object per line") + " ("
          + oneLine(e) + ")", e);
    }
  }

  @Override
  public ManifestRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long line;
    Map<String, JsonNode> fields;
    try {
      line = rows.getCurrentLocation().getLineNr();
      Object value = rows.nextValue();
      rowNumber++;
      fields = csv ? csvFields((String[]) value, line) : jsonFields((JsonNode) value);
      if (!csv) {
        line = rowNumber;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return decode(line, fields);
  }

  private Map<String, JsonNode> csvFields(String[] cells, long line) {
    if (cells.length != header.size()) {
      throw new InvalidInputException(display + ": line " + line + ": found " + cells.length
          + " fields, expected " + header.size() + " as in the header");
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (int i = 0; i < cells.length; i++) {
      fields.put(header.get(i), NODES.textNode(cells[i]));
    }
    return fields;
  }

  private Map<String, JsonNode> jsonFields(JsonNode row) {
    if (!row.isObject()) {
      throw new InvalidInputException(display + ": line " + rowNumber + ": found "
          + row.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
          + ", expected a JSON object");
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    row.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  private ManifestRow decode(long line, Map<String, JsonNode> fields) {
    String id = idColumn == null ? Long.toString(rowNumber) : text(fields, idColumn, line);
    if (id == null) {
      throw new InvalidInputException(at(line, idColumn) + ": found an empty id, expected one");
    }
    Map<String, JsonNode> inputs = new LinkedHashMap<>();
    columns.forEach((m, spec) -> {
      JsonNode value = value(spec, fields, line);
      if (value != null) {
        inputs.put(m, value);
      }
    });
    Map<String, Object> keys = new LinkedHashMap<>();
    keyColumns.forEach((m, spec) -> {
      Object key = key(spec, fields, line);
      if (key != null) {
        keys.put(m, key);
      }
    });
    Map<String, Map<String, JsonNode>> counterparts = new LinkedHashMap<>();
    counterpartColumns.forEach((missing, byModality) -> byModality.forEach((in, spec) -> {
      JsonNode value = value(spec, fields, line);
      if (value != null) {
        counterparts.computeIfAbsent(missing, k -> new LinkedHashMap<>()).put(in, value);
      }
    }));
    Map<String, String> localLabels = new LinkedHashMap<>();
    localLabelColumns.forEach((m, c) -> {
      String local = text(fields, c, line);
      if (local != null) {
        localLabels.put(m, local);
      }
    });
    return new ManifestRow(line, id, text(fields, labelColumn, line),
        splitColumn == null ? null : text(fields, splitColumn, line), inputs, keys, counterparts,
        localLabels);
  }

  /**
   * The content key: the column's text, or the attribute values; null when every cell is empty.
   */
  private Object key(KeySpec spec, Map<String, JsonNode> fields, long line) {
    if (spec.column() != null) {
      return text(fields, spec.column(), line);
    }
    Map<String, String> values = new LinkedHashMap<>();
    String blank = null;
    for (Map.Entry<String, String> a : spec.attributes().entrySet()) {
      String v = text(fields, a.getValue(), line);
      if (v == null) {
        blank = blank == null ? a.getValue() : blank;
      } else {
        values.put(a.getKey(), v);
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    if (blank != null) {
      throw new InvalidInputException(at(line, blank) + ": found an empty cell, expected a value"
          + " like the key's other attribute columns " + spec.columns()
          + " (all empty for an unknown key)");
    }
    return new AttributeValues(values);
  }

  /** The JSON value a plugin reads, or null when every cell of the spec is empty. */
  private JsonNode value(ColumnSpec spec, Map<String, JsonNode> fields, long line) {
    List<String> names = spec.columns();
    int empty = 0;
    for (String c : names) {
      if (isEmpty(fields.get(c))) {
        empty++;
      }
    }
    if (empty == names.size()) {
      return null;
    }
    if (empty > 0) {
      String blank = names.stream().filter(c -> isEmpty(fields.get(c))).findFirst().orElseThrow();
      throw new InvalidInputException(at(line, blank) + ": found an empty cell, expected a value"
          + " like the modality's other columns " + names + " (all empty for a missing modality)");
    }
    String c = names.get(0);
    JsonNode cell = fields.get(c);
    return switch (spec.kind()) {
      case NUMBERS -> numbers(names, fields, line);
      case TEXT -> cell.isTextual() ? cell : NODES.textNode(cell.toString());
      case FILE -> NODES.textNode(folder.resolve(string(cell, c, line), at(line, c)).toString());
      case JSON -> json(cell, c, line);
    };
  }

  private ArrayNode numbers(List<String> names, Map<String, JsonNode> fields, long line) {
    ArrayNode row = NODES.arrayNode(names.size());
    for (String c : names) {
      JsonNode cell = fields.get(c);
      double v;
      if (cell.isNumber()) {
        v = cell.doubleValue();
      } else {
        try {
          v = Double.parseDouble(cell.asText().trim());
        } catch (NumberFormatException e) {
          throw new InvalidInputException(at(line, c) + ": found '" + cell.asText()
              + "', expected a number");
        }
      }
      float f = (float) v;
      if (!Float.isFinite(f)) {
        throw new InvalidInputException(at(line, c) + ": found '" + cell.asText()
            + "', expected a finite number");
      }
      row.add(f);
    }
    return row;
  }

  private JsonNode json(JsonNode cell, String c, long line) {
    if (cell.isContainerNode()) {
      return cell;
    }
    String text = string(cell, c, line).trim();
    try {
      if (text.startsWith("{") || text.startsWith("[")) {
        return JSON.readTree(text);
      }
      Path file = folder.resolve(text, at(line, c));
      try {
        return JSON.readTree(file.toFile());
      } catch (JsonProcessingException e) {
        throw new InvalidInputException(at(line, c) + ": file '" + text
            + "' is not valid JSON (" + oneLine(e) + "), expected a JSON document");
      }
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(at(line, c) + ": found malformed inline JSON ("
          + oneLine(e) + "), expected a JSON object or list");
    } catch (IOException e) {
      throw new InvalidInputException(at(line, c) + ": cannot read '" + text + "' ("
          + oneLine(e) + ")", e);
    }
  }

  private String string(JsonNode cell, String c, long line) {
    if (!cell.isTextual()) {
      throw new InvalidInputException(at(line, c) + ": found " + cell + ", expected a string");
    }
    return cell.asText();
  }

  /** The cell as text, or null when it is empty or absent. */
  private String text(Map<String, JsonNode> fields, String c, long line) {
    JsonNode cell = fields.get(c);
    if (isEmpty(cell)) {
      return null;
    }
    if (cell.isContainerNode()) {
      throw new InvalidInputException(at(line, c) + ": found " + cell + ", expected a value");
    }
    return cell.asText().trim();
  }

  private static boolean isEmpty(JsonNode cell) {
    return cell == null || cell.isNull() || (cell.isTextual() && cell.asText().isBlank());
  }

  /** {@code file: line N: column 'c'}. */
  String at(long line, String column) {
    return display + ": line " + line + ": column '" + column + "'";
  }

  /** The file as the user named it. */
  String display() {
    return display;
  }

  private static String oneLine(Throwable e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  @Override
  public void close() {
    try {
      rows.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
