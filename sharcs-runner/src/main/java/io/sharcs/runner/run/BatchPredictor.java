package io.sharcs.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.core.saved.LoadedModel;
import io.sharcs.core.saved.Prediction;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.datasets.manifest.ColumnSpec;
import io.sharcs.runner.datasets.manifest.ManifestConfig;
import io.sharcs.runner.datasets.manifest.ManifestReader;
import io.sharcs.runner.datasets.manifest.ManifestRow;
import io.sharcs.runner.plugins.PluginReaders;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sharcs predict RUN_DIR --data MANIFEST --out FILE}: scores the rows of a manifest with a
 * run's saved model, streaming: rows are read, predicted and written in batches, so memory does
 * not grow with the number of rows. Any modality may be empty in a row (not all): it is retrieved
 * from the shared space as in missing-modality evaluation. One line out per row in: id,
 * predicted class, class probabilities, the retrieved sample id per modality, the active shared
 * concepts.
 */
public final class BatchPredictor {

  /** Rows predicted per forward pass. */
  static final int BATCH = 1024;

  private final ModelLoader loader;
  private final RunnerEnvironment env;
  private final PrintStream out;

  /**
   * @param loader loads the run's model
   * @param env the working directory
   * @param out where the summary line goes
   */
  @Inject
  public BatchPredictor(ModelLoader loader, RunnerEnvironment env, @Stdout PrintStream out) {
    this.loader = loader;
    this.env = env;
    this.out = out;
  }

  /**
   * Scores {@code data} (a manifest description: a YAML or JSON file holding the {@code
   * type: manifest} data set block, as {@code sharcs generate} writes it) into {@code output}.
   */
  public void predict(String runDir, String data, String output) {
    Path dir = env.workingDirectory().resolve(runDir).normalize();
    Path description = env.workingDirectory().resolve(data).normalize();
    Path target = env.workingDirectory().resolve(output).normalize();
    long start = System.nanoTime();
    try (ModelLoader.LoadedRun run = loader.load(dir, runDir)) {
      ManifestConfig config = manifest(description, data);
      Path file = description.getParent().resolve(config.file()).normalize();
      PluginReaders readers = PluginReaders.of(run.experiment().modalities());
      LoadedModel model = run.model();
      List<String> modalities = model.modalities();
      List<String> classes = model.classNames();
      requireModelModalities(config, modalities, data);
      Path temp = Files.createTempFile(
          target.toAbsolutePath().getParent(), ".predictions-", ".csv.tmp");
      long rows = 0;
      long labelled = 0;
      long correct = 0;
      try (ManifestReader reader =
              new ManifestReader(config, file, data + " (" + config.file() + ")", false, false);
          BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        w.write(header(modalities, classes));
        List<ManifestRow> batch = new ArrayList<>(BATCH);
        while (reader.hasNext()) {
          batch.add(reader.next());
          if (batch.size() == BATCH || !reader.hasNext()) {
            List<Map<String, Object>> inputs = new ArrayList<>(batch.size());
            for (ManifestRow row : batch) {
              Map<String, Object> byName = new LinkedHashMap<>();
              // Every column's modality is the model's (requireModelModalities).
              for (Map.Entry<String, JsonNode> in : row.inputs().entrySet()) {
                byName.put(in.getKey(), readers.read(in.getKey(), in.getValue(),
                    data + " row " + row.line() + " column of '" + in.getKey() + "'"));
              }
              inputs.add(byName);
            }
            List<Prediction> predicted = model.predict(inputs);
            for (int i = 0; i < batch.size(); i++) {
              ManifestRow row = batch.get(i);
              Prediction p = predicted.get(i);
              w.write(line(row.id(), p, modalities));
              if (row.label() != null && !row.label().isEmpty()) {
                labelled++;
                if (row.label().equals(p.className())) {
                  correct++;
                }
              }
            }
            rows += batch.size();
            batch.clear();
          }
        }
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.println(String.format(Locale.ROOT, "%s: %d rows predicted in %.1f s (%.0f rows/s)%s -> %s",
          data, rows, seconds, rows / seconds,
          labelled == 0 ? "" : String.format(Locale.ROOT, ", accuracy %.4f on %d labelled rows",
              correct / (double) labelled, labelled),
          output));
    } catch (InvalidConfigException e) {
      throw new InputError(data, e.field(), e.problem(), e);
    } catch (InvalidInputException e) {
      throw new InputError(null, null, e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /**
   * Refuses a manifest whose {@code columns} name a modality the model lacks (a typo, or the
   * manifest of another run), before any row is read or written: its values would otherwise be
   * dropped and the rows scored as if that modality were missing.
   *
   * @param shown the manifest description as the user named it
   */
  static void requireModelModalities(
      ManifestConfig config, List<String> modalities, String shown) {
    for (Map.Entry<String, JsonNode> c : config.columns().entrySet()) {
      if (!modalities.contains(c.getKey())) {
        List<String> cells = ColumnSpec.parse(c.getValue(), "columns." + c.getKey()).columns();
        throw new InputError(shown, "columns." + c.getKey(), "got modality '" + c.getKey()
            + "' (column" + (cells.size() == 1 ? " " : "s ") + String.join(", ", cells)
            + "), expected one of the model's modalities " + String.join(", ", modalities));
      }
    }
  }

  /** The {@code type: manifest} block of {@code file}, with scoring defaults filled in. */
  static ManifestConfig manifest(Path file, String shown) {
    if (!Files.isRegularFile(file)) {
      throw new InputError(shown, null,
          "file not found, expected a manifest description (the manifest.yaml sharcs generate"
              + " writes: type: manifest, file, columns, ...)");
    }
    JsonNode node;
    try {
      node = ConfigMappers.forFile(file).readTree(file.toFile());
    } catch (IOException e) {
      throw new InputError(shown, null, "not valid YAML or JSON (" + e.getMessage().lines()
          .findFirst().orElse("") + ")", e);
    }
    if (node != null && node.has("dataset")) {
      node = node.get("dataset");
    }
    if (!(node instanceof ObjectNode o) || !"manifest".equals(o.path("type").asText())) {
      throw new InputError(shown, "type", "expected a mapping with type: manifest");
    }
    ObjectNode copy = o.deepCopy();
    copy.remove("type");
    // Scoring reads only the inputs: counterpart files, content keys and local labels would be
    // read per row for nothing.
    copy.remove("counterparts");
    copy.remove("keys");
    copy.remove("pairing");
    copy.remove("local_labels");
    copy.remove("local_classes");
    if (!copy.has("label")) {
      copy.put("label", "label");
    }
    if (!copy.has("split")) {
      copy.put("split", "split");
    }
    try {
      return ConfigMappers.json().treeToValue(copy, ManifestConfig.class);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof InvalidConfigException c ? c : e;
      if (cause instanceof InvalidConfigException c) {
        throw new InputError(shown, c.field(), c.problem(), c);
      }
      throw new InputError(shown, null, String.valueOf(e.getMessage()).lines().findFirst()
          .orElse("unreadable"), e);
    }
  }

  private static String header(List<String> modalities, List<String> classes) {
    StringBuilder s = new StringBuilder("id,predicted");
    for (String c : classes) {
      s.append(",p_").append(csv(c));
    }
    for (String m : modalities) {
      s.append(",retrieved_").append(csv(m));
    }
    return s.append(",active_shared_concepts\n").toString();
  }

  private static String line(String id, Prediction p, List<String> modalities) {
    StringBuilder s = new StringBuilder(csv(id)).append(',').append(csv(p.className()));
    for (double q : p.probabilities()) {
      s.append(',').append(q);
    }
    for (String m : modalities) {
      s.append(',');
      if (p.retrieved().containsKey(m)) {
        s.append(csv(p.retrieved().get(m).sampleId()));
      }
    }
    s.append(',');
    List<String> active = new ArrayList<>();
    p.shared().forEach((m, v) -> {
      for (int j = 0; j < v.length; j++) {
        if (v[j] > 0.5f) {
          active.add(m + ":shared." + j);
        }
      }
    });
    return s.append(String.join(" ", active)).append('\n').toString();
  }

  private static String csv(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
