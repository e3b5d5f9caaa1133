package io.sharcs.runner;

import io.sharcs.core.train.EpochReport;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.runner.cli.SharcsCli;
import io.sharcs.runner.datasets.xor.XorAndXorProvider;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.plugins.PluginModule;
import io.sharcs.runner.plugins.PluginRegistry;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.TrainingPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Shared test helpers: plugins, environment, experiment text, CLI capture, folder snapshots. */
public final class Fixtures {

  /** The example experiment with a small data set, so that loading the data is quick. */
  public static final String EXPERIMENT = """
      name: xor-and-xor
      seed: 0
      mode: sharcs
      protocol: clean
      dataset:
        type: xor-and-xor
        size: 40
        train_size: 32
      modalities:
        - name: graph
          plugin: graph
          encoder: {layers: 5, hidden: 30, negative_slope: 0.01, temperature: 1.0}
        - name: table
          plugin: tabular
          encoder: {hidden: [30]}
      model: {concepts: 7, steepness: 5, projection_hidden: 7, predictor_hidden: 10}
      training: {epochs: 150, batch_size: 64, learning_rate: 0.001, lambda: 0.1, pair_probability: 0.1, class_weights: false}
      runtime: {threads: 1}
      """;

  public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  public static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private Fixtures() {}

  /** Test plugins {@code graph} and {@code tabular}, and the real {@code xor-and-xor}. */
  public static PluginCatalog catalog() {
    return PluginCatalog.of(
        List.of(new FakeGraphPlugin(), new FakeTablePlugin()), List.of(new XorAndXorProvider()));
  }

  public static PluginRegistry registry() {
    return registry(catalog());
  }

  /**
   * The registry of {@code catalog}, built as the CLI builds it: through {@link PluginModule}.
   *
   * @throws io.sharcs.runner.plugins.PluginError on duplicate or blank ids
   */
  public static PluginRegistry registry(PluginCatalog catalog) {
    return com.google.inject.Guice.createInjector(new PluginModule(catalog))
        .getInstance(PluginRegistry.class);
  }

  /** An environment rooted at {@code workDir} with the test plugins and {@code pipeline}. */
  public static RunnerEnvironment env(Path workDir, TrainingPipeline pipeline) {
    return new RunnerEnvironment(
        Fixtures::catalog, pipeline, dir -> COMMIT, Clock.fixed(NOW, ZoneOffset.UTC), workDir);
  }

  /** A pipeline that fails the test: bad input must be rejected before training. */
  public static TrainingPipeline neverCalled() {
    return (dataset, bindings, settings, progress, modelDir) -> {
      throw new AssertionError("the pipeline must not be reached");
    };
  }

  /** A pipeline that reports two epochs, saves a file into the model folder and returns metrics. */
  public static TrainingPipeline fakeTraining() {
    return (dataset, bindings, settings, progress, modelDir) -> {
      int epochs = settings.training().epochs();
      progress.accept(new EpochReport(1, epochs, 0.7, 0.5, 0.2, 0.012));
      progress.accept(new EpochReport(2, epochs, 0.5123, 0.812, 0.104, 0.031));
      try {
        Files.createDirectories(modelDir);
        Files.writeString(modelDir.resolve("sharcs-0002.params"), "weights of " + settings.mode());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new RunResult(
          new TreeMap<>(Map.of("accuracy.train", 0.875, "accuracy.test", 0.75, "epochs", 2.0)),
          Map.of("engine", "Fake", "engine_version", "0.0", "threads", "1"));
    };
  }

  /** The outcome of one CLI call. */
  /** A temporary working directory's environment, with no git commit recorded. */
  public static RunnerEnvironment workingIn(Path work) {
    return RunnerEnvironment.system().withWorkingDirectory(work).withGitCommit(dir -> null);
  }

  /**
   * Trains the XOR example briefly through the command line ({@code sharcs run ... --out out}) in
   * {@code env}'s working directory, failing the calling test on a non-zero exit.
   *
   * @return the run folder
   */
  public static Path shortXorRun(
      RunnerEnvironment env, String out, int epochs, int size, int trainSize) {
    Path example = Path.of("..", "examples", "xor-and-xor.yaml").toAbsolutePath().normalize();
    CliResult r = cli(env, "run", example.toString(), "--out", out,
        "--set", "training.epochs=" + epochs, "--set", "dataset.size=" + size,
        "--set", "dataset.train_size=" + trainSize);
    if (r.code() != 0) {
      throw new AssertionError("sharcs run exited " + r.code() + ": " + r.err());
    }
    return env.workingDirectory().resolve(out);
  }

  /** The outcome of one CLI call. */
  public record CliResult(int code, String out, String err) {
    public List<String> errLines() {
      return err.lines().toList();
    }

    public List<String> outLines() {
      return out.lines().toList();
    }
  }

  public static CliResult cli(RunnerEnvironment env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = SharcsCli.execute(args, o, e, env);
    }
    return new CliResult(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public static Path write(Path dir, String name, String text) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file and directory below {@code root}: relative path to hex bytes ("" for dirs). */
  public static Map<String, String> snapshot(Path root) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String key = root.relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
        files.put(key, Files.isRegularFile(p) ? HexFormat.of().formatHex(Files.readAllBytes(p)) : "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Creates a complete earlier run in {@code folder}. */
  public static void previousRun(Path folder) {
    write(folder, "config.resolved.yaml", "name: earlier\n");
    write(folder, "provenance.json", "{\"seed\": 0}\n");
    write(folder.resolve("model"), "sharcs-0150.params", "old weights");
    write(folder, "metrics.json", "{\"accuracy.test\": 0.5}\n");
  }
}
