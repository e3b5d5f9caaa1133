package io.sharcs.runner.datasets.manifest;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.runner.datasets.DatasetDigest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Any data in the shape SHARCS needs, without Java ({@code dataset: {type: manifest, file: ...,
 * columns: ...}}): a CSV or JSON Lines file, one row per sample, each modality's value handed to
 * the reader of the plugin the experiment binds to it.
 *
 * <p>Rows with an empty modality are left out of both splits (training and evaluation need every
 * modality) and counted on the progress line; {@code sharcs predict} scores them.
 *
 * <p>With {@code local_labels}, each modality named there gets the auxiliary label of its own
 * content from its column (local supervision): every training row must have one, a test row
 * may leave it empty (its local head is then not scored on that row).
 */
public final class ManifestProvider implements DatasetProvider {

  /** The {@code dataset.type}. */
  public static final String ID = "manifest";

  private static final String FORMAT = "manifest/1";

  /** Used by {@link java.util.ServiceLoader}. */
  public ManifestProvider() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "your own data: a CSV or JSON Lines file, one row per sample, columns per modality";
  }

  @Override
  public Class<ManifestConfig> configType() {
    return ManifestConfig.class;
  }

  @Override
  public ManifestConfig.Defaults defaultConfig() {
    return ManifestConfig.DEFAULTS;
  }

  /** The modalities of {@code columns}, as written. */
  @Override
  public Optional<List<String>> modalities(DatasetConfig config) {
    return Optional.of(List.copyOf(cast(config).columns().keySet()));
  }

  @Override
  public MultimodalDataset load(DatasetConfig config, DatasetContext context) {
    ManifestConfig options = cast(config);
    Path file = context.baseDirectory().resolve(options.file()).normalize();
    String display = options.file();
    List<String> modalities = List.copyOf(options.columns().keySet());
    SplitRule rule = SplitRule.parse(options.split());
    List<ManifestRow> rows = new ArrayList<>();
    Map<String, Long> idLines = new HashMap<>();
    int incomplete = 0;
    try (ManifestReader reader = new ManifestReader(options, file, display, true, true)) {
      while (reader.hasNext()) {
        ManifestRow row = reader.next();
        Long previous = idLines.putIfAbsent(row.id(), row.line());
        if (previous != null) {
          throw new InvalidInputException(display + ": line " + row.line() + ": column '"
              + (options.id() == null ? "(row number)" : options.id()) + "': found id '"
              + row.id() + "' again (first on line " + previous + "), expected unique ids");
        }
        if (row.label() == null) {
          throw new InvalidInputException(reader.at(row.line(), options.label())
              + ": found an empty label, expected a class name");
        }
        if (rule.column() != null) {
          String s = row.split();
          if (!"train".equals(s) && !"test".equals(s)) {
            throw new InvalidInputException(reader.at(row.line(), rule.column()) + ": found '"
                + (s == null ? "" : s) + "', expected train or test");
          }
        }
        if (row.inputs().size() < modalities.size()) {
          incomplete++;
        } else {
          rows.add(row);
        }
      }
    }
    if (incomplete > 0) {
      context.progress().accept(display + ": left out " + incomplete + " of "
          + (incomplete + rows.size()) + " rows with an empty modality (sharcs predict scores"
          + " them)");
    }
    List<String> classes = ManifestClasses.of(options.classes(),
        rows.stream().map(ManifestRow::label).toList(), display, options.label());
    Map<String, Integer> classIndex = index(classes);
    // Local class names in slot order, each ordered as the label's classes are.
    Map<String, String> localColumns = options.localLabelColumns();
    Map<String, List<String>> localClasses = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> localIndex = new HashMap<>();
    for (String m : modalities) {
      if (localColumns.containsKey(m)) {
        List<String> names = ManifestClasses.of(options.localClasses().get(m),
            rows.stream().map(r -> r.localLabels().get(m)).filter(l -> l != null).toList(),
            display, localColumns.get(m));
        localClasses.put(m, names);
        localIndex.put(m, index(names));
      }
    }
    boolean[] inTrain = split(rule, rows, context.seed());
    List<MultimodalSample> train = new ArrayList<>();
    List<MultimodalSample> test = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      ManifestRow row = rows.get(r);
      Integer label = classIndex.get(row.label());
      if (label == null) {
        throw new InvalidInputException(display + ": line " + row.line() + ": column '"
            + options.label() + "': found '" + row.label() + "', expected one of " + classes);
      }
      Map<String, Integer> localLabels = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> local : localClasses.entrySet()) {
        String m = local.getKey();
        String written = row.localLabels().get(m);
        String at = display + ": line " + row.line() + ": column '" + localColumns.get(m) + "'";
        if (written == null) {
          if (inTrain[r]) {
            // Local supervision trains on every training row; a test row may go without.
            throw new InvalidInputException(at + ": found an empty local label of '" + m
                + "' on a training row, expected a class name");
          }
          continue;
        }
        Integer index = localIndex.get(m).get(written);
        if (index == null) {
          throw new InvalidInputException(at + ": found '" + written + "', expected one of "
              + local.getValue());
        }
        localLabels.put(m, index);
      }
      (inTrain[r] ? train : test).add(sample(row, label, localLabels, options, context, display));
    }
    String where = rule.column() == null ? "split fraction " + rule.fraction()
        : "column '" + rule.column() + "'";
    if (train.isEmpty() || test.isEmpty()) {
      throw new InvalidInputException(display + ": " + where + ": found " + train.size()
          + " complete train and " + test.size() + " test rows, expected at least one of each");
    }
    return new MultimodalDataset(ID, modalities, classes, train, test,
        fingerprint(file, display, options), localClasses);
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    return index;
  }

  private static MultimodalSample sample(ManifestRow row, int label,
      Map<String, Integer> localLabels, ManifestConfig options, DatasetContext context,
      String display) {
    String at = display + ": line " + row.line() + ": column ";
    Map<String, Object> inputs = new LinkedHashMap<>();
    row.inputs().forEach((m, value) ->
        inputs.put(m, context.readers().read(m, value, at + "'" + m + "'")));
    Map<String, Object> keys = new LinkedHashMap<>();
    if (ManifestConfig.PAIR_BY_LABEL.equals(options.pairing())) {
      row.inputs().keySet().forEach(m -> keys.put(m, row.label()));
    } else {
      keys.putAll(row.keys());
    }
    Map<String, Map<String, Object>> counterparts = new LinkedHashMap<>();
    row.counterparts().forEach((missing, byModality) -> byModality.forEach((in, value) ->
        counterparts.computeIfAbsent(missing, k -> new LinkedHashMap<>()).put(in,
            context.readers().read(in, value, at + "counterpart of '" + missing + "' as '" + in
                + "'"))));
    return new MultimodalSample(row.id(), label, inputs, keys, counterparts, localLabels);
  }

  /** Per row, whether it trains: by its split column, or a seeded shuffle of the rows. */
  private static boolean[] split(SplitRule rule, List<ManifestRow> rows, long runSeed) {
    boolean[] inTrain = new boolean[rows.size()];
    if (rule.column() != null) {
      for (int r = 0; r < rows.size(); r++) {
        inTrain[r] = "train".equals(rows.get(r).split());
      }
      return inTrain;
    }
    int[] order = new int[rows.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(rule.seed() == null ? runSeed : rule.seed());
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int trainCount = (int) Math.round(rule.fraction() * rows.size());
    for (int i = 0; i < trainCount; i++) {
      inTrain[order[i]] = true;
    }
    return inTrain;
  }

  /** The manifest file's bytes and the options that read it; files it names are not hashed. */
  private static String fingerprint(Path file, String display, ManifestConfig options) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      String bytes = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
      return new DatasetDigest().add(FORMAT).add(bytes).add(options.toString()).hex();
    } catch (IOException e) {
      throw new InvalidInputException(display + ": cannot read (" + e.getMessage() + ")", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  private static ManifestConfig cast(DatasetConfig config) {
    if (!(config instanceof ManifestConfig options)) {
      throw new IllegalArgumentException(ID + " expects a ManifestConfig, got "
          + (config == null ? "null" : config.getClass().getName()));
    }
    return options;
  }
}
