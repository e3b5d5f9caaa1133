package io.sharcs.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.run.RunnerEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example experiment through the real plugins (ServiceLoader), the real core and the real run
 * folder: a short run, the full default run (which must learn), and reproducibility.
 */
@Tag("slow")
class EndToEndTest {

  @TempDir Path work;

  @Test
  void theExampleRunsWithTheRealPluginsAndCore() throws Exception {
    Path example = Path.of("..", "examples", "xor-and-xor.yaml").toAbsolutePath().normalize();
    RunnerEnvironment env = RunnerEnvironment.system()
        .withWorkingDirectory(work)
        .withGitCommit(dir -> null);

    Fixtures.CliResult r = Fixtures.cli(env, "run", example.toString(),
        "--set", "training.epochs=2", "--set", "dataset.size=80", "--set", "dataset.train_size=64");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.outLines()).filteredOn(l -> l.startsWith("epoch ")).hasSize(2);
    Path run = work.resolve("runs/xor-and-xor/sharcs/seed-0");
    assertThat(run.resolve("model")).isDirectory();
    JsonNode metrics = ConfigMappers.json().readTree(run.resolve("metrics.json").toFile());
    assertThat(metrics.size()).isPositive();
    // The phases around the core's run, for the benchmark (scripts/bench/bench.sh).
    for (String phase : new String[] {"data", "engine", "report", "total"}) {
      assertThat(metrics.get("timing." + phase + "_seconds")).as(phase).isNotNull();
      assertThat(metrics.get("timing." + phase + "_seconds").asDouble()).as(phase)
          .isGreaterThanOrEqualTo(0);
    }
    // Writing the report (figures included) takes time: it is measured, not left at zero.
    assertThat(metrics.get("timing.report_seconds").asDouble()).isPositive();
    JsonNode provenance = ConfigMappers.json().readTree(run.resolve("provenance.json").toFile());
    assertThat(provenance.get("engine").size()).isPositive();
    assertThat(Files.readString(run.resolve("config.resolved.yaml"))).contains("epochs: 2");
  }

  @Test
  void theDefaultExperimentLearnsXorAndXorAndRetrievesMissingModalities() throws Exception {
    // Two seeds, judged by the better one: a run can rarely diverge numerically late in training,
    // and one bad draw must not fail the build, while a pipeline that does not learn fails both.
    JsonNode metrics = null;
    for (String seed : new String[] {"0", "4"}) {
      Fixtures.CliResult r = Fixtures.cli(env(), "run", example().toString(), "--seed", seed);
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode m = metrics(work.resolve("runs/xor-and-xor/sharcs/seed-" + seed));
      if (metrics == null
          || m.get("accuracy.test").asDouble() > metrics.get("accuracy.test").asDouble()) {
        metrics = m;
      }
    }
    // The majority class is 75%: the model must do far better, with either modality missing too.
    assertThat(metrics.get("accuracy.test").asDouble()).isGreaterThan(0.9);
    assertThat(metrics.get("missing_modality_accuracy.graph").asDouble()).isGreaterThan(0.9);
    assertThat(metrics.get("missing_modality_accuracy.table").asDouble()).isGreaterThan(0.85);
  }

  @Test
  void theSameSeedGivesTheSameMetrics() throws Exception {
    String[] args = {"run", example().toString(), "--seed", "4", "--set", "training.epochs=5",
        "--set", "protocol=reference"};
    assertThat(Fixtures.cli(env(), concat(args, "--out", "a")).code()).isZero();
    assertThat(Fixtures.cli(env(), concat(args, "--out", "b")).code()).isZero();

    JsonNode a = metrics(work.resolve("a"));
    JsonNode b = metrics(work.resolve("b"));
    a.fieldNames().forEachRemaining(name -> {
      if (!name.startsWith("timing.")) {
        assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
      }
    });
  }

  @Test
  void aLossThatBecomesNanStopsTheRealTrainingAndLeavesTheOutFolderAsItWas() {
    Path out = work.resolve("out");
    Fixtures.previousRun(out);
    Map<String, String> before = Fixtures.snapshot(work);

    // A learning rate this large makes the weights, then the loss, overflow within two epochs.
    Fixtures.CliResult r = Fixtures.cli(env(), "run", example().toString(), "--out", "out",
        "--set", "training.epochs=5", "--set", "training.learning_rate=1e30",
        "--set", "dataset.size=40", "--set", "dataset.train_size=32");

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().matches(
        "sharcs: .*xor-and-xor\\.yaml: training diverged in epoch [1-5] \\(batch 1 of 1\\): the"
            + " loss is (NaN|infinite)(, first in the output of modality (graph|table))?,"
            + " expected a finite loss \\(lower training\\.learning_rate, or set"
            + " training\\.gradient_clip\\)");
    assertThat(r.out()).doesNotContain("NaN");
    assertThat(Fixtures.snapshot(work)).isEqualTo(before);
  }

  private RunnerEnvironment env() {
    return RunnerEnvironment.system().withWorkingDirectory(work).withGitCommit(dir -> null);
  }

  private static Path example() {
    return Path.of("..", "examples", "xor-and-xor.yaml").toAbsolutePath().normalize();
  }

  private static JsonNode metrics(Path run) throws java.io.IOException {
    return ConfigMappers.json().readTree(run.resolve("metrics.json").toFile());
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
