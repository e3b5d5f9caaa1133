package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.run.RunArtifacts;
import io.sharcs.runner.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a grid point's run folder holds before the sweep starts. A complete run is one with a
 * readable {@code metrics.json}, which {@link RunFolder} commits last; it is reused only if its
 * {@code config.resolved.yaml} equals the grid point's resolved config.
 *
 * @param kind what was found
 * @param difference for {@link Kind#DIFFERENT}: where the configs differ; else null
 */
record FolderState(Kind kind, String difference) {

  /** What a run folder holds. */
  enum Kind {
    /** No complete run: absent, empty or half-written; the run is (re)done. */
    INCOMPLETE,
    /** A complete run of this very config: skipped. */
    SAME,
    /** A complete run of another config (or an unreadable one): an error. */
    DIFFERENT
  }

  /** Inspects {@code folder} against the resolved config {@code wanted} (a YAML-read tree). */
  static FolderState of(Path folder, JsonNode wanted) {
    if (RunMetrics.read(folder).isEmpty()) {
      return new FolderState(Kind.INCOMPLETE, null);
    }
    Path config = folder.resolve(RunArtifacts.CONFIG);
    if (!Files.isRegularFile(config)) {
      return new FolderState(Kind.DIFFERENT, "no " + RunArtifacts.CONFIG + " there");
    }
    JsonNode found;
    try {
      found = ConfigMappers.yaml().readTree(config.toFile());
    } catch (IOException e) {
      return new FolderState(Kind.DIFFERENT, "its " + RunArtifacts.CONFIG + " cannot be read");
    }
    String difference = ConfigDiff.first(found, wanted);
    return difference == null
        ? new FolderState(Kind.SAME, null)
        : new FolderState(Kind.DIFFERENT, difference);
  }
}
