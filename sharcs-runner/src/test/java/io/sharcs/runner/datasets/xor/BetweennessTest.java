package io.sharcs.runner.datasets.xor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BetweennessTest {

  @Test
  void bothWaysFourCycleAmongTenNodesHasRawOneOnEachCycleNode() {
    List<int[]> edges = new ArrayList<>();
    addSelfLoops(edges, 10);
    addBothWaysRing(edges, 0, 4);

    double[] b = Betweenness.centrality(10, edges.toArray(new int[0][]));

    // Node 1 lies on one of the two shortest paths of 0->2 and of 2->0: 1/2 + 1/2 = 1 raw.
    for (int v = 0; v < 4; v++) {
      assertThat(b[v]).isCloseTo(1.0 / 72, within(1e-15));
    }
    for (int v = 4; v < 10; v++) {
      assertThat(b[v]).isZero();
    }
  }

  @Test
  void bothWaysSixCycleAmongTenNodesHasRawFourOnEachCycleNode() {
    List<int[]> edges = new ArrayList<>();
    addBothWaysRing(edges, 4, 6);

    double[] b = Betweenness.centrality(10, edges.toArray(new int[0][]));

    // Per direction: the midpoint of its two neighbours (1) plus half of two antipodal pairs (1).
    for (int v = 4; v < 10; v++) {
      assertThat(b[v]).isCloseTo(4.0 / 72, within(1e-15));
    }
  }

  @Test
  void directedPathCreditsOnlyTheForwardDirection() {
    double[] b = Betweenness.centrality(3, new int[][] {{0, 1}, {1, 2}});

    assertThat(b).containsExactly(new double[] {0, 0.5, 0}, within(1e-15));
  }

  @Test
  void starCentreLiesOnEveryPathBetweenLeaves() {
    List<int[]> edges = new ArrayList<>();
    for (int leaf = 1; leaf <= 4; leaf++) {
      edges.add(new int[] {leaf, 0});
      edges.add(new int[] {0, leaf});
    }

    double[] b = Betweenness.centrality(5, edges.toArray(new int[0][]));

    assertThat(b[0]).isCloseTo(1.0, within(1e-15));
    assertThat(b[1]).isZero();
  }

  @Test
  void twoNodeGraphIsNotRescaled() {
    assertThat(Betweenness.centrality(2, new int[][] {{0, 1}, {1, 0}})).containsExactly(0, 0);
    assertThat(Betweenness.centrality(0, new int[0][])).isEmpty();
  }

  @Test
  void parallelEdgesAndSelfLoopsDoNotChangeTheResult() {
    int[][] simple = {{0, 1}, {1, 2}, {2, 3}, {0, 4}, {4, 3}};
    int[][] noisy = {
      {0, 1}, {0, 1}, {1, 1}, {1, 2}, {2, 3}, {3, 3}, {0, 4}, {4, 3}, {4, 3}, {4, 3}, {0, 0}
    };

    assertThat(Betweenness.centrality(5, noisy)).containsExactly(Betweenness.centrality(5, simple));
  }

  @Test
  void matchesEnumerationOfAllShortestPathsOnRandomDigraphs() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = 3 + random.nextInt(8);
      int m = random.nextInt(3 * n);
      int[][] edges = new int[m][];
      for (int e = 0; e < m; e++) {
        edges[e] = new int[] {random.nextInt(n), random.nextInt(n)};
      }

      assertThat(Betweenness.centrality(n, edges))
          .as("trial %d", trial)
          .containsExactly(BruteForceBetweenness.centrality(n, edges), within(1e-12));
    }
  }

  @Test
  void rejectsEdgesOutsideTheNodeRange() {
    assertThatThrownBy(() -> Betweenness.centrality(3, new int[][] {{0, 3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edge 0");
    assertThatThrownBy(() -> Betweenness.centrality(3, new int[][] {{0}}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void addSelfLoops(List<int[]> edges, int n) {
    for (int v = 0; v < n; v++) {
      edges.add(new int[] {v, v});
    }
  }

  private static void addBothWaysRing(List<int[]> edges, int start, int size) {
    for (int i = 0; i < size; i++) {
      edges.add(new int[] {start + i, start + (i + 1) % size});
      edges.add(new int[] {start + (i + 1) % size, start + i});
    }
  }
}
