package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.AttributeKey;
import io.sharcs.api.DataWrites;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.Fixtures.CliResult;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.datasets.manifest.ManifestConfig;
import io.sharcs.runner.datasets.manifest.ManifestProvider;
import io.sharcs.runner.datasets.manifest.ManifestWriter;
import io.sharcs.runner.datasets.mnist.MnistTestData.Graph;
import io.sharcs.runner.datasets.mnist.MnistTestData.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sharcs generate half-mnist} writes the digits as a manifest: the graphs and the inline
 * image rasters as JSON documents (the image plugin's file form also reads rasters inline), and
 * {@code type: manifest} trains on it through the real plugins. Both MNIST data sets read back
 * from their manifests are the providers' data sets, local labels included. Skipped without
 * mnist-10k.
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

  /**
   * The manifest {@code sharcs generate} writes reads back as the provider's data set: the same
   * modalities, classes and local class names, the same ids in the same splits and order, labels
   * and local labels, inputs (every graph's nodes, edges, positions and edge attributes; every
   * image's raster bytes), counterparts, and content keys that pair exactly the same samples.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"half-mnist", "mnist-superpixels"})
  void writtenAsAManifestReadsBackAsTheProvidersDataSet(String id) throws IOException {
    Path mnist = MnistTestData.shared("mnist-10k", "images-idx3-ubyte.gz");
    // An odd count and a fraction that does not divide it: the split is the provider's.
    CliResult g = Fixtures.cli(Fixtures.workingIn(work), "generate", id, "--out", "m",
        "--root", mnist.toString(), "--digits", "45", "--train-fraction", "0.7",
        "--cache", "cache");
    assertThat(g.code()).as(g.err()).isZero();
    Path out = work.resolve("m");
    assertThat(Files.readAllLines(out.resolve(ManifestWriter.ROWS)).get(0))
        .contains(",graph_label,image_label,");
    assertThat(Files.readString(out.resolve(ManifestWriter.BLOCK)))
        .contains("local_labels:").contains("local_classes:");

    DatasetProvider provider = id.equals(HalfMnistProvider.ID)
        ? new HalfMnistProvider() : new MnistSuperpixelsProvider();
    MnistConfig options = new MnistConfig(mnist.toString(), null, null, 45, 0.7,
        SuperpixelOptions.DEFAULTS, out.resolve("cache").toString());
    MultimodalDataset expected = provider.load(options, new DatasetContext(0, work, "test.yaml",
        MnistTestData.decoding(), DataWrites.inside(work), line -> {}, DatasetContext.CLEAN));
    MultimodalDataset actual = new ManifestProvider().load(block(out),
        new DatasetContext(0, out, ManifestWriter.BLOCK, MnistTestData.decoding()));

    assertThat(actual.modalities()).isEqualTo(expected.modalities());
    assertThat(actual.classNames()).isEqualTo(expected.classNames());
    assertThat(actual.localClassNames()).isEqualTo(expected.localClassNames())
        .containsOnlyKeys("graph", "image");
    assertThat(ids(actual.train())).isEqualTo(ids(expected.train())).hasSize(31);
    assertThat(ids(actual.test())).isEqualTo(ids(expected.test())).hasSize(14);
    List<MultimodalSample> a = all(actual);
    List<MultimodalSample> e = all(expected);
    for (int i = 0; i < a.size(); i++) {
      MultimodalSample x = a.get(i);
      MultimodalSample y = e.get(i);
      assertThat(x.label()).as(x.id()).isEqualTo(y.label());
      assertThat(x.localLabels()).as(x.id()).isEqualTo(y.localLabels()).hasSize(2);
      for (String m : List.of("graph", "image")) {
        assertThat(comparable(x.input(m).orElseThrow())).as(x.id() + " " + m)
            .isEqualTo(comparable(y.input(m).orElseThrow()));
        assertThat(comparable(x.contentKey(m).orElseThrow())).as(x.id() + " key of " + m)
            .isEqualTo(comparable(y.contentKey(m).orElseThrow()));
        for (String in : List.of("graph", "image")) {
          assertThat(x.counterpart(m, in).map(MnistManifestTest::comparable))
              .as(x.id() + " " + m + " as " + in)
              .isEqualTo(y.counterpart(m, in).map(MnistManifestTest::comparable));
        }
      }
    }
    // The raster bytes themselves, not only a digest of them: the first test image.
    Image read = (Image) actual.test().get(0).input("image").orElseThrow();
    Image built = (Image) expected.test().get(0).input("image").orElseThrow();
    assertThat(read.pixels()).isEqualTo(built.pixels())
        .hasSize(read.width() * read.height());
    // Keys come back as text or attributes, not the provider's types: the pairs must not change.
    for (String m : List.of("graph", "image")) {
      for (String n : List.of("graph", "image")) {
        for (int i = 0; i < a.size(); i++) {
          for (int j = 0; j < a.size(); j++) {
            assertThat(a.get(i).contentKey(m).equals(a.get(j).contentKey(n)))
                .as(a.get(i).id() + " " + m + " and " + a.get(j).id() + " " + n)
                .isEqualTo(e.get(i).contentKey(m).equals(e.get(j).contentKey(n)));
          }
        }
      }
    }
  }

  private static ManifestConfig block(Path out) throws IOException {
    ObjectNode tree = (ObjectNode) ConfigMappers.yaml().readTree(
        out.resolve(ManifestWriter.BLOCK).toFile());
    assertThat(tree.remove("type").asText()).isEqualTo(ManifestProvider.ID);
    return ConfigMappers.yaml().treeToValue(tree, ManifestConfig.class);
  }

  private static List<String> ids(List<MultimodalSample> samples) {
    return samples.stream().map(MultimodalSample::id).toList();
  }

  private static List<MultimodalSample> all(MultimodalDataset data) {
    List<MultimodalSample> all = new ArrayList<>(data.train());
    all.addAll(data.test());
    return all;
  }

  /** A graph or an image by its contents, a key by its attributes or its text. */
  private static Object comparable(Object value) {
    if (value instanceof Graph g) {
      return List.of(Arrays.toString(g.x()), Arrays.deepToString(g.edges()),
          Arrays.deepToString(g.pos()), Arrays.deepToString(g.edgeAttr()));
    }
    if (value instanceof Image i) {
      return List.of(i.width(), i.height(), java.util.HexFormat.of().formatHex(i.pixels()));
    }
    if (value instanceof AttributeKey k) {
      return k.attributes();
    }
    return value.toString();
  }
}
