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
import io.sharcs.api.ConceptSampling;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.EncoderPurpose;
import io.sharcs.api.InputSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph encoder as a plain embedding encoder (the non-concept baselines). */
class GraphEmbeddingEncoderTest {

  private static final int K = 7;
  private final GraphPlugin plugin = new GraphPlugin();

  private Block embeddingEncoder(InputSpec spec, ConceptSampling sampling, NDManager manager,
      NDList batch) {
    return TestEncoders.initialised(plugin, plugin.defaultEncoderConfig(),
        new EncoderContext(K, spec, sampling, Path.of(""), EncoderPurpose.EMBEDDING),
        manager, batch);
  }

  @Test
  void existingContextsAskForConceptEncoders() {
    InputSpec spec = new InputSpec(1, 4, "t");
    assertThat(new EncoderContext(K, spec, ConceptSampling.STOCHASTIC_ALWAYS).purpose())
        .isEqualTo(EncoderPurpose.CONCEPTS);
    Block concepts = plugin.createEncoder(
        plugin.defaultEncoderConfig(), new EncoderContext(K, spec, ConceptSampling.STOCHASTIC_ALWAYS));
    assertThat(((GraphConceptEncoder) concepts).purpose()).isEqualTo(EncoderPurpose.CONCEPTS);
  }

  @Test
  void sumPoolsTheLastLayersNodeOutputsWithoutGumbel() {
    List<GraphSample> graphs = TestGraphs.random(5, 3, 9, 2, 21);
    InputSpec spec = new InputSpec(2, 9, "t");
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(4);
      NDList batch = plugin.batch(graphs, spec, manager);
      // Even with "always sample", an embedding encoder draws no Gumbel noise.
      Block block = embeddingEncoder(spec, ConceptSampling.STOCHASTIC_ALWAYS, manager, batch);
      assertThat(((GraphConceptEncoder) block).purpose()).isEqualTo(EncoderPurpose.EMBEDDING);

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
    InputSpec spec = new InputSpec(1, 9, "t");
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList alone = plugin.batch(List.of(small), spec, manager);
      NDList padded = plugin.batch(List.of(small, TestGraphs.path(9)), spec, manager);
      Block block = embeddingEncoder(spec, ConceptSampling.DETERMINISTIC_IN_EVAL, manager, padded);
      float[] first = Arrays.copyOf(forward(block, manager, padded, false), K);
      // Equal up to rounding: the padded batch multiplies larger matrices.
      assertThat(first)
          .containsExactly(forward(block, manager, alone, false), offset(1e-5f));
    }
  }

  @Test
  void gradientReachesEveryLayer() {
    List<GraphSample> graphs = TestGraphs.random(6, 3, 8, 1, 5);
    InputSpec spec = new InputSpec(1, 8, "t");
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(2);
      NDList batch = plugin.batch(graphs, spec, manager);
      Block block = embeddingEncoder(spec, ConceptSampling.DETERMINISTIC_IN_EVAL, manager, batch);
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
