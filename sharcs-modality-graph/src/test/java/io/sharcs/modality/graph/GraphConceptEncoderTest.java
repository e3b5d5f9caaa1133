package io.sharcs.modality.graph;

import static io.sharcs.modality.graph.TestEncoders.forward;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphConceptEncoderTest {

  private static final int K = 7;

  private Block encoder(GraphShape spec, boolean sampling, NDManager manager, NDList batch) {
    return TestEncoders.initialised(new GraphConceptEncoder(GraphEncoderConfig.DEFAULTS, spec.nodeFeatures(), K, sampling), manager, batch);
  }

  @Test
  void outputsPerConceptNodeCountsOfShapeBk() {
    List<GraphSample> graphs = TestGraphs.random(6, 2, 12, 3, 1);
    GraphShape spec = new GraphShape(3, 12);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(3);
      NDList batch = spec.batch(graphs, manager);
      Block block = encoder(spec, true, manager, batch);

      for (boolean training : new boolean[] {true, false}) {
        NDArray out = block.forward(new ParameterStore(manager, false), batch, training)
            .singletonOrThrow();
        assertThat(out.getShape()).isEqualTo(new Shape(6, K));
        assertThat(block.getOutputShapes(batch.getShapes())[0]).isEqualTo(new Shape(6, K));
        float[] counts = out.toFloatArray();
        for (int g = 0; g < graphs.size(); g++) {
          float sum = 0;
          for (int c = 0; c < K; c++) {
            float v = counts[g * K + c];
            assertThat(v).isGreaterThanOrEqualTo(0f).isEqualTo((float) Math.rint(v));
            sum += v;
          }
          assertThat(sum).isEqualTo(graphs.get(g).nodeCount());
        }
      }
    }
  }

  @Test
  void aSingleLayerMapsFeaturesStraightToConcepts() {
    GraphShape spec = new GraphShape(2, 6);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = spec.batch(TestGraphs.random(3, 2, 6, 2, 8), manager);
      Block block = TestEncoders.initialised(new GraphConceptEncoder(new GraphEncoderConfig(1, 30, 0.2, 0.5), spec.nodeFeatures(), K, false), manager, batch);

      assertThat(block.getParameters().size()).isEqualTo(2);
      assertThat(block.getParameters().get(0).getValue().getArray().getShape())
          .isEqualTo(new Shape(K, 2));
      assertThat(forward(block, manager, batch, true)).hasSize(3 * K);
    }
  }

  @Test
  void paddedNodesContributeNothing() {
    GraphSample small = TestGraphs.path(3);
    GraphSample large = TestGraphs.path(9);
    GraphShape spec = new GraphShape(1, 9);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList alone = spec.batch(List.of(small), manager);
      NDList padded = spec.batch(List.of(small, large), manager);
      Block block = encoder(spec, false, manager, padded);

      float[] aloneCounts = forward(block, manager, alone, false);
      float[] paddedCounts = forward(block, manager, padded, false);

      assertThat(java.util.Arrays.copyOf(paddedCounts, K)).containsExactly(aloneCounts);
    }
  }

  @Test
  void maskedNodesAreNotCountedWhateverTheirFeatures() {
    // Node 2 is masked out but carries large features and edges, as a corrupt padding would.
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(new float[] {0.5f, -1f, 100f}, new Shape(1, 3, 1));
      NDArray adj = manager.ones(new Shape(1, 3, 3)).div(3);
      NDArray mask = manager.create(new float[] {1, 1, 0}, new Shape(1, 3));
      NDList batch = new NDList(x, adj, mask);
      Block block = encoder(
          new GraphShape(1, 3), true, manager, batch);

      float total = 0;
      for (float v : forward(block, manager, batch, true)) {
        total += v;
      }
      assertThat(total).isEqualTo(2f);
    }
  }

  @Test
  void deterministicEvalGivesExpectedCountsOfTheTrainingSamples() {
    List<GraphSample> graphs = TestGraphs.random(4, 3, 8, 1, 3);
    GraphShape spec = new GraphShape(1, 8);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(11);
      NDList batch = spec.batch(graphs, manager);
      Block block = encoder(spec, false, manager, batch);
      float[] expected = forward(block, manager, batch, false);
      // Counts sum to each graph's node count, and are not all integers.
      boolean fractional = false;
      for (int g = 0; g < graphs.size(); g++) {
        float total = 0;
        for (int c = 0; c < K; c++) {
          float v = expected[g * K + c];
          assertThat(v).isBetween(0f, (float) graphs.get(g).nodeCount());
          fractional |= Math.abs(v - Math.round(v)) > 1e-3;
          total += v;
        }
        assertThat(total).isCloseTo(graphs.get(g).nodeCount(), org.assertj.core.data.Offset.offset(1e-4f));
      }
      assertThat(fractional).isTrue();
      // The average of many training-time (sampled) counts converges to the expectation.
      int draws = 2000;
      double[] mean = new double[expected.length];
      for (int d = 0; d < draws; d++) {
        float[] sample = forward(block, manager, batch, true);
        for (int i = 0; i < mean.length; i++) {
          mean[i] += sample[i] / draws;
        }
      }
      for (int i = 0; i < mean.length; i++) {
        assertThat(mean[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(0.15));
      }
    }
  }

  @Test
  void deterministicEvalRepeatsAndStochasticEvalDoesNot() {
    List<GraphSample> graphs = TestGraphs.random(16, 5, 10, 1, 2);
    GraphShape spec = new GraphShape(1, 10);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(5);
      NDList batch = spec.batch(graphs, manager);
      Block deterministic = encoder(spec, false, manager, batch);
      Block stochastic = encoder(spec, true, manager, batch);

      assertThat(forward(deterministic, manager, batch, false))
          .containsExactly(forward(deterministic, manager, batch, false));
      assertThat(forward(stochastic, manager, batch, false))
          .isNotEqualTo(forward(stochastic, manager, batch, false));
      // Training always samples, whatever the evaluation policy.
      assertThat(forward(deterministic, manager, batch, true))
          .isNotEqualTo(forward(deterministic, manager, batch, true));
    }
  }

  @Test
  void gradientReachesEveryLayerThroughTheStraightThroughEstimator() {
    List<GraphSample> graphs = TestGraphs.random(8, 3, 10, 1, 4);
    GraphShape spec = new GraphShape(1, 10);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(11);
      NDList batch = spec.batch(graphs, manager);
      Block block = encoder(spec, true, manager, batch);
      NDArray w = manager.randomNormal(new Shape(8, K));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = block.forward(new ParameterStore(manager, false), batch, true)
            .singletonOrThrow();
        gc.backward(out.mul(w).sum());
      }

      List<String> names = new ArrayList<>();
      for (var pair : block.getParameters()) {
        Parameter p = pair.getValue();
        names.add(pair.getKey());
        float[] grad = p.getArray().getGradient().toFloatArray();
        double norm = 0;
        for (float g : grad) {
          assertThat(Float.isFinite(g)).isTrue();
          norm += g * g;
        }
        assertThat(norm).as("gradient norm of %s", pair.getKey()).isGreaterThan(0);
      }
      assertThat(names).hasSize(10); // 5 layers x (weight, bias)
    }
  }

  @Test
  void savedParametersLoadIntoAFreshEncoder() throws Exception {
    List<GraphSample> graphs = TestGraphs.random(5, 2, 8, 1, 6);
    GraphShape spec = new GraphShape(1, 8);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = spec.batch(graphs, manager);
      Block trained = encoder(spec, false, manager, batch);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      trained.saveParameters(new DataOutputStream(bytes));

      Block loaded = new GraphConceptEncoder(GraphEncoderConfig.DEFAULTS, spec.nodeFeatures(), K, false);
      loaded.loadParameters(
          manager,
          new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

      assertThat(forward(loaded, manager, batch, false))
          .containsExactly(forward(trained, manager, batch, false));
    }
  }

  @Test
  void initialisesGlorotUniformWeightsAndZeroBias() {
    GraphShape spec = new GraphShape(1, 10);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = spec.batch(TestGraphs.random(2, 3, 10, 1, 9), manager);
      Block block = encoder(spec, true, manager, batch);

      for (var pair : block.getParameters()) {
        NDArray a = pair.getValue().getArray();
        if (pair.getKey().endsWith("bias")) {
          assertThat(a.toFloatArray()).containsOnly(0f);
        } else {
          Shape s = a.getShape();
          double bound = Math.sqrt(6.0 / (s.get(0) + s.get(1)));
          assertThat(a.abs().max().getFloat()).isLessThanOrEqualTo((float) bound);
        }
      }
      assertThat(block.getParameters().get(0).getValue().getArray().getShape())
          .isEqualTo(new Shape(30, 1)); // (out, in), like PyG's lin.weight
      assertThat(block.getParameters().get(9).getValue().getArray().getShape())
          .isEqualTo(new Shape(K));
    }
  }
}
