package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SLIC segmentations: deterministic, numbered in raster order, connected, about 75 regions. */
class SlicTest {

  private static final int SIDE = IdxFile.SIDE;
  private static final int PIXELS = SIDE * SIDE;

  @Test
  void aBlankImageIsTheSeedLatticeExactly() {
    for (int segments : new int[] {75, 20, 2, 100}) {
      Slic slic = new Slic(SIDE, SIDE, SuperpixelOptions.slic(segments, 0.25, 10));
      char[] labels = new char[PIXELS];
      assertThat(slic.segment(new byte[PIXELS], 0, labels, 0)).isEqualTo(segments);
      assertConsistent(labels, segments);
    }
  }

  @Test
  void deterministicAndWithoutStateBetweenImages() {
    byte[] pixels = MnistTestData.syntheticPixels(20);
    SuperpixelOptions options = SuperpixelOptions.DEFAULTS;
    char[] first = new char[PIXELS];
    int regions = new Slic(SIDE, SIDE, options).segment(pixels, 5 * PIXELS, first, 0);
    Slic reused = new Slic(SIDE, SIDE, options);
    char[] scratch = new char[PIXELS];
    for (int i = 0; i < 20; i++) {
      reused.segment(pixels, i * PIXELS, scratch, 0);
    }
    char[] again = new char[PIXELS];
    assertThat(reused.segment(pixels, 5 * PIXELS, again, 0)).isEqualTo(regions);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void regionsAreConnectedNumberedInRasterOrderAndAbout75() {
    byte[] pixels = MnistTestData.syntheticPixels(50);
    Slic slic = new Slic(SIDE, SIDE, SuperpixelOptions.DEFAULTS);
    char[] labels = new char[PIXELS];
    for (int i = 0; i < 50; i++) {
      int regions = slic.segment(pixels, i * PIXELS, labels, 0);
      assertThat(regions).as("digit %d", i).isBetween(60, 90);
      assertConsistent(labels, regions);
    }
  }

  @Test
  void realDigitsHaveAbout75Regions() {
    Path mnist = MnistTestData.shared("mnist-10k", "images-idx3-ubyte.gz");
    IdxFile.Images images = IdxFile.readImages(mnist.resolve("images-idx3-ubyte.gz"));
    Slic slic = new Slic(SIDE, SIDE, SuperpixelOptions.DEFAULTS);
    char[] labels = new char[PIXELS];
    int[] counts = new int[1000];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = slic.segment(images.pixels(), i * PIXELS, labels, 0);
      assertConsistent(labels, counts[i]);
    }
    Arrays.sort(counts);
    // Measured on all 70,000 MNIST digits: 67 to 80, median 74 (docs/results/mnist.md).
    assertThat(counts[0]).isGreaterThanOrEqualTo(60);
    assertThat(counts[counts.length - 1]).isLessThanOrEqualTo(90);
    assertThat(counts[counts.length / 2]).isBetween(70, 78);
  }

  @Test
  void twoThreadsGiveWhatOneGives() {
    int count = 777;
    byte[] pixels = MnistTestData.syntheticPixels(count);
    IdxFile.Images images = new IdxFile.Images(Path.of("synthetic"), count, SIDE, SIDE, pixels);
    Segmentations parallel = Segmentations.compute(images, SuperpixelOptions.DEFAULTS);
    Slic slic = new Slic(SIDE, SIDE, SuperpixelOptions.DEFAULTS);
    char[] labels = new char[count * PIXELS];
    int[] regions = new int[count];
    for (int i = 0; i < count; i++) {
      regions[i] = slic.segment(pixels, i * PIXELS, labels, i * PIXELS);
    }
    assertThat(parallel.regions()).isEqualTo(regions);
    assertThat(parallel.labels()).isEqualTo(labels);
  }

  /** Labels 0..regions-1, each first met in raster order, each region 4-connected. */
  static void assertConsistent(char[] labels, int regions) {
    int next = 0;
    for (char label : labels) {
      assertThat((int) label).isLessThanOrEqualTo(next);
      if (label == next) {
        next++;
      }
    }
    assertThat(next).isEqualTo(regions);
    boolean[] seen = new boolean[PIXELS];
    boolean[] started = new boolean[regions];
    for (int p = 0; p < PIXELS; p++) {
      if (seen[p]) {
        continue;
      }
      int label = labels[p];
      assertThat(started[label]).as("region %d has two components", label).isFalse();
      started[label] = true;
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(p);
      seen[p] = true;
      while (!queue.isEmpty()) {
        int q = queue.poll();
        int x = q % SIDE;
        int[] neighbours = {x > 0 ? q - 1 : -1, x < SIDE - 1 ? q + 1 : -1, q - SIDE, q + SIDE};
        for (int r : neighbours) {
          if (r >= 0 && r < PIXELS && !seen[r] && labels[r] == label) {
            seen[r] = true;
            queue.add(r);
          }
        }
      }
    }
  }
}
