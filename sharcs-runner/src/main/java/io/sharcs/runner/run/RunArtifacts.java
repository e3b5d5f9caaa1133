package io.sharcs.runner.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ResolvedConfig;
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

  /** Writes {@value #CONFIG}. */
  public static void writeConfig(RunFolder folder, Experiment experiment) {
    String header = "# Resolved by sharcs " + Versions.sharcs()
        + ": every default filled in. Run it again with: sharcs run <this file>\n";
    write(folder.staged(CONFIG), header + ResolvedConfig.toYaml(experiment));
  }

  /** Writes {@value #PROVENANCE}. */
  public static void writeProvenance(RunFolder folder, RunRecord record) {
    ObjectMapper json = ConfigMappers.json();
    writeJson(folder.staged(PROVENANCE), Provenance.of(record, json), json);
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
