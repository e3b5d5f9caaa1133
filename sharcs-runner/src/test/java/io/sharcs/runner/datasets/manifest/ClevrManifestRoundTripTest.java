package io.sharcs.runner.datasets.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.TrainingPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sharcs generate clevr} writes CLEVR's files and a manifest beside them; the same
 * experiment ({@code examples/clevr.yaml}'s model, shortened) on the folder read natively and
 * read as that manifest trains the same model: every metric but the timings is equal, and so are
 * the test predictions.
 */
class ClevrManifestRoundTripTest {

  @TempDir Path work;

  @Test
  void clevrReadNativelyAndAsItsManifestGivesTheSameMetrics() throws IOException {
    RunnerEnvironment env = Fixtures.env(work, TrainingPipeline.sharcs())
        .withPlugins(PluginCatalog::discover);
    Fixtures.CliResult g = Fixtures.cli(env,
        "generate", "clevr", "--questions", "200", "--seed", "5", "--out", "clevr");
    assertThat(g.code()).as(g.err()).isZero();
    assertThat(g.out()).contains("and a manifest of 200 rows (rows.csv, manifest.yaml)");

    String example = Files.readString(repository().resolve("examples/clevr.yaml"));
    String nativeRun = shortened(example)
        .replace("root: ../data/clevr-generated", "root: clevr")
        .replaceAll("(?m)^  generate: .*\n", "");
    assertThat(nativeRun).contains("root: clevr").doesNotContain("generate:");
    String block = Files.readString(work.resolve("clevr/" + ManifestWriter.BLOCK))
        .replace("---\n", "").replace("file: \"rows.csv\"", "file: \"clevr/rows.csv\"");
    String indented = String.join("\n", block.strip().lines().map(l -> "  " + l).toList());
    String manifestRun = nativeRun.replaceAll("(?s)\ndataset:\n.*?\nmodalities:",
        java.util.regex.Matcher.quoteReplacement("\ndataset:\n" + indented + "\nmodalities:"));
    assertThat(manifestRun).contains("type: \"manifest\"").doesNotContain("type: clevr");
    Fixtures.write(work, "native.yaml", nativeRun);
    Fixtures.write(work, "manifest.yaml", manifestRun);

    Map<String, JsonNode> expected = metrics(run(env, "native.yaml"));
    Map<String, JsonNode> actual = metrics(run(env, "manifest.yaml"));

    // Per-attribute retrieval needs the keys to come back as attribute keys.
    assertThat(expected).containsKey("retrieval.text_to_image.material");
    assertThat(actual).isEqualTo(expected);
    assertThat(work.resolve("manifest/predictions.csv"))
        .hasSameTextualContentAs(work.resolve("native/predictions.csv"));
  }

  /** Five epochs in the example's three phases, so the shared space is trained too. */
  private static String shortened(String example) {
    String s = example.replace("  epochs: 100\n", "  epochs: 5\n")
        .replace("{epochs: 30, shared_space: false}", "{epochs: 2, shared_space: false}")
        .replace("{epochs: 10, shared_space: true,", "{epochs: 1, shared_space: true,")
        .replace("{epochs: 60, shared_space: true}", "{epochs: 2, shared_space: true}");
    assertThat(s).contains("epochs: 5\n", "{epochs: 2, shared_space: false}",
        "{epochs: 1, shared_space: true,", "{epochs: 2, shared_space: true}");
    return s;
  }

  private Path run(RunnerEnvironment env, String file) {
    String name = file.replace(".yaml", "");
    Fixtures.CliResult r = Fixtures.cli(env, "run", file, "--out", name);
    assertThat(r.code()).as(r.err()).isZero();
    return work.resolve(name);
  }

  /** The metrics without the timings, which differ from run to run. */
  private static Map<String, JsonNode> metrics(Path run) throws IOException {
    Map<String, JsonNode> metrics = new TreeMap<>();
    new ObjectMapper().readTree(run.resolve("metrics.json").toFile()).fields()
        .forEachRemaining(e -> {
          if (!e.getKey().startsWith("timing.")) {
            metrics.put(e.getKey(), e.getValue());
          }
        });
    return metrics;
  }

  private static Path repository() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no folder with mvnw above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
