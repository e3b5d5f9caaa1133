package io.sharcs.modality.graph;

import static io.sharcs.modality.graph.TestEncoders.forward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphPartConceptsTest {

  private static final int K = 5;

  @Test
  void everyNodeGetsAConceptInRangeAndPaddingGetsNone() {
    List<GraphSample> graphs = TestGraphs.random(6, 2, 12, 3, 17);
    GraphShape shape = new GraphShape(3, 12);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(2);
      NDList batch = shape.batch(graphs, manager);
      GraphConceptEncoder encoder = (GraphConceptEncoder) TestEncoders.initialised(
          new GraphConceptEncoder(GraphEncoderConfig.DEFAULTS, 3, K, false), manager, batch);
      float[] before = forward(encoder, manager, batch, false);
      ParameterStore store = new ParameterStore(manager, false);
      int arrays = ((BaseNDManager) manager).getManagedArrays().size();

      int[][] parts = encoder.partConcepts(store, batch);

      // Nothing is left attached to the caller's manager.
      assertThat(((BaseNDManager) manager).getManagedArrays()).hasSize(arrays);

      int padded = (int) batch.get(DenseGraphBatcher.MASK).getShape().get(1);
      assertThat(parts.length).isEqualTo(graphs.size());
      boolean[] seen = new boolean[K];
      for (int g = 0; g < graphs.size(); g++) {
        int nodes = graphs.get(g).nodeCount();
        assertThat(parts[g]).hasSize(padded);
        for (int v = 0; v < padded; v++) {
          if (v < nodes) {
            assertThat(parts[g][v]).as("graph %d node %d", g, v).isBetween(0, K - 1);
            seen[parts[g][v]] = true;
          } else {
            assertThat(parts[g][v]).as("graph %d padding %d", g, v).isEqualTo(-1);
          }
        }
      }
      // Deterministic, and the forward pass is what it was.
      assertThat(encoder.partConcepts(new ParameterStore(manager, false), batch))
          .isDeepEqualTo(parts);
      assertThat(forward(encoder, manager, batch, false)).containsExactly(before);
    }
  }

  @Test
  void aSingleNodeGraphPicksTheConceptOfItsLargestExpectedCount() {
    // The deterministic forward pass of a one-node graph is the softmax of that node's logits,
    // so the node's concept is the argmax of the encoder's own output.
    List<GraphSample> graphs = TestGraphs.random(8, 1, 1, 2, 5);
    GraphShape shape = new GraphShape(2, 1);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(9);
      NDList batch = shape.batch(graphs, manager);
      GraphConceptEncoder encoder = (GraphConceptEncoder) TestEncoders.initialised(
          new GraphConceptEncoder(GraphEncoderConfig.DEFAULTS, 2, K, false), manager, batch);
      float[] expected = forward(encoder, manager, batch, false);

      int[][] parts = encoder.partConcepts(new ParameterStore(manager, false), batch);

      for (int g = 0; g < graphs.size(); g++) {
        int best = 0;
        for (int c = 1; c < K; c++) {
          if (expected[g * K + c] > expected[g * K + best]) {
            best = c;
          }
        }
        assertThat(parts[g]).as("graph %d", g).containsExactly(best);
      }
    }
  }

  @Test
  void anEmbeddingEncoderHasNoNodeConcepts() {
    GraphShape shape = new GraphShape(1, 3);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = shape.batch(List.of(TestGraphs.path(3)), manager);
      GraphConceptEncoder embedding = (GraphConceptEncoder) TestEncoders.initialised(
          GraphConceptEncoder.embedding(GraphEncoderConfig.DEFAULTS, 1, 4), manager, batch);
      assertThatThrownBy(() -> embedding.partConcepts(new ParameterStore(manager, false), batch))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("a plain graph embedding encoder has no per-node concepts");
    }
  }
}
