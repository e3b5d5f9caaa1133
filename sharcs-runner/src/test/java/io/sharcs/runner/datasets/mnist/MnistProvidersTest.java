package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.api.DataWrites;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.modality.graph.GraphSample;
import io.sharcs.runner.datasets.TestReaders;
import io.sharcs.runner.datasets.mnist.MnistTestData.Graph;
import io.sharcs.runner.datasets.mnist.MnistTestData.Image;
import io.sharcs.runner.datasets.mnist.SuperpixelGraph.Half;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both MNIST data sets built from the real {@code ../shared/data/mnist-10k} (skipped when it is
 * absent): the pairing, labels, keys, counterparts, halves and splits of method spec sections 1.2
 * and 1.3.
 */
class MnistProvidersTest {

  private static final int DIGITS = 1000;
  private static final int SIDE = IdxFile.SIDE;

  // One folder for the class: the superpixels of mnist-10k are computed once, then cached.
  @TempDir static Path dir;

  private Path mnist;
  private MnistDigits files;
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void data() {
    mnist = MnistTestData.shared("mnist-10k", "images-idx3-ubyte.gz");
    files = MnistDigits.read(mnist, null, null);
  }

  @Test
  void mnistSuperpixelsPairsEachGraphWithTheNextImage() {
    MultimodalDataset data = load(new MnistSuperpixelsProvider(), config(0.35), "clean");
    assertThat(data.name()).isEqualTo("mnist-superpixels");
    assertThat(data.modalities()).containsExactly("graph", "image");
    assertThat(data.classNames()).hasSize(19).startsWith("0", "1").endsWith("18");
    assertThat(data.localClassNames()).containsOnlyKeys("graph", "image");
    assertThat(data.localClassNames().get("image")).hasSize(10).startsWith("0").endsWith("9");
    assertThat(data.train()).hasSize(800);
    assertThat(data.test()).hasSize(200);
    List<MultimodalSample> all = all(data);
    Slic slic = new Slic(SIDE, SIDE, SuperpixelOptions.DEFAULTS);
    char[] labels = new char[SIDE * SIDE];
    for (int i = 0; i < DIGITS; i++) {
      int j = (i + 1) % DIGITS;
      MultimodalSample sample = all.get(i);
      MultimodalSample next = all.get(j);
      assertThat(sample.id()).isEqualTo("mnist-superpixels-" + i);
      assertThat(sample.label()).isEqualTo(files.digit(i) + files.digit(j));
      assertThat(sample.localLabels()).containsEntry("graph", files.digit(i))
          .containsEntry("image", files.digit(j)).hasSize(2);
      assertThat(sample.contentKeys()).containsEntry("graph", files.digit(i))
          .containsEntry("image", files.digit(j)).hasSize(2);
      // The image of digit j is read once: sample i shows it, sample j renders its graph with it.
      Object image = sample.input("image").orElseThrow();
      assertThat(next.counterpart("graph", "image").orElseThrow()).isSameAs(image);
      assertThat(sample.counterpart("image", "graph").orElseThrow())
          .isSameAs(next.input("graph").orElseThrow());
      assertThat(((Image) image).pixels()).isEqualTo(pixels(j, 0, SIDE));
      assertThat(((Image) image).width()).isEqualTo(SIDE);
      assertThat(((Image) image).height()).isEqualTo(SIDE);
      Graph graph = (Graph) sample.input("graph").orElseThrow();
      int regions = slic.segment(files.images().pixels(), i * SIDE * SIDE, labels, 0);
      SuperpixelGraph expected = SuperpixelGraph.of(labels, 0, regions, files.images().pixels(),
          i * SIDE * SIDE, SIDE, SIDE);
      assertThat(graph.x()).isEqualTo(expected.intensity());
      assertThat(graph.edges()).hasNumberOfRows(expected.edges());
      assertThat(graph.edgeAttr()).as("full graphs leave the Cartesian values to the encoder")
          .isNull();
      for (int n = 0; n < expected.nodes(); n++) {
        assertThat(graph.pos()[n]).containsExactly(expected.x()[n], expected.y()[n]);
      }
    }
  }

  @Test
  void halfMnistCleanAlternatesTheHalvesSoTheTestSplitHoldsBoth() {
    MultimodalDataset data = load(new HalfMnistProvider(), config(0.35), "clean");
    assertThat(data.classNames()).hasSize(10);
    List<MultimodalSample> all = all(data);
    for (int i = 0; i < DIGITS; i++) {
      assertHalves(all.get(i), i, i % 2 == 0 ? Half.UPPER : Half.LOWER);
    }
    assertThat(graphHalves(data.test())).containsExactlyInAnyOrder(Half.UPPER, Half.LOWER);
    assertThat(graphHalves(data.train())).containsExactlyInAnyOrder(Half.UPPER, Half.LOWER);
  }

  @Test
  void halfMnistReferenceCutsTheKindsByIndexSoTheTestSplitHoldsOne() {
    MultimodalDataset data = load(new HalfMnistProvider(), config(0.35), "reference");
    List<MultimodalSample> all = all(data);
    for (int i = 0; i < DIGITS; i++) {
      assertHalves(all.get(i), i, i < DIGITS / 2 ? Half.UPPER : Half.LOWER);
    }
    assertThat(data.train()).hasSize(800);
    assertThat(graphHalves(data.test())).containsExactly(Half.LOWER);
    String clean = load(new HalfMnistProvider(), config(0.35), "clean").fingerprint();
    assertThat(data.fingerprint()).isNotEqualTo(clean);
  }

  @Test
  void halvesOfTheSameDigitAndHalfHaveEqualKeysAcrossModalities() {
    MultimodalDataset data = load(new HalfMnistProvider(), config(0.35), "clean");
    Set<Object> graphKeys = new HashSet<>();
    Set<Object> imageKeys = new HashSet<>();
    for (MultimodalSample s : all(data)) {
      graphKeys.add(s.contentKey("graph").orElseThrow());
      imageKeys.add(s.contentKey("image").orElseThrow());
    }
    // 10 digits x 2 halves, in both modalities: every graph has image partners and vice versa.
    assertThat(graphKeys).hasSize(20).isEqualTo(imageKeys);
    assertThat(new DigitHalf(3, Half.UPPER).attributes())
        .containsExactly(java.util.Map.entry("digit", "3"), java.util.Map.entry("half", "upper"));
  }

  @Test
  void sameFilesAndOptionsGiveTheSameDataAndTheCacheIsUsed() {
    MnistConfig fresh = new MnistConfig(mnist.toString(), null, null, DIGITS, 0.8,
        SuperpixelOptions.DEFAULTS, "fresh-cache");
    MultimodalDataset first = load(new MnistSuperpixelsProvider(), fresh, "clean");
    assertThat(progress).singleElement().asString().startsWith("computed the superpixels of"
        + " 10,000 digits");
    progress.clear();
    MultimodalDataset second = load(new MnistSuperpixelsProvider(), fresh, "clean");
    assertThat(progress).singleElement().asString().startsWith("superpixels of"
        + " images-idx3-ubyte.gz read from " + dir.resolve("fresh-cache"));
    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    Graph a = (Graph) first.train().get(5).input("graph").orElseThrow();
    Graph b = (Graph) second.train().get(5).input("graph").orElseThrow();
    assertThat(b.x()).isEqualTo(a.x());
    assertThat(Arrays.deepEquals(b.edges(), a.edges())).isTrue();
    assertThat(load(new MnistSuperpixelsProvider(), config(0.5), "clean").fingerprint())
        .isNotEqualTo(first.fingerprint());
    assertThat(load(new MnistSuperpixelsProvider(), config(0.35), "clean").fingerprint())
        .as("the cache folder is no part of the data").isEqualTo(first.fingerprint());
  }

  @Test
  void knnEdgesComeFromTheCachedSegmentationsAndChangeTheFingerprint() {
    MultimodalDataset adjacency = load(new MnistSuperpixelsProvider(), config(0.35), "clean");
    progress.clear();
    MultimodalDataset knn = load(new MnistSuperpixelsProvider(), config(0.35, "knn", 8), "clean");
    assertThat(progress).singleElement().asString().startsWith("superpixels of"
        + " images-idx3-ubyte.gz read from ");
    assertThat(knn.fingerprint()).isNotEqualTo(adjacency.fingerprint())
        .isNotEqualTo(load(new MnistSuperpixelsProvider(), config(0.35, "knn", 4), "clean")
            .fingerprint());
    assertThat(load(new MnistSuperpixelsProvider(), config(0.35, "adjacency", 4), "clean")
        .fingerprint()).as("neighbours mean nothing to adjacency edges")
        .isEqualTo(adjacency.fingerprint());
    Slic slic = new Slic(SIDE, SIDE, SuperpixelOptions.DEFAULTS);
    char[] labels = new char[SIDE * SIDE];
    List<MultimodalSample> all = all(knn);
    for (int i = 0; i < 50; i++) {
      int regions = slic.segment(files.images().pixels(), i * SIDE * SIDE, labels, 0);
      SuperpixelGraph expected = SuperpixelGraph.of(labels, 0, regions, files.images().pixels(),
          i * SIDE * SIDE, SIDE, SIDE).nearest(8);
      Graph graph = (Graph) all.get(i).input("graph").orElseThrow();
      assertThat(graph.edges()).hasNumberOfRows(expected.edges());
      for (int e = 0; e < expected.edges(); e++) {
        assertThat(graph.edges()[e]).containsExactly(expected.sources()[e], expected.targets()[e]);
      }
    }
    // HalfMNIST's halves keep the kNN edges among their nodes, with attributes.
    for (MultimodalSample s : all(load(new HalfMnistProvider(), config(0.35, "knn", 8), "clean"))
        .subList(0, 50)) {
      Graph half = (Graph) s.input("graph").orElseThrow();
      assertThat(half.edges().length).isPositive();
      assertThat(half.edgeAttr()).hasNumberOfRows(half.edges().length);
    }
  }

  @Test
  void theGraphPluginReadsTheGraphs() {
    IdxFile.Images images = files.images();
    Segmentations s = Segmentations.compute(
        new IdxFile.Images(images.file(), 3, SIDE, SIDE, images.pixels()),
        SuperpixelOptions.DEFAULTS);
    for (int i = 0; i < 3; i++) {
      SuperpixelGraph g = s.graph(i, images);
      GraphSample read = (GraphSample) TestReaders.real()
          .read("graph", MnistJson.graph(g), "digit " + i);
      assertThat(read.nodeFeatures()).hasNumberOfRows(g.nodes());
      assertThat(read.edges()).hasNumberOfRows(g.edges());
      assertThat(read.positions()[g.nodes() - 1])
          .containsExactly(g.x()[g.nodes() - 1], g.y()[g.nodes() - 1]);
    }
  }

  /** Sample {@code i} shows half {@code graphShows} as a graph and the other half as an image. */
  private void assertHalves(MultimodalSample sample, int i, Half graphShows) {
    Half imageShows = graphShows.other();
    int digit = files.digit(i);
    assertThat(sample.label()).isEqualTo(digit);
    assertThat(sample.localLabels()).containsEntry("graph", digit).containsEntry("image", digit);
    assertThat(sample.contentKey("graph")).contains(new DigitHalf(digit, graphShows));
    assertThat(sample.contentKey("image")).contains(new DigitHalf(digit, imageShows));
    Image image = (Image) sample.input("image").orElseThrow();
    Image imageOfGraph = (Image) sample.counterpart("graph", "image").orElseThrow();
    assertThat(image.width()).isEqualTo(SIDE);
    assertThat(image.height()).isEqualTo(SIDE / 2);
    assertThat(image.pixels()).isEqualTo(rows(i, imageShows));
    assertThat(imageOfGraph.pixels()).isEqualTo(rows(i, graphShows));
    Graph graph = (Graph) sample.input("graph").orElseThrow();
    Graph graphOfImage = (Graph) sample.counterpart("image", "graph").orElseThrow();
    // The threshold is half the largest node row of the whole graph, made of the two halves.
    float max = 0;
    for (Graph half : List.of(graph, graphOfImage)) {
      for (float[] p : half.pos()) {
        max = Math.max(max, p[1]);
      }
    }
    for (float[] p : graph.pos()) {
      assertThat(p[1] <= max / 2).isEqualTo(graphShows == Half.UPPER);
    }
    for (float[] p : graphOfImage.pos()) {
      assertThat(p[1] <= max / 2).isEqualTo(imageShows == Half.UPPER);
    }
    for (Graph half : List.of(graph, graphOfImage)) {
      assertThat(half.edgeAttr()).hasNumberOfRows(half.edges().length);
      for (int e = 0; e < half.edges().length; e++) {
        int[] edge = half.edges()[e];
        assertThat(edge[0]).isNotEqualTo(edge[1]).isBetween(0, half.x().length - 1);
        for (float v : half.edgeAttr()[e]) {
          assertThat(v).isBetween(0f, 1f);
        }
        // Antisymmetric around 0.5, as the positions' difference.
        float dx = half.pos()[edge[0]][0] - half.pos()[edge[1]][0];
        assertThat(Math.signum(half.edgeAttr()[e][0] - 0.5f)).isEqualTo(Math.signum(dx));
      }
    }
  }

  private byte[] rows(int i, Half half) {
    return half == Half.UPPER ? pixels(i, 0, SIDE / 2) : pixels(i, SIDE / 2, SIDE);
  }

  private byte[] pixels(int i, int fromRow, int toRow) {
    int offset = i * SIDE * SIDE;
    return Arrays.copyOfRange(
        files.images().pixels(), offset + fromRow * SIDE, offset + toRow * SIDE);
  }

  private static Set<Half> graphHalves(List<MultimodalSample> samples) {
    Set<Half> halves = new HashSet<>();
    samples.forEach(s -> halves.add(((DigitHalf) s.contentKey("graph").orElseThrow()).half()));
    return halves;
  }

  private MnistConfig config(double compactness) {
    return config(compactness, "adjacency", 8);
  }

  private MnistConfig config(double compactness, String edges, int neighbours) {
    return new MnistConfig(mnist.toString(), null, null, DIGITS, 0.8,
        new SuperpixelOptions(75, compactness, 10, edges, neighbours), "cache");
  }

  private MultimodalDataset load(
      io.sharcs.api.DatasetProvider provider, MnistConfig config, String protocol) {
    return provider.load(config, new DatasetContext(0, dir, "test.yaml",
        MnistTestData.decoding(), DataWrites.inside(dir), progress::add, protocol));
  }

  private static List<MultimodalSample> all(MultimodalDataset data) {
    List<MultimodalSample> all = new ArrayList<>(data.train());
    all.addAll(data.test());
    return all;
  }
}
