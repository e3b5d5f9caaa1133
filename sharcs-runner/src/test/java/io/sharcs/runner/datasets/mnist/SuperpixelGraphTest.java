package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sharcs.runner.datasets.mnist.SuperpixelGraph.Half;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Region adjacency and kNN graphs, their Cartesian edge attributes and their halves. */
class SuperpixelGraphTest {

  private static final int SIDE = IdxFile.SIDE;
  private static final int PIXELS = SIDE * SIDE;

  @Test
  void quadrantsGiveFourNodesJoinedAlongTheirSides() {
    // A 4x4 image in four 2x2 quadrants: 0 1 / 2 3; quadrants 0 and 3 touch only at a corner.
    char[] labels = {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3};
    byte[] pixels = new byte[16];
    pixels[0] = (byte) 255;
    pixels[10] = (byte) 51;
    pixels[11] = (byte) 51;
    SuperpixelGraph g = SuperpixelGraph.of(labels, 0, 4, pixels, 0, 4, 4);
    assertThat(g.intensity()).containsExactly(0.25f, 0f, 0f, 0.1f);
    assertThat(g.x()).containsExactly(0.5f, 2.5f, 0.5f, 2.5f);
    assertThat(g.y()).containsExactly(0.5f, 0.5f, 2.5f, 2.5f);
    assertThat(g.sources()).containsExactly(0, 0, 1, 1, 2, 2, 3, 3);
    assertThat(g.targets()).containsExactly(1, 2, 0, 3, 0, 3, 1, 2);
    assertThat(g.edgeAttributes()).isNull();
  }

  @Test
  void edgesAreExactlyTheTouchingRegionsBothWaysWithoutLoops() {
    byte[] pixels = MnistTestData.syntheticPixels(30);
    Slic slic = new Slic(SIDE, SIDE, SuperpixelOptions.DEFAULTS);
    char[] labels = new char[PIXELS];
    for (int i = 0; i < 30; i++) {
      int regions = slic.segment(pixels, i * PIXELS, labels, 0);
      SuperpixelGraph g = SuperpixelGraph.of(labels, 0, regions, pixels, i * PIXELS, SIDE, SIDE);
      assertThat(g.nodes()).isEqualTo(regions);
      // Brute force: every pair of 4-neighbour pixels with different labels, both directions.
      TreeSet<List<Integer>> expected = new TreeSet<>(
          (a, b) -> a.get(0).equals(b.get(0)) ? a.get(1) - b.get(1) : a.get(0) - b.get(0));
      for (int p = 0; p < PIXELS; p++) {
        int x = p % SIDE;
        for (int q : new int[] {x + 1 < SIDE ? p + 1 : -1, p + SIDE < PIXELS ? p + SIDE : -1}) {
          if (q >= 0 && labels[p] != labels[q]) {
            expected.add(List.of((int) labels[p], (int) labels[q]));
            expected.add(List.of((int) labels[q], (int) labels[p]));
          }
        }
      }
      List<List<Integer>> edges = new ArrayList<>();
      for (int e = 0; e < g.edges(); e++) {
        assertThat(g.sources()[e]).isNotEqualTo(g.targets()[e]);
        edges.add(List.of(g.sources()[e], g.targets()[e]));
      }
      // Sorted by source then target, no duplicates: the same sequence as the sorted set.
      assertThat(edges).containsExactlyElementsOf(expected);
      for (int n = 0; n < g.nodes(); n++) {
        assertThat(g.x()[n]).isBetween(0f, SIDE - 1f);
        assertThat(g.y()[n]).isBetween(0f, SIDE - 1f);
        assertThat(g.intensity()[n]).isBetween(0f, 1f);
      }
    }
  }

  @Test
  void cartesianAttributesAsPygNormalisedPerGraph() {
    SuperpixelGraph g = graphOf(3);
    SuperpixelGraph c = g.withCartesian();
    float[] a = c.edgeAttributes();
    assertThat(a).hasSize(2 * g.edges());
    float max = 0;
    for (int e = 0; e < g.edges(); e++) {
      max = Math.max(max, Math.abs(g.x()[g.sources()[e]] - g.x()[g.targets()[e]]));
      max = Math.max(max, Math.abs(g.y()[g.sources()[e]] - g.y()[g.targets()[e]]));
    }
    boolean reachesBound = false;
    for (int e = 0; e < g.edges(); e++) {
      int s = g.sources()[e];
      int t = g.targets()[e];
      assertThat(a[2 * e]).isCloseTo((g.x()[s] - g.x()[t]) / (2 * max) + 0.5f, within(1e-6f));
      assertThat(a[2 * e + 1]).isCloseTo((g.y()[s] - g.y()[t]) / (2 * max) + 0.5f, within(1e-6f));
      assertThat(a[2 * e]).isBetween(0f, 1f);
      assertThat(a[2 * e + 1]).isBetween(0f, 1f);
      reachesBound |= a[2 * e] == 0f || a[2 * e] == 1f || a[2 * e + 1] == 0f
          || a[2 * e + 1] == 1f;
    }
    assertThat(reachesBound).as("the largest difference maps to 0 or 1").isTrue();
  }

  @Test
  void halvesSplitAtHalfTheLargestRowAndKeepTheWholeGraphsAttributes() {
    for (int i = 0; i < 40; i++) {
      // Adjacency and kNN edges alike: halves only look at the edges' ends.
      SuperpixelGraph whole = (i < 20 ? graphOf(i) : graphOf(i - 20).nearest(8)).withCartesian();
      float max = 0;
      for (float y : whole.y()) {
        max = Math.max(max, y);
      }
      float threshold = max / 2;
      SuperpixelGraph upper = whole.half(Half.UPPER);
      SuperpixelGraph lower = whole.half(Half.LOWER);
      assertThat(upper.nodes() + lower.nodes()).isEqualTo(whole.nodes());
      assertThat(upper.nodes()).isPositive();
      assertThat(lower.nodes()).isPositive();
      // Kept nodes in their order, renumbered from 0.
      int[] newIndex = new int[whole.nodes()];
      int u = 0;
      int l = 0;
      for (int n = 0; n < whole.nodes(); n++) {
        boolean isUpper = whole.y()[n] <= threshold;
        SuperpixelGraph half = isUpper ? upper : lower;
        int k = isUpper ? u++ : l++;
        newIndex[n] = k;
        assertThat(half.y()[k]).isEqualTo(whole.y()[n]);
        assertThat(half.x()[k]).isEqualTo(whole.x()[n]);
        assertThat(half.intensity()[k]).isEqualTo(whole.intensity()[n]);
      }
      for (SuperpixelGraph half : new SuperpixelGraph[] {upper, lower}) {
        boolean isUpper = half == upper;
        int j = 0;
        for (int e = 0; e < whole.edges(); e++) {
          int s = whole.sources()[e];
          int t = whole.targets()[e];
          if ((whole.y()[s] <= threshold) == isUpper && (whole.y()[t] <= threshold) == isUpper) {
            assertThat(half.sources()[j]).isEqualTo(newIndex[s]);
            assertThat(half.targets()[j]).isEqualTo(newIndex[t]);
            assertThat(half.edgeAttributes()[2 * j]).isEqualTo(whole.edgeAttributes()[2 * e]);
            assertThat(half.edgeAttributes()[2 * j + 1])
                .isEqualTo(whole.edgeAttributes()[2 * e + 1]);
            j++;
          }
        }
        assertThat(half.edges()).isEqualTo(j);
      }
    }
  }

  @Test
  void nearestNeighboursOfHandMadeCentroidsUnitedBothWays() {
    // Squared distances: 0-1: 1, 0-3: 4, 1-2: 4, 1-3: 5, 0-2: 9, 2-3: 13, 2-4: 149, 3-4: 164.
    SuperpixelGraph g = centroids(new float[] {0, 1, 3, 0, 10}, new float[] {0, 0, 0, 2, 10});
    SuperpixelGraph one = g.nearest(1);
    // 0 -> 1, 1 -> 0, 2 -> 1, 3 -> 0, 4 -> 2; then both ways.
    assertThat(pairs(one)).containsExactly(
        "0-1", "0-3", "1-0", "1-2", "2-1", "2-4", "3-0", "4-2");
    // 0 -> 1 3, 1 -> 0 2, 2 -> 1 0, 3 -> 0 1, 4 -> 2 3.
    assertThat(pairs(g.nearest(2))).containsExactly("0-1", "0-2", "0-3", "1-0", "1-2", "1-3",
        "2-0", "2-1", "2-4", "3-0", "3-1", "3-4", "4-2", "4-3");
    assertThat(one.intensity()).isSameAs(g.intensity());
    assertThat(one.x()).isSameAs(g.x());
    assertThat(one.edgeAttributes()).isNull();
    // At least as many neighbours as nodes: every other node.
    assertThat(g.nearest(32).edges()).isEqualTo(5 * 4);
  }

  @Test
  void equalDistancesGoToTheLowerNodeAndTheUnionMayExceedK() {
    // Nodes 1, 2 and 3 are all at distance 1 from node 0: node 0 keeps node 1; each of them
    // keeps node 0, so node 0 ends with three neighbours.
    SuperpixelGraph g = centroids(new float[] {0, 1, -1, 0}, new float[] {0, 0, 0, 1});
    assertThat(pairs(g.nearest(1))).containsExactly("0-1", "0-2", "0-3", "1-0", "2-0", "3-0");
    // Squared: 1-3 and 2-3 are 2, 1-2 is 4: 0 -> 1 2, 1 -> 0 3, 2 -> 0 3, 3 -> 0 1 (not 2).
    assertThat(pairs(g.nearest(2))).containsExactly(
        "0-1", "0-2", "0-3", "1-0", "1-3", "2-0", "2-3", "3-0", "3-1", "3-2");
  }

  @Test
  void nearestNeighbourGraphsOfDigitsAreSymmetricSortedWithoutLoopsAndHoldEveryNearest() {
    for (int i = 0; i < 30; i++) {
      SuperpixelGraph adjacency = graphOf(i);
      for (int k : new int[] {1, 8, 20}) {
        SuperpixelGraph g = adjacency.nearest(k);
        int n = g.nodes();
        boolean[][] joined = new boolean[n][n];
        int previous = -1;
        for (int e = 0; e < g.edges(); e++) {
          int s = g.sources()[e];
          int t = g.targets()[e];
          assertThat(s).isNotEqualTo(t);
          // Strictly increasing (source, target): sorted, no duplicates.
          assertThat(s * n + t).isGreaterThan(previous);
          previous = s * n + t;
          joined[s][t] = true;
        }
        for (int a = 0; a < n; a++) {
          double[] d = new double[n];
          for (int b = 0; b < n; b++) {
            assertThat(joined[a][b]).isEqualTo(joined[b][a]);
            double dx = (double) g.x()[a] - g.x()[b];
            double dy = (double) g.y()[a] - g.y()[b];
            d[b] = b == a ? Double.POSITIVE_INFINITY : dx * dx + dy * dy;
          }
          double[] sorted = d.clone();
          java.util.Arrays.sort(sorted);
          double kth = sorted[Math.min(k, n - 1) - 1];
          int degree = 0;
          for (int b = 0; b < n; b++) {
            // Everything strictly nearer than the k-th nearest is a neighbour.
            assertThat(!(d[b] < kth) || joined[a][b]).isTrue();
            degree += joined[a][b] ? 1 : 0;
          }
          assertThat(degree).isGreaterThanOrEqualTo(Math.min(k, n - 1));
        }
      }
      // Cartesian attributes follow the new edges, in either order of the two steps.
      assertThat(adjacency.withCartesian().nearest(8).edgeAttributes())
          .isEqualTo(adjacency.nearest(8).withCartesian().edgeAttributes());
    }
  }

  @Test
  void optionsChooseTheEdges() {
    SuperpixelGraph g = graphOf(4);
    assertThat(SuperpixelOptions.DEFAULTS.edges()).isEqualTo("adjacency");
    assertThat(SuperpixelOptions.DEFAULTS.edgesOf(g)).isSameAs(g);
    SuperpixelOptions knn = SuperpixelOptions.DEFAULTS.withEdges(" KNN ", 5);
    assertThat(knn.edges()).isEqualTo("knn");
    assertThat(pairs(knn.edgesOf(g))).isEqualTo(pairs(g.nearest(5)));
  }

  private static SuperpixelGraph centroids(float[] x, float[] y) {
    return new SuperpixelGraph(new float[x.length], x, y, new int[0], new int[0], null);
  }

  private static List<String> pairs(SuperpixelGraph g) {
    List<String> pairs = new ArrayList<>();
    for (int e = 0; e < g.edges(); e++) {
      pairs.add(g.sources()[e] + "-" + g.targets()[e]);
    }
    return pairs;
  }

  private static SuperpixelGraph graphOf(int i) {
    byte[] pixels = MnistTestData.syntheticPixels(i + 1);
    char[] labels = new char[PIXELS];
    int regions = new Slic(SIDE, SIDE, SuperpixelOptions.DEFAULTS)
        .segment(pixels, i * PIXELS, labels, 0);
    return SuperpixelGraph.of(labels, 0, regions, pixels, i * PIXELS, SIDE, SIDE);
  }
}
