package io.sharcs.runner.datasets.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sharcs.api.AttributeKey;
import io.sharcs.api.Excerpt;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.SampleForm;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a data set whose inputs are still the JSON values its provider handed to the readers
 * (loaded with {@code PluginReaders.trees()}) as a manifest anyone can open and {@code type:
 * manifest} reads back as the same data set: {@code rows.csv} and {@code manifest.yaml}, the
 * {@code dataset:} block that reads it.
 *
 * <p>How a modality's values are stored is its plugin's {@link SampleForm}, given by the caller
 * per modality, never guessed from the values (a string may be a text or a file): numbers as
 * numeric columns, a text as a column, a file by its path relative to the folder (files outside
 * the folder are copied into {@code <modality>/} once, however many rows name them), anything
 * else as one JSON file per row under {@code <column>/}. Counterpart renderings are stored in the
 * form of the modality they are rendered in. Content keys go in key columns: a key of named
 * attributes ({@link AttributeKey}, CLEVR's) as one column per attribute, read back as an
 * attribute key, any other as its text; the writer checks that the written keys pair exactly
 * the rows the data set's keys pair. Auxiliary labels of each modality's own content (local
 * supervision) go in a column {@code <modality>_label} per modality, by class name, with the
 * local class names in the block.
 *
 * <p>The folder may hold other files (a generator's): nothing there is overwritten, and
 * nothing is written when any file to write exists already.
 */
public final class ManifestWriter {

  /** The manifest file's name. */
  public static final String ROWS = "rows.csv";

  /** The data set block's file name. */
  public static final String BLOCK = "manifest.yaml";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestWriter() {}

  /**
   * Writes {@code dataset} into {@code out} (created when absent).
   *
   * @param forms per modality, how its values (and the counterparts rendered in it) are stored;
   *     a modality without an entry is stored as {@link SampleForm#JSON}
   * @return the number of rows written
   * @throws InvalidInputException naming the sample and modality when a value does not have its
   *     form or names a file that does not exist, or naming the file when one to write exists
   */
  public static int write(MultimodalDataset dataset, Map<String, SampleForm> forms, Path out) {
    List<MultimodalSample> all = new ArrayList<>(dataset.train());
    all.addAll(dataset.test());
    requireNames("data set '" + dataset.name() + "': class names", dataset.classNames());
    LocalColumns locals = LocalColumns.of(dataset, all);
    Path home;
    try {
      Files.createDirectories(out);
      home = out.toRealPath();
    } catch (IOException e) {
      throw new InvalidInputException(out + ": cannot create the folder (" + e.getMessage() + ")",
          e);
    }
    for (String name : List.of(ROWS, BLOCK)) {
      if (Files.exists(home.resolve(name))) {
        throw new InvalidInputException(out.resolve(name) + ": exists already, expected a folder"
            + " without a manifest (nothing is overwritten)");
      }
    }
    FileCells files = new FileCells(home, out);
    List<Column> inputs = new ArrayList<>();
    for (String m : dataset.modalities()) {
      inputs.add(Column.of(m, m, forms.getOrDefault(m, SampleForm.JSON), all,
          s -> s.input(m)));
    }
    Map<String, Map<String, Column>> counterparts = new LinkedHashMap<>();
    for (String missing : dataset.modalities()) {
      for (String in : dataset.modalities()) {
        if (all.stream().anyMatch(s -> s.counterpart(missing, in).isPresent())) {
          counterparts.computeIfAbsent(missing, k -> new LinkedHashMap<>()).put(in,
              Column.of(missing + "_as_" + in, in, forms.getOrDefault(in, SampleForm.JSON), all,
                  s -> s.counterpart(missing, in)));
        }
      }
    }
    List<KeyColumns> keys = KeyColumns.of(dataset.modalities(), all);

    List<String> header = new ArrayList<>(List.of("id", "label", "split"));
    inputs.forEach(c -> header.addAll(c.columns()));
    keys.forEach(k -> header.addAll(k.columns()));
    header.addAll(locals.columns());
    counterparts.values().forEach(b -> b.values().forEach(c -> header.addAll(c.columns())));
    Set<String> seen = new HashSet<>();
    for (String c : header) {
      if (!seen.add(c)) {
        throw new InvalidInputException("data set '" + dataset.name() + "': column '" + c
            + "' would be written twice, expected modality names whose columns differ");
      }
    }

    // Every cell first, so that a file that exists already stops the writer before it writes.
    List<List<String>> rows = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      MultimodalSample s = all.get(i);
      List<String> row = new ArrayList<>(header.size());
      row.add(s.id());
      row.add(dataset.classNames().get(s.label()));
      row.add(i < dataset.train().size() ? "train" : "test");
      for (Column c : inputs) {
        row.addAll(c.cells(s, files));
      }
      keys.forEach(k -> row.addAll(k.cells(s)));
      row.addAll(locals.cells(s));
      counterparts.values().forEach(b -> b.values().forEach(c -> row.addAll(c.cells(s, files))));
      rows.add(row);
    }
    files.requireAbsent();
    files.write();

    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    header.forEach(schema::addColumn);
    try (Writer w = Files.newBufferedWriter(home.resolve(ROWS),
            StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        var writer = new CsvMapper().writer(schema.build()).writeValues(w)) {
      for (List<String> row : rows) {
        writer.write(row);
      }
    } catch (IOException e) {
      throw cannotWrite(out.resolve(ROWS), e);
    }

    ObjectNode block = JSON.createObjectNode();
    block.put("type", ManifestProvider.ID);
    block.put("file", ROWS);
    ObjectNode columns = block.putObject("columns");
    inputs.forEach(c -> columns.set(c.modality(), c.spec()));
    block.put("label", "label");
    block.put("id", "id");
    block.put("split", "split");
    block.set("classes", JSON.valueToTree(dataset.classNames()));
    if (!keys.isEmpty()) {
      ObjectNode k = block.putObject("keys");
      keys.forEach(key -> k.set(key.modality(), key.spec()));
    }
    if (!locals.names().isEmpty()) {
      ObjectNode labels = block.putObject("local_labels");
      ObjectNode classes = block.putObject("local_classes");
      locals.names().forEach((m, names) -> {
        labels.put(m, LocalColumns.column(m));
        classes.set(m, JSON.valueToTree(names));
      });
    }
    if (!counterparts.isEmpty()) {
      ObjectNode c = block.putObject("counterparts");
      counterparts.forEach((missing, b) -> {
        ObjectNode byIn = c.putObject(missing);
        b.forEach((in, column) -> byIn.set(in, column.spec()));
      });
    }
    try (OutputStream o = Files.newOutputStream(home.resolve(BLOCK),
        StandardOpenOption.CREATE_NEW)) {
      new ObjectMapper(new YAMLFactory()).writeValue(o, block);
    } catch (IOException e) {
      throw cannotWrite(out.resolve(BLOCK), e);
    }
    return all.size();
  }

  /**
   * Refuses class names the manifest would not read back as written: it trims cells, takes a
   * blank one for none, and needs two distinct names at least.
   */
  private static void requireNames(String what, List<String> names) {
    boolean ok = names.size() >= 2 && new HashSet<>(names).size() == names.size();
    for (String n : names) {
      ok &= n != null && !n.isBlank() && n.equals(n.trim());
    }
    if (!ok) {
      throw new InvalidInputException(what + ": found " + names + ", expected at least two"
          + " distinct names without leading or trailing blanks");
    }
  }

  private static InvalidInputException cannotWrite(Path file, IOException e) {
    if (e instanceof FileAlreadyExistsException) {
      return new InvalidInputException(file + ": exists already, expected a new file (nothing is"
          + " overwritten)");
    }
    return new InvalidInputException(file + ": cannot write (" + e.getMessage() + ")", e);
  }

  /**
   * One modality's values (inputs, or the counterparts rendered in a modality) as cells of its
   * plugin's form.
   *
   * @param name the column's name (the modality, or {@code <missing>_as_<in>})
   * @param modality the modality whose plugin reads the values (files are kept under its name)
   * @param form how the values are stored
   * @param width the number of columns of {@link SampleForm#NUMBERS}, else 1
   * @param value a sample's value, if present
   */
  private record Column(String name, String modality, SampleForm form, int width,
      Function<MultimodalSample, Optional<Object>> value) {

    static Column of(String name, String modality, SampleForm form,
        List<MultimodalSample> samples, Function<MultimodalSample, Optional<Object>> value) {
      int width = 1;
      if (form == SampleForm.FILE) {
        // A plugin of files may also read its samples inline (the image plugin's rasters): such
        // a column is stored as JSON documents, which the same reader reads back.
        for (MultimodalSample s : samples) {
          Optional<Object> v = value.apply(s);
          if (v.isPresent()) {
            if (node(name, form, s, v.get()).isContainerNode()) {
              form = SampleForm.JSON;
            }
            break;
          }
        }
      }
      if (form == SampleForm.NUMBERS) {
        width = -1;
        for (MultimodalSample s : samples) {
          Optional<Object> v = value.apply(s);
          if (v.isPresent()) {
            width = node(name, form, s, v.get()).size();
            break;
          }
        }
      }
      return new Column(name, modality, form, width, value);
    }

    List<String> columns() {
      if (form != SampleForm.NUMBERS) {
        return List.of(name);
      }
      List<String> c = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        c.add(name + "_" + i);
      }
      return c;
    }

    JsonNode spec() {
      return switch (form) {
        case NUMBERS -> JSON.valueToTree(columns());
        case TEXT -> JSON.createObjectNode().put("text", name);
        case FILE -> JSON.createObjectNode().put("file", name);
        case JSON -> JSON.createObjectNode().put("json", name);
      };
    }

    /** The sample's cells; files to keep or write are handed to {@code files}. */
    List<String> cells(MultimodalSample s, FileCells files) {
      Optional<Object> v = value.apply(s);
      if (v.isEmpty()) {
        return java.util.Collections.nCopies(width, "");
      }
      JsonNode node = node(name, form, s, v.get());
      return switch (form) {
        case NUMBERS -> numbers(s, node);
        case TEXT -> {
          if (!node.isTextual() || node.asText().isBlank()) {
            throw wrong(s, node, "a non-blank string (a blank cell reads as a missing modality)");
          }
          yield List.of(node.asText());
        }
        case FILE -> {
          if (!node.isTextual() || node.asText().isBlank()) {
            throw wrong(s, node, "the path of a file");
          }
          yield List.of(files.keep(node.asText(), modality, where(s)));
        }
        case JSON -> List.of(files.json(name, s.id(), node));
      };
    }

    private List<String> numbers(MultimodalSample s, JsonNode node) {
      boolean ok = node.isArray() && node.size() == width;
      for (JsonNode c : node) {
        ok &= c.isNumber();
      }
      if (!ok) {
        throw wrong(s, node, "a list of " + width + " numbers, as the modality's first value");
      }
      List<String> cells = new ArrayList<>(width);
      for (JsonNode c : node) {
        // Float.toString is the shortest text that reads back to the same float bits.
        cells.add(Float.toString(c.floatValue()));
      }
      return cells;
    }

    private String where(MultimodalSample s) {
      return "data set sample " + s.id() + ": column '" + name + "'";
    }

    private InvalidInputException wrong(MultimodalSample s, JsonNode node, String expected) {
      return new InvalidInputException(where(s) + " (plugin form "
          + form.name().toLowerCase(java.util.Locale.ROOT) + "): found " + describe(node)
          + ", expected " + expected);
    }

    private static JsonNode node(String name, SampleForm form, MultimodalSample s, Object v) {
      if (!(v instanceof JsonNode node)) {
        throw new InvalidInputException("data set sample " + s.id() + ": column '" + name
            + "': found a " + v.getClass().getSimpleName() + ", expected a JSON value (only data"
            + " sets read with tree readers can be written as manifests)");
      }
      if (form == SampleForm.NUMBERS && !node.isArray()) {
        throw new InvalidInputException("data set sample " + s.id() + ": column '" + name
            + "' (plugin form numbers): found " + describe(node) + ", expected a list of numbers");
      }
      return node;
    }
  }

  private static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "the string '" + Excerpt.of(node.asText()) + "'";
    }
    if (node.isArray()) {
      return "a list of " + node.size();
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * One modality's content keys: one column per attribute when every key of the modality is an
   * {@link AttributeKey} with the same attribute names, else one column holding the key's text.
   *
   * @param modality the modality
   * @param attributes the attribute names, or empty for a text key
   */
  private record KeyColumns(String modality, List<String> attributes) {

    static List<KeyColumns> of(List<String> modalities, List<MultimodalSample> samples) {
      List<KeyColumns> all = new ArrayList<>();
      for (String m : modalities) {
        List<Object> keys = samples.stream()
            .map(s -> s.contentKey(m).orElse(null)).filter(k -> k != null).toList();
        if (keys.isEmpty()) {
          continue;
        }
        List<String> names = keys.get(0) instanceof AttributeKey a
            ? List.copyOf(a.attributes().keySet()) : List.of();
        boolean attributes = !names.isEmpty() && keys.stream().allMatch(k ->
            k instanceof AttributeKey a && List.copyOf(a.attributes().keySet()).equals(names));
        all.add(new KeyColumns(m, attributes ? names : List.of()));
      }
      requireSamePairs(all, samples);
      return all;
    }

    /**
     * Checks that the keys as they will be read back ({@link #readBack}) are equal exactly when
     * the data set's keys are, across modalities too (a text pairs with an image by equal keys).
     */
    private static void requireSamePairs(List<KeyColumns> all, List<MultimodalSample> samples) {
      Map<Object, Object> byWritten = new HashMap<>();
      Map<Object, Object> byKey = new HashMap<>();
      for (KeyColumns k : all) {
        for (MultimodalSample s : samples) {
          Object key = s.contentKey(k.modality()).orElse(null);
          if (key == null) {
            continue;
          }
          Object written = k.readBack(key, s);
          Object before = byWritten.putIfAbsent(written, key);
          if (before != null && !before.equals(key)) {
            throw new InvalidInputException("data set sample " + s.id() + ": content key of '"
                + k.modality() + "': found '" + Excerpt.of(written.toString()) + "', written the"
                + " same as an unequal key, expected keys whose text tells them apart");
          }
          Object writtenBefore = byKey.putIfAbsent(key, written);
          if (writtenBefore != null && !writtenBefore.equals(written)) {
            throw new InvalidInputException("data set sample " + s.id() + ": content key of '"
                + k.modality() + "': found '" + Excerpt.of(written.toString()) + "' for a key"
                + " written '" + Excerpt.of(writtenBefore.toString()) + "' elsewhere, expected"
                + " equal keys of every modality to be written alike");
          }
        }
      }
    }

    /** What the manifest reader makes of the written key: its text, or its attributes. */
    Object readBack(Object key, MultimodalSample s) {
      if (attributes.isEmpty()) {
        return text(key.toString(), s, "");
      }
      Map<String, String> values = new LinkedHashMap<>();
      ((AttributeKey) key).attributes().forEach((a, v) -> values.put(a, text(v, s, " " + a)));
      return new AttributeValues(values);
    }

    private String text(String written, MultimodalSample s, String attribute) {
      // The reader trims cells and takes a blank one for an unknown key.
      if (written == null || written.isBlank() || !written.equals(written.trim())) {
        throw new InvalidInputException("data set sample " + s.id() + ": content key of '"
            + modality + "'" + attribute + ": found '" + (written == null ? "null"
            : Excerpt.of(written)) + "', expected text without leading or trailing blanks");
      }
      return written;
    }

    List<String> columns() {
      if (attributes.isEmpty()) {
        return List.of(modality + "_key");
      }
      return attributes.stream().map(a -> modality + "_key_" + a).toList();
    }

    JsonNode spec() {
      if (attributes.isEmpty()) {
        return JSON.getNodeFactory().textNode(modality + "_key");
      }
      ObjectNode spec = JSON.createObjectNode();
      ObjectNode named = spec.putObject("attributes");
      attributes.forEach(a -> named.put(a, modality + "_key_" + a));
      return spec;
    }

    List<String> cells(MultimodalSample s) {
      Object key = s.contentKey(modality).orElse(null);
      if (key == null) {
        return java.util.Collections.nCopies(Math.max(1, attributes.size()), "");
      }
      if (attributes.isEmpty()) {
        return List.of(key.toString());
      }
      Map<String, String> values = ((AttributeKey) key).attributes();
      return attributes.stream().map(values::get).toList();
    }
  }

  /**
   * The auxiliary label of each modality's own content ({@link MultimodalSample#localLabels()}),
   * one column {@code <modality>_label} per modality with local class names, in slot order,
   * holding the class name (empty where a sample has none). The local class names are written
   * into the block as they are, so their order and classes no row uses survive.
   *
   * @param names per modality with local labels, in slot order, its local class names
   */
  private record LocalColumns(Map<String, List<String>> names) {

    /** @param samples the training samples, then the test samples */
    static LocalColumns of(MultimodalDataset dataset, List<MultimodalSample> samples) {
      String name = "data set '" + dataset.name() + "'";
      for (String m : dataset.localClassNames().keySet()) {
        if (!dataset.modalities().contains(m)) {
          throw new InvalidInputException(name + ": local class names for '" + m
              + "', expected them only for its modalities " + dataset.modalities());
        }
      }
      Map<String, List<String>> names = new LinkedHashMap<>();
      for (String m : dataset.modalities()) {
        List<String> local = dataset.localClassNames().get(m);
        if (local != null) {
          requireNames(name + ": local class names of '" + m + "'", local);
          names.put(m, local);
        }
      }
      for (int i = 0; i < samples.size(); i++) {
        MultimodalSample s = samples.get(i);
        for (Map.Entry<String, Integer> e : s.localLabels().entrySet()) {
          List<String> local = names.get(e.getKey());
          if (local == null) {
            throw new InvalidInputException("data set sample " + s.id() + ": local label of '"
                + e.getKey() + "': found " + e.getValue() + " for a modality without local"
                + " class names, expected local labels only for " + names.keySet());
          }
          if (e.getValue() == null || e.getValue() < 0 || e.getValue() >= local.size()) {
            throw new InvalidInputException("data set sample " + s.id() + ": local label of '"
                + e.getKey() + "': found " + e.getValue() + ", expected 0.."
                + (local.size() - 1));
          }
        }
        if (i < dataset.train().size()) {
          for (String m : names.keySet()) {
            // The manifest reader requires it there (local supervision trains on every row).
            if (s.input(m).isPresent() && s.localLabel(m).isEmpty()) {
              throw new InvalidInputException("data set sample " + s.id() + ": local label of '"
                  + m + "': found none on a training sample, expected one (a manifest needs"
                  + " the local label of every training row)");
            }
          }
        }
      }
      return new LocalColumns(names);
    }

    static String column(String modality) {
      return modality + "_label";
    }

    List<String> columns() {
      return names.keySet().stream().map(LocalColumns::column).toList();
    }

    List<String> cells(MultimodalSample s) {
      List<String> cells = new ArrayList<>(names.size());
      names.forEach((m, local) -> {
        java.util.OptionalInt l = s.localLabel(m);
        cells.add(l.isPresent() ? local.get(l.getAsInt()) : "");
      });
      return cells;
    }
  }

  /**
   * The files a manifest references: files already inside the folder are referenced where they
   * are, files outside it are copied once into {@code <modality>/} (one copy however many rows
   * and columns name them), and JSON values become files under {@code <column>/}. Nothing is
   * written until {@link #write}, and nothing at all when a file to write exists.
   */
  private static final class FileCells {
    private final Path home;
    private final Path shown;
    // Target (relative, '/'-separated) -> a file to copy (Path) or a JSON value (JsonNode).
    private final Map<String, Object> pending = new LinkedHashMap<>();
    private final Map<Path, String> copies = new HashMap<>();

    FileCells(Path home, Path shown) {
      this.home = home;
      this.shown = shown;
    }

    /** The path to write in a file cell for the file {@code given} names. */
    String keep(String given, String modality, String where) {
      Path source;
      try {
        source = Path.of(given).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        throw new InvalidInputException(where + ": found '" + Excerpt.of(given)
            + "', expected a valid file path (" + e.getReason() + ")");
      }
      if (!Files.isRegularFile(source)) {
        throw new InvalidInputException(where + ": found '" + Excerpt.of(given)
            + "', but no such file, expected an existing file");
      }
      Path real;
      try {
        real = source.toRealPath();
      } catch (IOException e) {
        throw new InvalidInputException(where + ": cannot read '" + Excerpt.of(given) + "' ("
            + e.getMessage() + ")", e);
      }
      if (real.startsWith(home)) {
        return relative(home.relativize(real));
      }
      return copies.computeIfAbsent(real, r -> {
        String file = r.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String extension = dot > 0 ? file.substring(dot) : "";
        String target = folder(modality) + "/" + safe(stem) + safeExtension(extension);
        for (int n = 2; pending.containsKey(target); n++) {
          target = folder(modality) + "/" + safe(stem) + "-" + n + safeExtension(extension);
        }
        pending.put(target, r);
        return target;
      });
    }

    /** The path to write in a JSON cell for {@code value}, one file per row. */
    String json(String column, String id, JsonNode value) {
      String target = folder(column) + "/" + safe(id) + ".json";
      for (int n = 2; pending.containsKey(target); n++) {
        target = folder(column) + "/" + safe(id) + "-" + n + ".json";
      }
      pending.put(target, value);
      return target;
    }

    void requireAbsent() {
      for (String target : pending.keySet()) {
        if (Files.exists(home.resolve(target))) {
          throw new InvalidInputException(shown.resolve(target) + ": exists already, expected"
              + " a folder without it (nothing is overwritten)");
        }
      }
    }

    void write() {
      for (Map.Entry<String, Object> e : pending.entrySet()) {
        Path target = home.resolve(e.getKey());
        try {
          Files.createDirectories(target.getParent());
          if (e.getValue() instanceof Path source) {
            Files.copy(source, target);
          } else {
            Files.write(target, JSON.writeValueAsBytes(e.getValue()),
                StandardOpenOption.CREATE_NEW);
          }
        } catch (IOException x) {
          throw cannotWrite(shown.resolve(e.getKey()), x);
        }
      }
    }

    private static String folder(String name) {
      return safe(name);
    }

    /**
     * {@code text} as a file name: every character but letters, digits, '.', '_' and '-' made
     * '_', and '_' in front of a name that would be hidden or empty.
     */
    private static String safe(String text) {
      String s = text.replaceAll("[^A-Za-z0-9._-]", "_");
      return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    /** A file extension ({@code .png}) with unusual characters made '_'. */
    private static String safeExtension(String extension) {
      return extension.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String relative(Path p) {
      List<String> parts = new ArrayList<>();
      p.forEach(part -> parts.add(part.toString()));
      return String.join("/", parts);
    }
  }
}
