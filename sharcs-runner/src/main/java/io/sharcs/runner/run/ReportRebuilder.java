package io.sharcs.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.core.explain.ExplanationBuilder;
import io.sharcs.core.explain.Explanations;
import io.sharcs.core.explain.SavedModelExplanations;
import io.sharcs.core.pipeline.EpochHistory;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.explain.ExplanationsJson;
import io.sharcs.runner.report.ReportWriter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code sharcs report RUN_DIR}: the run report built again from the saved model and the run's
 * data set, without training; the run's metrics, history and provenance come from its files.
 * The new {@code report.html}, {@code report/} and {@code explanations.json} replace the old ones
 * only once all are written.
 */
public final class ReportRebuilder {

  private final ModelLoader loader;
  private final RunnerEnvironment env;
  private final PrintStream out;

  /**
   * @param loader loads the run's model
   * @param env the working directory
   * @param out where the result line goes
   */
  @Inject
  public ReportRebuilder(ModelLoader loader, RunnerEnvironment env, @Stdout PrintStream out) {
    this.loader = loader;
    this.env = env;
    this.out = out;
  }

  /** Rebuilds the report of the run folder {@code runDir} (as the user named it). */
  public Path rebuild(String runDir) {
    Path dir = env.workingDirectory().resolve(runDir).normalize();
    long start = System.nanoTime();
    try (ModelLoader.LoadedRun run = loader.load(dir, runDir)) {
      SortedMap<String, Double> metrics = metrics(dir, runDir);
      JsonNode provenance = json(dir.resolve(RunArtifacts.PROVENANCE), runDir);
      EpochHistory history = history(dir.resolve(EpochHistory.FILE), runDir);
      ModalityBindings data;
      try {
        data = ModalityBindings.load(run.experiment(), dir.resolve(RunArtifacts.MODEL),
            runDir + "/" + RunArtifacts.MODEL + "/" + RunArtifacts.CONFIG,
            (folder, field) -> {
              throw new InvalidConfigException(field, "the data set is not at "
                  + folder.toAbsolutePath().normalize() + "; sharcs report reads the run's data"
                  + " and does not generate it (run sharcs run or sharcs generate first)");
            },
            line -> { });
      } catch (InvalidConfigException e) {
        throw new InputError(runDir + "/" + RunArtifacts.MODEL + "/" + RunArtifacts.CONFIG,
            e.field(), e.problem(), e);
      }
      Explanations explanations =
          SavedModelExplanations.of(run.model(), data.dataset(),
              ExplanationBuilder.Options.defaults());
      Path staging = Files.createTempDirectory(dir, ".report-");
      try {
        RunArtifacts.writeReport(staging, run.experiment(), data.dataset(), explanations,
            history, metrics, provenance);
        ExplanationsJson.write(explanations, staging.resolve(ExplanationsJson.FILE));
        replace(staging, dir);
      } finally {
        deleteTree(staging);
      }
      out.println(String.format(Locale.ROOT, "%s: report rebuilt in %.1f s: %s",
          runDir, (System.nanoTime() - start) / 1e9,
          RunSummary.display(dir.resolve(ReportWriter.PAGE), env.workingDirectory())));
      return dir.resolve(ReportWriter.PAGE);
    } catch (InvalidInputException e) {
      throw new InputError(runDir, null, e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + dir, e);
    }
  }

  private static SortedMap<String, Double> metrics(Path dir, String runDir) {
    JsonNode node = json(dir.resolve(RunFolder.METRICS), runDir);
    SortedMap<String, Double> metrics = new TreeMap<>();
    node.fields().forEachRemaining(f -> metrics.put(f.getKey(), f.getValue().asDouble()));
    // The run's report was written before these were measured: the same report leaves them out.
    ExperimentRunner.PHASES.forEach(metrics::remove);
    return metrics;
  }

  private static JsonNode json(Path file, String runDir) {
    String shown = runDir + "/" + file.getFileName();
    if (!Files.isRegularFile(file)) {
      throw new InputError(shown, null, "file not found, expected the run's "
          + file.getFileName());
    }
    try {
      JsonNode node = ConfigMappers.json().readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw new InputError(shown, null, "not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new InputError(shown, null, "not valid JSON (" + firstLine(e.getMessage()) + ")", e);
    }
  }

  /** history.csv as {@link EpochHistory#lines} writes it; empty when the run has none. */
  static EpochHistory history(Path file, String runDir) {
    if (!Files.isRegularFile(file)) {
      return EpochHistory.none();
    }
    String shown = runDir + "/" + file.getFileName();
    try {
      return EpochHistory.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (InvalidInputException e) {
      throw new InputError(shown, null, e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Moves the staged report files over the run folder's. */
  private static void replace(Path staging, Path dir) throws IOException {
    Path figures = dir.resolve(ReportWriter.FIGURES);
    Path old = dir.resolve(".report-old");
    deleteTree(old);
    if (Files.exists(figures)) {
      Files.move(figures, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging.resolve(ReportWriter.FIGURES), figures, StandardCopyOption.ATOMIC_MOVE);
    Files.move(staging.resolve(ExplanationsJson.FILE), dir.resolve(ExplanationsJson.FILE),
        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Files.move(staging.resolve(ReportWriter.PAGE), dir.resolve(ReportWriter.PAGE),
        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    deleteTree(old);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
