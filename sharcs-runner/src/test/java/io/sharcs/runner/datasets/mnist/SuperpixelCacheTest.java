package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The superpixel cache: read back exactly, keyed by content and SLIC options (not the edge
 * options, which only the graphs built from it depend on), rebuilt when damaged.
 */
class SuperpixelCacheTest {

  private static final int SIDE = IdxFile.SIDE;

  @TempDir Path dir;

  private final List<String> lines = new ArrayList<>();
  private final IdxFile.Images images = images(300);

  @Test
  void writesOnceThenReadsTheSameSegmentations() {
    Segmentations computed = load(images, SuperpixelOptions.DEFAULTS);
    assertThat(lines).singleElement().asString()
        .startsWith("computed the superpixels of 300 digits in ").contains("; cached in " + dir);
    Path file = only();
    lines.clear();
    Segmentations read = load(images, SuperpixelOptions.DEFAULTS);
    assertThat(lines).containsExactly("superpixels of images read from " + file);
    assertThat(read.regions()).isEqualTo(computed.regions());
    assertThat(read.labels()).isEqualTo(computed.labels());
    assertThat(read.graph(7, images).edges()).isEqualTo(computed.graph(7, images).edges());
  }

  @Test
  void anotherOptionOrImageIsAnotherFile() {
    load(images, SuperpixelOptions.DEFAULTS);
    load(images, SuperpixelOptions.slic(75, 0.5, 10));
    byte[] changed = images.pixels().clone();
    changed[123] ^= 1;
    load(new IdxFile.Images(images.file(), 300, SIDE, SIDE, changed), SuperpixelOptions.DEFAULTS);
    assertThat(files()).hasSize(3);
    assertThat(lines).allMatch(l -> l.startsWith("computed"));
  }

  @Test
  void otherEdgesReadTheSameSegmentationsAndBuildOtherGraphs() {
    Segmentations computed = load(images, SuperpixelOptions.DEFAULTS);
    Path file = only();
    lines.clear();
    SuperpixelOptions knn = SuperpixelOptions.DEFAULTS.withEdges("knn", 8);
    Segmentations read = load(images, knn);
    // The segmentation does not depend on the edges: no second SLIC, no second file.
    assertThat(lines).containsExactly("superpixels of images read from " + file);
    assertThat(only()).isEqualTo(file);
    assertThat(read.labels()).isEqualTo(computed.labels());
    SuperpixelGraph adjacency = SuperpixelOptions.DEFAULTS.edgesOf(read.graph(7, images));
    SuperpixelGraph nearest = knn.edgesOf(read.graph(7, images));
    assertThat(nearest.x()).isEqualTo(adjacency.x());
    assertThat(nearest.edges()).isNotEqualTo(adjacency.edges());
    assertThat(nearest.sources()).isEqualTo(adjacency.nearest(8).sources());
    assertThat(nearest.targets()).isEqualTo(adjacency.nearest(8).targets());
  }

  @Test
  void aCutFileIsComputedAgain() throws IOException {
    Segmentations computed = load(images, SuperpixelOptions.DEFAULTS);
    Path file = only();
    byte[] whole = Files.readAllBytes(file);
    for (int length : new int[] {whole.length - 1, whole.length / 2, 60, 10, 0}) {
      Files.write(file, Arrays.copyOf(whole, length));
      lines.clear();
      Segmentations again = load(images, SuperpixelOptions.DEFAULTS);
      assertThat(lines.get(0)).startsWith("superpixel cache " + file + " is unusable (")
          .endsWith("); computing it again");
      assertThat(again.labels()).isEqualTo(computed.labels());
      assertThat(Files.readAllBytes(file)).isEqualTo(whole);
    }
  }

  @Test
  void aDamagedFileIsComputedAgain() throws IOException {
    Segmentations computed = load(images, SuperpixelOptions.DEFAULTS);
    Path file = only();
    byte[] whole = Files.readAllBytes(file);
    // The magic, the key, and bytes in the compressed labels.
    for (int at : new int[] {1, 20, whole.length / 2, whole.length - 3}) {
      byte[] damaged = whole.clone();
      damaged[at] ^= 0x10;
      Files.write(file, damaged);
      lines.clear();
      assertThat(load(images, SuperpixelOptions.DEFAULTS).labels())
          .isEqualTo(computed.labels());
      assertThat(lines.get(0)).contains(" is unusable (");
      assertThat(Files.readAllBytes(file)).isEqualTo(whole);
    }
    byte[] longer = Arrays.copyOf(whole, whole.length + 1);
    Files.write(file, longer);
    lines.clear();
    load(images, SuperpixelOptions.DEFAULTS);
    assertThat(lines.get(0)).contains(" is unusable (");
  }

  @Test
  void moreThan256RegionsAreStoredInTwoBytes() {
    IdxFile.Images blank = new IdxFile.Images(Path.of("blank"), 3, SIDE, SIDE,
        new byte[3 * SIDE * SIDE]);
    SuperpixelOptions many = SuperpixelOptions.slic(400, 0.25, 3);
    Segmentations computed = load(blank, many);
    assertThat(computed.regions()).containsOnly(400);
    Segmentations read = load(blank, many);
    assertThat(lines.get(1)).startsWith("superpixels of blank read from ");
    assertThat(read.labels()).isEqualTo(computed.labels());
  }

  @Test
  void anUnwritableFolderKeepsTheResultInMemory() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    Segmentations computed = SuperpixelCache.load(
        images, SuperpixelOptions.DEFAULTS, notAFolder, lines::add);
    assertThat(lines).singleElement().asString().contains("; cannot write the cache ")
        .endsWith(", kept in memory only");
    assertThat(computed.count()).isEqualTo(300);
    lines.clear();
    SuperpixelCache.load(images, SuperpixelOptions.DEFAULTS, null, lines::add);
    assertThat(lines).singleElement().asString().endsWith(
        "; no place to cache them (set dataset.cache to a writable folder)");
  }

  private Segmentations load(IdxFile.Images of, SuperpixelOptions options) {
    return SuperpixelCache.load(of, options, dir, lines::add);
  }

  private Path only() {
    List<Path> files = files();
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).matches("images\\.superpixels-[0-9a-f]{16}\\.bin");
    return files.get(0);
  }

  private List<Path> files() {
    try (var list = Files.list(dir)) {
      return list.sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static IdxFile.Images images(int count) {
    return new IdxFile.Images(Path.of("images"), count, SIDE, SIDE,
        MnistTestData.syntheticPixels(count));
  }
}
