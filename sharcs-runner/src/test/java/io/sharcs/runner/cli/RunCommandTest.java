package io.sharcs.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.core.config.Mode;
import io.sharcs.runner.FakeGraphPlugin;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ExperimentLoader;
import io.sharcs.runner.run.DjlRuntime;
import io.sharcs.runner.run.Processor;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sharcs run} up to and around the pipeline, with a fake pipeline. */
class RunCommandTest {

  private static final String FILE = "examples/exp.yaml";

  @TempDir Path work;
  private RunnerEnvironment env;

  @BeforeEach
  void experiment() {
    Fixtures.write(work.resolve("examples"), "exp.yaml", Fixtures.EXPERIMENT);
    env = Fixtures.env(work, Fixtures.fakeTraining());
  }

  @Test
  void writesTheRunFolder() throws Exception {
    Fixtures.CliResult r = Fixtures.cli(env, "run", FILE, "--set", "training.epochs=2");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    Path run = work.resolve("runs/xor-and-xor/sharcs/seed-0");
    assertThat(r.outLines()).containsExactly(
        "xor-and-xor: mode sharcs, protocol clean, seed 0, data set xor-and-xor (32 train, 8"
            + " test), 1 thread -> runs/xor-and-xor/sharcs/seed-0",
        "epoch 1/2  loss 0.7000  train-acc 0.500  d 0.200  12 ms",
        "epoch 2/2  loss 0.5123  train-acc 0.812  d 0.104  31 ms",
        "done in 0.0 s; run folder runs/xor-and-xor/sharcs/seed-0",
        "  accuracy.test   0.7500",
        "  accuracy.train  0.8750",
        "  epochs          2");
    try (Stream<Path> files = Files.list(run)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "config.resolved.yaml", "provenance.json", "model", "metrics.json");
    }
    try (Stream<Path> siblings = Files.list(run.getParent())) {
      assertThat(siblings).containsExactly(run);
    }
    assertThat(run.resolve("model/sharcs-0002.params")).hasContent("weights of sharcs");
    // The pipeline's metrics as it gave them, and the wall times of the runner's own phases.
    JsonNode metrics = ConfigMappers.json().readTree(run.resolve("metrics.json").toFile());
    assertThat(metrics.fieldNames()).toIterable().containsExactly(
        "accuracy.test", "accuracy.train", "epochs",
        "timing.data_seconds", "timing.engine_seconds", "timing.report_seconds");
    assertThat(metrics.get("accuracy.test").asDouble()).isEqualTo(0.75);
    assertThat(metrics.get("accuracy.train").asDouble()).isEqualTo(0.875);
    assertThat(metrics.get("epochs").asDouble()).isEqualTo(2.0);
    metrics.fields().forEachRemaining(m -> {
      if (m.getKey().startsWith("timing.")) {
        assertThat(m.getValue().asDouble()).as(m.getKey()).isFinite().isNotNegative();
      }
    });

    JsonNode p = ConfigMappers.json().readTree(run.resolve("provenance.json").toFile());
    assertThat(p.get("git_commit").asText()).isEqualTo(Fixtures.COMMIT);
    assertThat(p.get("djl_version").asText()).isEqualTo("0.36.0");
    assertThat(p.at("/engine/engine").asText()).isEqualTo("Fake");
    assertThat(p.at("/java/version").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(p.at("/os/arch").asText()).isEqualTo(System.getProperty("os.arch"));
    assertThat(p.get("available_processors").asInt()).isPositive();
    Processor cpu = Processor.current();
    assertThat(p.at("/processor/model").asText()).isEqualTo(cpu.model());
    assertThat(p.at("/processor/vector_extensions").size())
        .isEqualTo(cpu.vectorExtensions().size());
    assertThat(p.at("/processor/kernel_environment").isObject()).isTrue();
    assertThat(p.get("threads").asInt()).isEqualTo(1);
    assertThat(p.get("seed").asLong()).isZero();
    assertThat(p.at("/dataset/name").asText()).isEqualTo("xor-and-xor");
    assertThat(p.at("/dataset/fingerprint").asText()).hasSize(64);
    assertThat(p.at("/experiment_file/path").asText()).isEqualTo(FILE);
    assertThat(p.at("/experiment_file/sha256").asText())
        .isEqualTo(Sha256.of(work.resolve(FILE)));
    assertThat(p.get("command_line").toString())
        .isEqualTo("[\"run\",\"" + FILE + "\",\"--set\",\"training.epochs=2\"]");
    assertThat(p.get("plugins").findValuesAsText("id"))
        .containsExactly("graph", "tabular", "xor-and-xor");
    assertThat(p.get("plugins").findValuesAsText("class")).contains(
        FakeGraphPlugin.class.getName());
    assertThat(p.get("start_time").asText()).isEqualTo(Fixtures.NOW.toString());
    assertThat(p.get("end_time").asText()).isEqualTo(Fixtures.NOW.toString());
    assertThat(p.has("sharcs_version")).isTrue();

    ExperimentLoader loader = new ExperimentLoader(Fixtures.registry());
    Experiment resolved = loader.load(
        run.resolve("config.resolved.yaml"), "config.resolved.yaml", ConfigOverrides.none());
    Experiment original = loader.load(work.resolve(FILE), FILE,
        ConfigOverrides.parse(null, null, java.util.List.of("training.epochs=2"), FILE));
    assertThat(resolved.training()).isEqualTo(original.training());
    assertThat(resolved.dataset().config()).isEqualTo(original.dataset().config());
    // Equal but for the folder their relative paths resolve against (the file's own).
    assertThat(resolved.modalities())
        .extracting(m -> java.util.List.of(m.name(), m.modality(), m.options()))
        .isEqualTo(original.modalities().stream()
            .map(m -> java.util.List.of(m.name(), m.modality(), m.options())).toList());
  }

  @Test
  void theResolvedConfigRunsAgain() throws Exception {
    assertThat(Fixtures.cli(env, "run", FILE).code()).isZero();
    Path first = work.resolve("runs/xor-and-xor/sharcs/seed-0");
    Fixtures.CliResult again = Fixtures.cli(
        env, "run", "runs/xor-and-xor/sharcs/seed-0/config.resolved.yaml", "--out", "again");
    assertThat(again.err()).isEmpty();
    assertThat(again.code()).isZero();
    assertThat(work.resolve("again/config.resolved.yaml"))
        .hasSameTextualContentAs(first.resolve("config.resolved.yaml"));
    assertThat(work.resolve("again/metrics.json")).exists();
  }

  @Test
  void replacesAnEarlierRunAsAWhole() throws Exception {
    Path run = work.resolve("runs/xor-and-xor/sharcs/seed-0");
    Fixtures.previousRun(run);
    assertThat(Fixtures.cli(env, "run", FILE).code()).isZero();
    assertThat(run.resolve("model/sharcs-0150.params")).doesNotExist();
    assertThat(run.resolve("model/sharcs-0002.params")).exists();
    assertThat(run.resolve("metrics.json")).content().contains("0.875");
    assertThat(run.resolve("config.resolved.yaml")).content().contains("edge_noise");
    try (Stream<Path> siblings = Files.list(run.getParent())) {
      assertThat(siblings).containsExactly(run);
    }
  }

  @Test
  void seedAndModeOptionsChooseTheFolder() {
    Fixtures.CliResult r = Fixtures.cli(env, "run", FILE, "--seed", "5", "--mode", "MULTI_CBM");
    assertThat(r.code()).isZero();
    Path run = work.resolve("runs/xor-and-xor/multi-cbm/seed-5");
    assertThat(run.resolve("metrics.json")).exists();
    assertThat(run.resolve("config.resolved.yaml")).content()
        .contains("seed: 5", "mode: " + Mode.MULTI_CBM.id());
    assertThat(run.resolve("model/sharcs-0002.params")).hasContent("weights of multi-cbm");
  }

  @Test
  void theSweepBlockIsLeftToSharcsSweep() throws Exception {
    Fixtures.write(work.resolve("examples"), "exp.yaml",
        Fixtures.EXPERIMENT + "sweep: {mode: [multi-cbm], seed: [4, 13]}\n");
    Fixtures.CliResult r = Fixtures.cli(env, "run", FILE, "--seed", "2");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    try (Stream<Path> runs = Files.walk(work.resolve("runs"))) {
      assertThat(runs.filter(p -> p.endsWith("metrics.json")))
          .containsExactly(work.resolve("runs/xor-and-xor/sharcs/seed-2/metrics.json"));
    }
    assertThat(work.resolve("runs/xor-and-xor/sharcs/seed-2/config.resolved.yaml")).content()
        .doesNotContain("sweep");
  }

  @Test
  void outReplacesTheDefaultFolder() {
    Fixtures.CliResult r = Fixtures.cli(env, "run", FILE, "--out", "elsewhere/run1");
    assertThat(r.code()).isZero();
    assertThat(work.resolve("elsewhere/run1/metrics.json")).exists();
    assertThat(work.resolve("runs")).doesNotExist();
  }

  @Test
  void threadsAreSetBeforeTheEngineStarts() {
    String threads = System.getProperty(DjlRuntime.NUM_THREADS);
    String interop = System.getProperty(DjlRuntime.NUM_INTEROP_THREADS);
    String[] seen = new String[3];
    RunnerEnvironment watching = env.withPipeline((d, b, s, progress, modelDir) -> {
      seen[0] = System.getProperty(DjlRuntime.NUM_THREADS);
      seen[1] = System.getProperty(DjlRuntime.NUM_INTEROP_THREADS);
      seen[2] = System.getProperty(DjlRuntime.OFFLINE);
      return Fixtures.fakeTraining().run(d, b, s, progress, modelDir);
    });
    try {
      assertThat(Fixtures.cli(watching, "run", FILE, "--set", "runtime.threads=2").code())
          .isZero();
      assertThat(seen).containsExactly("2", "2", "true");
    } finally {
      restore(DjlRuntime.NUM_THREADS, threads);
      restore(DjlRuntime.NUM_INTEROP_THREADS, interop);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
