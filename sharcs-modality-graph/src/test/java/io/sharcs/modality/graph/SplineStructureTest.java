package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The spline encoder's structural precomputation: pseudo-coordinates, basis, graclus. */
class SplineStructureTest {

  @Test
  void basisWeightsAndKernelIndicesMatchHandComputedValues() {
    double[] weights = new double[4];
    int[] kernels = new int[4];
    // u = (0.3, 0.6), K = 5: v = (1.2, 2.4), i = (1, 2), f = (0.2, 0.4).
    SplineStructure.basis(new double[] {0.3, 0.6}, 0, 2, 5, weights, kernels);

    assertThat(weights).containsExactly(
        new double[] {0.8 * 0.6, 0.2 * 0.6, 0.8 * 0.4, 0.2 * 0.4}, within(1e-12));
    // index i_x + 5 i_y: (1, 2) -> 11, (2, 2) -> 12, (1, 3) -> 16, (2, 3) -> 17.
    assertThat(kernels).containsExactly(11, 12, 16, 17);
  }

  @Test
  void theUpperEndLandsOnTheLastKnotWithFullWeight() {
    double[] weights = new double[4];
    int[] kernels = new int[4];
    // u = (1, 0): the last knot in x (index 4), the first in y.
    SplineStructure.basis(new double[] {9, 1.0, 0.0}, 1, 2, 5, weights, kernels);

    assertThat(weights).containsExactly(new double[] {0, 1, 0, 0}, within(1e-12));
    assertThat(kernels[1]).isEqualTo(4);
  }

  @Test
  void cartesianIsPygsWithTheMaximumOverTheGraph() {
    // Nodes at (0, 0), (2, 0), (2, 1); edges 0 -> 1, 1 -> 0, 2 -> 1. Largest |difference| 2.
    double[] pos = {0, 0, 2, 0, 2, 1};
    double[] pseudo = SplineStructure.cartesian(
        new int[] {0, 1, 2}, new int[] {1, 0, 1}, pos, 2);

    assertThat(pseudo).containsExactly(
        new double[] {0.5 - 2 / 4.0, 0.5, 0.5 + 2 / 4.0, 0.5, 0.5, 0.5 + 1 / 4.0}, within(1e-12));
  }

  @Test
  void coincidingPositionsGiveTheCentre() {
    assertThat(SplineStructure.cartesian(new int[] {0}, new int[] {1}, new double[] {1, 1, 1, 1},
        2)).containsExactly(0.5, 0.5);
  }

  @Test
  void theInputLevelUsesGivenEdgeAttributes() {
    GraphSample g = new GraphSample(new float[2][1], new int[][] {{0, 1}, {1, 0}},
        new float[][] {{0, 0}, {1, 1}}, new float[][] {{0.1f, 0.2f}, {0.9f, 0.8f}});

    SplineStructure.Level level = SplineStructure.inputLevel(g);

    assertThat(level.pseudo()).containsExactly(new double[] {0.1, 0.2, 0.9, 0.8}, within(1e-6));
  }

  @Test
  void graclusPairsTheHeaviestUnmatchedNeighbourInPositionOrder() {
    // A path 0 - 1 - 2 - 3 on a line at x = 0, 1, 3, 6 (all at y = 0); degrees 1, 2, 2, 1.
    // Visit order by x: 0 first; its only neighbour is 1 -> {0, 1}. Then 2: neighbours 1
    // (taken) and 3 -> {2, 3}.
    GraphSample g = new GraphSample(new float[4][1],
        new int[][] {{0, 1}, {1, 0}, {1, 2}, {2, 1}, {2, 3}, {3, 2}},
        new float[][] {{0, 0}, {1, 0}, {3, 0}, {6, 0}});

    SplineStructure.Clusters c = SplineStructure.graclus(SplineStructure.inputLevel(g));

    assertThat(c.count()).isEqualTo(2);
    assertThat(c.clusterOf()).containsExactly(0, 0, 1, 1);
    assertThat(c.first()).containsExactly(0, 2);
    assertThat(c.second()).containsExactly(1, 3);
  }

  @Test
  void graclusPrefersTheLargerNormalisedCut() {
    // Node 0 (visited first, lowest y) has neighbours 1 at distance 1 and 2 at distance 2, all
    // of degree 1 except 0: weight to 2 is larger.
    GraphSample g = new GraphSample(new float[3][1],
        new int[][] {{0, 1}, {1, 0}, {0, 2}, {2, 0}},
        new float[][] {{0, 0}, {0, 1}, {0, 2}});

    SplineStructure.Clusters c = SplineStructure.graclus(SplineStructure.inputLevel(g));

    assertThat(c.first()).containsExactly(0, 1);
    assertThat(c.second()).containsExactly(2, 1);
    assertThat(c.pair(1)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void clustersAreAValidMatchingAndTheCoarsenedGraphIsClean(long seed) {
    GraphSample g = TestGraphs.geometric(1, 75, 4, seed).get(0);
    SplineStructure.Level level = SplineStructure.inputLevel(g);
    Set<Long> edges = new HashSet<>();
    for (int e = 0; e < level.edges(); e++) {
      edges.add((long) level.sources()[e] * 1000 + level.targets()[e]);
    }

    SplineStructure.Clusters c = SplineStructure.graclus(level);

    int[] members = new int[g.nodeCount()];
    for (int k = 0; k < c.count(); k++) {
      members[c.first()[k]]++;
      assertThat(c.clusterOf()[c.first()[k]]).isEqualTo(k);
      assertThat(c.clusterOf()[c.second()[k]]).isEqualTo(k);
      if (c.pair(k)) {
        members[c.second()[k]]++;
        assertThat(edges).contains((long) c.first()[k] * 1000 + c.second()[k]);
      }
    }
    // Every node in exactly one cluster; greedy matching at least halves... at most n clusters.
    assertThat(members).containsOnly(1);
    assertThat(c.count()).isBetween(g.nodeCount() / 2, g.nodeCount() - 1);

    SplineStructure.Level coarse = SplineStructure.coarsen(level, c);
    Set<Long> coarseEdges = new HashSet<>();
    for (int e = 0; e < coarse.edges(); e++) {
      int s = coarse.sources()[e];
      int t = coarse.targets()[e];
      assertThat(s).isNotEqualTo(t);
      assertThat(coarseEdges.add((long) s * 1000 + t)).as("duplicate edge").isTrue();
    }
    for (long key : coarseEdges) {
      assertThat(coarseEdges).as("symmetric").contains((key % 1000) * 1000 + key / 1000);
    }
    for (double u : coarse.pseudo()) {
      assertThat(u).isBetween(0.0, 1.0);
    }
    // Positions are the members' means.
    int k = 0;
    assertThat(coarse.positions()[2 * k]).isCloseTo(
        (g.position(c.first()[k], 0) + g.position(c.second()[k], 0)) / 2.0, within(1e-6));
  }

  @Test
  void clustersDoNotDependOnTheNodeNumbering() {
    GraphSample g = TestGraphs.geometric(1, 40, 3, 9).get(0);
    int[] perm = TestGraphs.permutation(40, 10);
    GraphSample p = TestGraphs.permuted(g, perm);

    SplineStructure.Clusters a = SplineStructure.graclus(SplineStructure.inputLevel(g));
    SplineStructure.Clusters b = SplineStructure.graclus(SplineStructure.inputLevel(p));

    assertThat(b.count()).isEqualTo(a.count());
    for (int k = 0; k < a.count(); k++) {
      assertThat(b.first()[k]).isEqualTo(perm[a.first()[k]]);
      assertThat(b.second()[k]).isEqualTo(perm[a.second()[k]]);
    }
  }

  @Test
  void theBatchSelectsClusterMembersAndPadsWithZeros() {
    List<GraphSample> graphs = List.of(
        TestGraphs.geometric(1, 12, 3, 1).get(0), TestGraphs.geometric(1, 20, 3, 2).get(0));
    SplineLayout layout = new SplineLayout(2, 5, "graclus");
    try (var manager = ai.djl.ndarray.NDManager.newBaseManager()) {
      var batch = SplineBatcher.batch(graphs, 1, layout, manager);
      long n0 = 20;
      long n1 = batch.get(SplineBatcher.POOL1A).getShape().get(1);
      assertThat(batch.get(SplineBatcher.X).getShape()).isEqualTo(new ai.djl.ndarray.types.Shape(2, n0, 1));
      assertThat(batch.get(SplineBatcher.AGG0).getShape()).isEqualTo(new ai.djl.ndarray.types.Shape(2, n0, 25));
      assertThat(batch.get(SplineBatcher.ADJ1).getShape()).isEqualTo(new ai.djl.ndarray.types.Shape(2, n1, n1 * 25));
      float[] pool = batch.get(SplineBatcher.POOL1A).toFloatArray();
      SplineBatcher.Graph small = SplineBatcher.structure(graphs.get(0), layout);
      // Rows past the small graph's clusters are zero; its real rows select one node each.
      for (int c = 0; c < n1; c++) {
        float sum = 0;
        for (int v = 0; v < n0; v++) {
          sum += pool[(int) (c * n0 + v)];
          if (v >= 12) {
            assertThat(pool[(int) (c * n0 + v)]).isZero();
          }
        }
        assertThat(sum).isEqualTo(c < small.first().count() ? 1f : 0f);
      }
      // Mean aggregation: every row of a node with in-edges sums to 1 over its kernel weights.
      float[] adj = batch.get(SplineBatcher.ADJ1).toFloatArray();
      for (int t = 0; t < small.coarse().nodes(); t++) {
        float sum = 0;
        for (int j = 0; j < n1 * 25; j++) {
          sum += adj[(int) (t * n1 * 25 + j)];
        }
        assertThat(sum).isCloseTo(1f, within(1e-5f));
      }
    }
  }
}
