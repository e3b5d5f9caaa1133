package io.sharcs.runner.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ResolvedConfig;
import io.sharcs.core.pipeline.EpochHistory;
import io.sharcs.core.pipeline.RunTables;
import io.sharcs.core.saved.PredictionsCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a run folder into its staging directory. */
public final class RunArtifacts {

  /** The resolved experiment: all defaults filled in, runnable again. */
  public static final String CONFIG = "config.resolved.yaml";
  /** Versions, machine, inputs and times. */
  public static final String PROVENANCE = "provenance.json";
  /** The model saved by the core. */
  public static final String MODEL = "model";

  private RunArtifacts() {}

  /**
   * Writes {@value #CONFIG}, into the run folder and into its {@value #MODEL} folder: the copy
   * there is what {@link ModelLoader} binds the saved model's modalities and settings from, so the
   * model folder is complete on its own.
   */
  public static void writeConfig(RunFolder folder, Experiment experiment) {
    String header = "# Resolved by sharcs " + Versions.sharcs()
        + ": every default filled in. Run it again with: sharcs run <this file>\n";
    String text = header + ResolvedConfig.toYaml(experiment);
    write(folder.staged(CONFIG), text);
    Path model = folder.staged(MODEL);
    try {
      Files.createDirectories(model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + model, e);
    }
    write(model.resolve(CONFIG), text);
  }

  /**
   * Writes the run's tables: {@value EpochHistory#FILE} and {@value PredictionsCsv#FILE}, each
   * only when the mode records it (the concept models do; the baselines do not yet).
   */
  public static void writeTables(RunFolder folder, RunResult result) {
    RunTables tables = result.tables();
    try {
      if (!tables.history().rows().isEmpty()) {
        tables.history().write(folder.staged(EpochHistory.FILE));
      }
      if (tables.explanations().isPresent()) {
        io.sharcs.runner.explain.ExplanationsJson.write(
            tables.explanations().get(),
            folder.staged(io.sharcs.runner.explain.ExplanationsJson.FILE));
      }
      if (!tables.predictions().isEmpty()) {
        PredictionsCsv.write(
            folder.staged(PredictionsCsv.FILE), tables.predictions(), tables.classNames());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run's tables", e);
    }
  }

  /** Writes {@value #PROVENANCE}. */
  public static void writeProvenance(RunFolder folder, RunRecord record) {
    ObjectMapper json = ConfigMappers.json();
    writeJson(folder.staged(PROVENANCE), Provenance.of(record, json), json);
  }

  /**
   * Writes {@code report.html} and its figures ({@code report/}) for a run whose model was
   * explained; does nothing for other runs.
   */
  public static void writeReport(RunFolder folder, RunRecord record) {
    RunResult result = record.result();
    result.tables().explanations().ifPresent(explanations ->
        writeReport(folder.staging(), record.experiment(), record.dataset(), explanations,
            result.tables().history(), result.metrics(),
            Provenance.of(record, ConfigMappers.json())));
  }

  /**
   * Writes {@code report.html} and {@code report/} of a run into {@code directory}.
   *
   * @param provenance the run's {@value #PROVENANCE} as a tree
   */
  static void writeReport(
      Path directory,
      Experiment e,
      io.sharcs.api.MultimodalDataset dataset,
      io.sharcs.core.explain.Explanations explanations,
      io.sharcs.core.pipeline.EpochHistory history,
      java.util.SortedMap<String, Double> metrics,
      com.fasterxml.jackson.databind.JsonNode provenance) {
    String subtitle = String.format(java.util.Locale.ROOT,
        "mode %s, protocol %s, seed %d; data set %s (%d training, %d test samples)",
        e.mode().id(), e.protocol().id(), e.seed(), dataset.name(),
        dataset.train().size(), dataset.test().size());
    java.util.List<io.sharcs.runner.report.KeyValue> lines = new java.util.ArrayList<>();
    flatten("", provenance, lines);
    io.sharcs.runner.report.ReportWriter.write(
        io.sharcs.runner.explain.RunReportDocument.build(
            e.name(), subtitle, explanations, history, metrics, lines),
        directory);
  }

  private static void flatten(
      String prefix,
      com.fasterxml.jackson.databind.JsonNode node,
      java.util.List<io.sharcs.runner.report.KeyValue> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f ->
          flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out));
    } else if (node.isArray()) {
      out.add(new io.sharcs.runner.report.KeyValue(prefix, node.toString()));
    } else if (!node.isNull()) {
      out.add(new io.sharcs.runner.report.KeyValue(prefix, node.asText()));
    }
  }

  /** Writes {@value RunFolder#METRICS}: the metrics as a flat JSON object sorted by name. */
  public static void writeMetrics(RunFolder folder, RunResult result) {
    ObjectMapper json = ConfigMappers.json();
    ObjectNode metrics = json.createObjectNode();
    result.metrics().forEach(metrics::put);
    writeJson(folder.staged(RunFolder.METRICS), metrics, json);
  }

  private static void writeJson(Path file, ObjectNode node, ObjectMapper json) {
    try {
      write(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
