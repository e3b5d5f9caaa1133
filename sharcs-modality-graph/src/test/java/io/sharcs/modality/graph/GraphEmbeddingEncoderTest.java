package io.sharcs.modality.graph;

import static io.sharcs.modality.graph.TestEncoders.forward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph encoder as a plain embedding encoder (the non-concept baselines). */
class GraphEmbeddingEncoderTest {

  private static final int K = 7;

  private Block embeddingEncoder(GraphShape spec, boolean sampling, NDManager manager,
      NDList batch) {
    // An embedding encoder has no sampling to choose: sampling is ignored.
    return TestEncoders.initialised(
        GraphConceptEncoder.embedding(GraphEncoderConfig.DEFAULTS, spec.nodeFeatures(), K),
        manager, batch);
  }

  @Test
  void thePluginRegistersBothEncoders() {
    var definition = io.sharcs.api.ModalityDefinition.of(new GraphPlugin());
    var fitted = definition.fit(
        io.sharcs.api.PreprocessingData.of(List.of(TestGraphs.path(4)), "t"),
        GraphEncoderConfig.DEFAULTS);
    GraphConceptEncoder concepts = (GraphConceptEncoder)
        fitted.conceptEncoder(new io.sharcs.api.EncoderContext(K, true));
    assertThat(concepts.isEmbedding()).isFalse();
    assertThat(concepts.stochasticWhenEvaluating()).isTrue();
    assertThat(concepts.concepts()).isEqualTo(K);
    GraphConceptEncoder embedding = (GraphConceptEncoder)
        fitted.embeddingEncoder(io.sharcs.api.EncoderContext.of(K));
    assertThat(embedding.isEmbedding()).isTrue();
  }

  @Test
  void sumPoolsTheLastLayersNodeOutputsWithoutGumbel() {
    List<GraphSample> graphs = TestGraphs.random(5, 3, 9, 2, 21);
    GraphShape spec = new GraphShape(2, 9);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(4);
      NDList batch = spec.batch(graphs, manager);
      // Even with "always sample", an embedding encoder draws no Gumbel noise.
      Block block = embeddingEncoder(spec, true, manager, batch);
      assertThat(((GraphConceptEncoder) block).isEmbedding()).isTrue();

      float[] eval = forward(block, manager, batch, false);
      assertThat(forward(block, manager, batch, true)).containsExactly(eval);
      assertThat(forward(block, manager, batch, false)).containsExactly(eval);

      // The expected value: the GCN layers applied by hand, then the masked sum over nodes.
      ParameterStore ps = new ParameterStore(manager, false);
      NDArray h = batch.get(DenseGraphBatcher.X);
      NDArray adj = batch.get(DenseGraphBatcher.ADJ);
      for (var child : block.getChildren()) {
        h = child.getValue().forward(ps, new NDList(h, adj), false).singletonOrThrow();
      }
      float[] nodes = h.toFloatArray();
      int maxNodes = (int) h.getShape().get(1);
      boolean negative = false;
      boolean fractional = false;
      for (int g = 0; g < graphs.size(); g++) {
        for (int c = 0; c < K; c++) {
          double sum = 0;
          for (int v = 0; v < graphs.get(g).nodeCount(); v++) {
            sum += nodes[(g * maxNodes + v) * K + c];
          }
          float got = eval[g * K + c];
          assertThat((double) got).as("graph %d, dimension %d", g, c).isCloseTo(sum, within(1e-4));
          negative |= got < 0;
          fractional |= Math.abs(got - Math.rint(got)) > 1e-3;
        }
      }
      // LeakyReLU outputs, not node counts: some are negative and not integers.
      assertThat(negative).isTrue();
      assertThat(fractional).isTrue();
    }
  }

  @Test
  void paddingDoesNotChangeAnEmbedding() {
    GraphSample small = TestGraphs.path(3);
    GraphShape spec = new GraphShape(1, 9);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList alone = spec.batch(List.of(small), manager);
      NDList padded = spec.batch(List.of(small, TestGraphs.path(9)), manager);
      Block block = embeddingEncoder(spec, false, manager, padded);
      float[] first = Arrays.copyOf(forward(block, manager, padded, false), K);
      // Equal up to rounding: the padded batch multiplies larger matrices.
      assertThat(first)
          .containsExactly(forward(block, manager, alone, false), offset(1e-5f));
    }
  }

  @Test
  void gradientReachesEveryLayer() {
    List<GraphSample> graphs = TestGraphs.random(6, 3, 8, 1, 5);
    GraphShape spec = new GraphShape(1, 8);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(2);
      NDList batch = spec.batch(graphs, manager);
      Block block = embeddingEncoder(spec, false, manager, batch);
      NDArray w = manager.randomNormal(new Shape(6, K));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = block.forward(new ParameterStore(manager, false), batch, true)
            .singletonOrThrow();
        gc.backward(out.mul(w).sum());
      }
      assertThat(block.getParameters().size()).isEqualTo(10);
      for (var pair : block.getParameters()) {
        float[] grad = pair.getValue().getArray().getGradient().toFloatArray();
        double norm = 0;
        for (float g : grad) {
          norm += g * g;
        }
        assertThat(norm).as("gradient norm of %s", pair.getKey()).isGreaterThan(0);
      }
    }
  }
}
