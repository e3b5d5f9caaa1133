package io.sharcs.runner.datasets.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.runner.FakeGraphPlugin;
import io.sharcs.runner.FakeTablePlugin;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.datasets.xor.XorAndXorProvider;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.TrainingPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sharcs generate xor-and-xor} writes a manifest that {@code type: manifest} reads back
 * as the same data set: ids, labels, splits, every input, content-key pairing and counterpart.
 */
class GenerateManifestTest {

  @TempDir Path work;

  @Test
  void generatedXorReadsBackAsTheSameDataSet() throws Exception {
    Fixtures.CliResult g = Fixtures.cli(env(Fixtures.neverCalled()),
        "generate", "xor-and-xor", "--out", "m", "--seed", "7", "--size", "40", "--train-size",
        "32");
    assertThat(g.code()).as(g.err()).isZero();
    String block = Files.readString(work.resolve("m/manifest.yaml")).replace("---\n", "")
        .replace("file: \"rows.csv\"", "file: \"m/rows.csv\"");
    String indented = String.join("\n", block.strip().lines().map(l -> "  " + l).toList());
    String builtIn = Fixtures.EXPERIMENT.replace("seed: 0", "seed: 7");
    String manifest = builtIn.replaceAll("(?s)dataset:\n.*?\nmodalities:",
        "dataset:\n" + indented + "\nmodalities:");
    Fixtures.write(work, "builtin.yaml", builtIn);
    Fixtures.write(work, "manifest.yaml", manifest);

    MultimodalDataset expected = load("builtin.yaml");
    MultimodalDataset actual = load("manifest.yaml");

    assertThat(actual.classNames()).isEqualTo(expected.classNames());
    assertThat(actual.modalities()).isEqualTo(expected.modalities());
    same(actual.train(), expected.train());
    same(actual.test(), expected.test());
  }

  private static void same(List<MultimodalSample> actual, List<MultimodalSample> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.size(); i++) {
      MultimodalSample a = actual.get(i);
      MultimodalSample e = expected.get(i);
      assertThat(a.id()).isEqualTo(e.id());
      assertThat(a.label()).isEqualTo(e.label());
      for (String m : List.of("graph", "table")) {
        // Numbers compare by value: a float node read back from text equals the float written.
        assertThat(floats(a.input(m).orElseThrow())).isEqualTo(floats(e.input(m).orElseThrow()));
        assertThat(a.contentKey(m).orElseThrow())
            .isEqualTo(e.contentKey(m).orElseThrow().toString());
      }
      assertThat(floats(a.counterpart("graph", "table").orElseThrow()))
          .isEqualTo(floats(e.counterpart("graph", "table").orElseThrow()));
      assertThat(floats(a.counterpart("table", "graph").orElseThrow()))
          .isEqualTo(floats(e.counterpart("table", "graph").orElseThrow()));
    }
  }

  /** Every number of a JSON value as float bits, in document order. */
  private static List<Integer> floats(Object node) {
    List<Integer> bits = new java.util.ArrayList<>();
    collect((com.fasterxml.jackson.databind.JsonNode) node, bits);
    return bits;
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode node, List<Integer> bits) {
    if (node.isNumber()) {
      bits.add(Float.floatToIntBits(node.floatValue()));
    }
    node.forEach(child -> collect(child, bits));
  }

  private MultimodalDataset load(String file) {
    AtomicReference<MultimodalDataset> seen = new AtomicReference<>();
    TrainingPipeline fake = Fixtures.fakeTraining();
    Fixtures.CliResult r = Fixtures.cli(env((d, b, s, p, m) -> {
      seen.set(d);
      return fake.run(d, b, s, p, m);
    }), "run", file, "--out", "out-" + file);
    assertThat(r.code()).as(r.err()).isZero();
    return seen.get();
  }

  private RunnerEnvironment env(TrainingPipeline pipeline) {
    return Fixtures.env(work, pipeline).withPlugins(() -> PluginCatalog.of(
        List.of(new FakeGraphPlugin(), new FakeTablePlugin()),
        List.of(new XorAndXorProvider(), new ManifestProvider())));
  }
}
