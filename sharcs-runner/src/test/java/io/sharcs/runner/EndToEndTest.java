package io.sharcs.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example experiment through the real plugins (ServiceLoader) and the real core, shortened to
 * two epochs on a small data set. Skipped while the graph/tabular plugins or the core's pipeline
 * are not there yet.
 */
@Tag("slow")
class EndToEndTest {

  @TempDir Path work;

  @Test
  void theExampleRunsWithTheRealPluginsAndCore() throws Exception {
    PluginRegistry registry = PluginRegistry.of(PluginCatalog.discover());
    Assumptions.assumeTrue(
        registry.modality("graph").isPresent() && registry.modality("tabular").isPresent(),
        "graph and tabular plugins are not on the class path yet");
    Path example = Path.of("..", "examples", "xor-and-xor.yaml").toAbsolutePath().normalize();
    RunnerEnvironment env = RunnerEnvironment.system()
        .withWorkingDirectory(work)
        .withGitCommit(dir -> null);

    Fixtures.CliResult r = Fixtures.cli(env, "run", example.toString(),
        "--set", "training.epochs=2", "--set", "dataset.size=80", "--set", "dataset.train_size=64");

    Assumptions.assumeFalse(
        r.code() == 1 && r.err().contains("UnsupportedOperationException"),
        "the core's pipeline is not implemented yet");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.outLines()).filteredOn(l -> l.startsWith("epoch ")).hasSize(2);
    Path run = work.resolve("runs/xor-and-xor/sharcs/seed-0");
    assertThat(run.resolve("model")).isDirectory();
    JsonNode metrics = ConfigMappers.json().readTree(run.resolve("metrics.json").toFile());
    assertThat(metrics.size()).isPositive();
    JsonNode provenance = ConfigMappers.json().readTree(run.resolve("provenance.json").toFile());
    assertThat(provenance.get("engine").size()).isPositive();
    assertThat(Files.readString(run.resolve("config.resolved.yaml"))).contains("epochs: 2");
  }
}
