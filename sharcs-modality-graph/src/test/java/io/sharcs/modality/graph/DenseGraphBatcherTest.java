package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseGraphBatcherTest {


  /**
   * Three nodes with a duplicated edge 0->1, an existing self-loop on 1, a doubled self-loop on 2
   * and edges 1->0, 1->2; padded to four nodes by the second graph.
   *
   * <p>By hand: A[t][s] counts edges s->t, loops reset to one: rows [1 1 0], [2 1 0], [0 1 1];
   * in-degrees 2, 3, 2; Â[t][s] = A[t][s] / sqrt(deg t * deg s).
   */
  private static final GraphSample TRICKY =
      new GraphSample(
          new float[][] {{1, 10}, {2, 20}, {3, 30}},
          new int[][] {{0, 1}, {0, 1}, {1, 1}, {1, 0}, {2, 2}, {2, 2}, {1, 2}});

  private static final GraphSample ISOLATED = new GraphSample(new float[4][2], new int[0][]);

  @Test
  void normalisesLikeGcnNormWithRemainingSelfLoopsAndPads() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch =
          new GraphShape(2, 4).batch(List.of(TRICKY, ISOLATED), manager);

      assertThat(batch).hasSize(3);
      assertThat(batch.get(0).getShape()).isEqualTo(new Shape(2, 4, 2));
      assertThat(batch.get(1).getShape()).isEqualTo(new Shape(2, 4, 4));
      assertThat(batch.get(2).getShape()).isEqualTo(new Shape(2, 4));
      assertThat(batch).allSatisfy(a -> assertThat(a.getDataType()).isEqualTo(DataType.FLOAT32));

      double r6 = Math.sqrt(6);
      float[] expectedAdj = {
        // graph 0: rows are targets, columns sources; row and column 3 are padding
        0.5f, (float) (1 / r6), 0, 0,
        (float) (2 / r6), 1f / 3, 0, 0,
        0, (float) (1 / r6), 0.5f, 0,
        0, 0, 0, 0,
        // graph 1: no edges, so only the added self-loops, each normalised to 1
        1, 0, 0, 0,
        0, 1, 0, 0,
        0, 0, 1, 0,
        0, 0, 0, 1,
      };
      assertThat(batch.get(1).toFloatArray()).containsExactly(expectedAdj, within(1e-6f));
      assertThat(batch.get(0).toFloatArray())
          .containsExactly(1, 10, 2, 20, 3, 30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      assertThat(batch.get(2).toFloatArray()).containsExactly(1, 1, 1, 0, 1, 1, 1, 1);
    }
  }

  @Test
  void padsOnlyToTheLargestGraphOfThisBatch() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = new GraphShape(1, 100).batch(List.of(TestGraphs.path(3), TestGraphs.path(5)), manager);

      assertThat(batch.get(1).getShape()).isEqualTo(new Shape(2, 5, 5));
    }
  }

  @Test
  void rowSumsOfASymmetricRegularGraphAreOne() {
    // Undirected 4-cycle: every node has in-degree 2 + 1 loop, so Â = (A + I) / 3.
    GraphSample cycle = new GraphSample(
        new float[4][1],
        new int[][] {{0, 1}, {1, 0}, {1, 2}, {2, 1}, {2, 3}, {3, 2}, {3, 0}, {0, 3}});
    float[] adj = new float[16];

    GcnNormalization.fill(cycle, 4, adj, 0);

    for (int t = 0; t < 4; t++) {
      float sum = 0;
      for (int s = 0; s < 4; s++) {
        sum += adj[t * 4 + s];
      }
      assertThat(sum).isCloseTo(1f, within(1e-6f));
      assertThat(adj[t * 4 + t]).isCloseTo(1f / 3, within(1e-7f));
    }
  }
}
