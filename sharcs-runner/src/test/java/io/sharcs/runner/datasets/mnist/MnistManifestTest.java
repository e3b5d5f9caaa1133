package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import io.sharcs.runner.Fixtures.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sharcs generate half-mnist} writes the digits as a manifest: the graphs and the inline
 * image rasters as JSON documents (the image plugin's file form also reads rasters inline), and
 * {@code type: manifest} trains on it through the real plugins. Skipped without mnist-10k.
 */
class MnistManifestTest {

  @TempDir Path work;

  @Test
  void halfMnistWrittenAsAManifestTrains() throws Exception {
    Path mnist = MnistTestData.shared("mnist-10k", "images-idx3-ubyte.gz");
    CliResult g = Fixtures.cli(Fixtures.workingIn(work), "generate", "half-mnist", "--out", "m",
        "--root", mnist.toString(), "--digits", "60", "--cache", "m/cache");
    assertThat(g.code()).as(g.err()).isZero();
    String manifest = Files.readString(work.resolve("m/manifest.yaml"));
    assertThat(manifest).contains("json: \"image\"").contains("json: \"graph\"");
    assertThat(Files.readAllLines(work.resolve("m/rows.csv"))).hasSize(61);

    String block = manifest.replace("---\n", "").replace("file: \"rows.csv\"",
        "file: \"m/rows.csv\"");
    String indented = String.join("\n", block.strip().lines().map(l -> "  " + l).toList());
    Fixtures.write(work, "exp.yaml", """
        name: half-mnist-manifest
        seed: 0
        mode: sharcs
        dataset:
        %s
        modalities:
          - {name: graph, plugin: graph, encoder: {architecture: spline}}
          - {name: image, plugin: image, encoder: {architecture: reference}}
        model: {concepts: 6, steepness: 2}
        training:
          epochs: 2
          batch_size: 16
          phases:
            - {epochs: 1, loss: local}
            - {epochs: 1, trainable: [projections, predictor]}
        """.formatted(indented));
    CliResult r = Fixtures.cli(Fixtures.workingIn(work), "run", "exp.yaml", "--out", "run");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(work.resolve("run/metrics.json")))
        .contains("\"accuracy.local.graph.test\"").contains("\"accuracy.local.image.test\"");
  }
}
