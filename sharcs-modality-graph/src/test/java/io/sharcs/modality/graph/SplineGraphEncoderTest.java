package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.PreprocessingData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The spline encoder: shapes, the arithmetic against a plain per-edge computation, invariances. */
class SplineGraphEncoderTest {

  private static final int K = 6;
  private static final GraphEncoderConfig SPLINE =
      GraphEncoderConfig.spline(new SplineOptions(5, 5, "graclus"));

  private static GraphShape fit(List<GraphSample> graphs, GraphEncoderConfig options) {
    return GraphShape.inspect(PreprocessingData.of(graphs, "t"), options);
  }

  private static SplineGraphEncoder encoder(GraphShape shape, NDManager manager, NDList batch) {
    SplineGraphEncoder e = new SplineGraphEncoder(SPLINE, shape.spline(), shape.nodeFeatures(),
        K, false);
    e.initialize(manager, DataType.FLOAT32, batch.getShapes());
    return e;
  }

  @Test
  void aTrainingStepLeavesNothingBehindInTheModelsManager() {
    List<GraphSample> graphs = TestGraphs.geometric(4, 20, 4, 8);
    GraphShape shape = fit(graphs, SPLINE);
    try (NDManager model = NDManager.newBaseManager()) {
      SplineGraphEncoder e;
      try (NDManager init = model.newSubManager()) {
        e = encoder(shape, model, shape.batch(graphs, init));
      }
      ParameterStore store = new ParameterStore(model, false);
      int before = model.getManagedArrays().size();
      for (int step = 0; step < 3; step++) {
        try (NDManager batch = model.newSubManager();
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray out = e.forward(store, shape.batch(graphs, batch), true).singletonOrThrow();
          gc.backward(out.sum());
          e.forward(store, shape.batch(graphs, batch), false);
        }
      }
      // The weights' reshaped copies used to stay with the parameters: 3 arrays per pass.
      assertThat(model.getManagedArrays()).hasSize(before);
    }
  }

  @Test
  void thePluginBuildsTheSplineEncoderWhenAsked() {
    var definition = ModalityDefinition.of(new GraphPlugin());
    List<GraphSample> graphs = TestGraphs.geometric(3, 10, 3, 1);
    var fitted = definition.fit(PreprocessingData.of(graphs, "t"), SPLINE);

    assertThat(fitted.conceptEncoder(EncoderContext.of(K))).isInstanceOf(SplineGraphEncoder.class);
    assertThat(((SplineGraphEncoder) fitted.embeddingEncoder(EncoderContext.of(K))).isEmbedding())
        .isTrue();
    assertThat(fitted.preprocessor().summary())
        .isEqualTo("1 node feature, up to 10 nodes, 2-D pseudo-coordinates, 25 spline kernel"
            + " weights, graclus pooling");
  }

  @Test
  void theConvolutionsAreNamedChildrenWithPygShapes() {
    List<GraphSample> graphs = TestGraphs.geometric(2, 10, 3, 1);
    GraphShape shape = fit(graphs, SPLINE);
    try (NDManager manager = NDManager.newBaseManager()) {
      SplineGraphEncoder e = encoder(shape, manager, shape.batch(graphs, manager));
      List<String> names = new ArrayList<>();
      for (Pair<String, Parameter> p : e.getParameters()) {
        names.add(p.getKey() + " " + p.getValue().getArray().getShape());
      }
      assertThat(names).containsExactly(
          "01conv1_weight (25, 1, 5)", "01conv1_root (1, 5)", "01conv1_bias (5)",
          "02conv2_weight (25, 5, 6)", "02conv2_root (5, 6)", "02conv2_bias (6)");
      assertThat(e.getChildren().keys()).containsExactly("01conv1", "02conv2");
    }
  }

  @Test
  void aggregatesATinyGraphAsComputedByHand() {
    // Edges 0 -> 2 with pseudo (0.5, 0.5): v = (2, 2), one corner, kernel 2 + 5 * 2 = 12;
    // 1 -> 2 with (0.25, 1): v = (1, 4), i = (1, 3), f = (0, 1): kernel 1 + 5 * 4 = 21.
    GraphSample g = new GraphSample(new float[][] {{2}, {4}, {8}},
        new int[][] {{0, 2}, {1, 2}}, null, new float[][] {{0.5f, 0.5f}, {0.25f, 1f}});
    GraphEncoderConfig none = GraphEncoderConfig.spline(new SplineOptions(5, 5, "none"));
    GraphShape shape = fit(List.of(g), none);
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] agg = shape.batch(List.of(g), manager).get(SplineBatcher.AGG0).toFloatArray();
      float[] expected = new float[3 * 25];
      // Node 2 has in-degree 2: mean of x_0 at kernel 12 and x_1 at kernel 21.
      expected[2 * 25 + 12] = 2 / 2f;
      expected[2 * 25 + 21] = 4 / 2f;
      assertThat(agg).containsExactly(expected, within(1e-6f));
    }
  }

  @Test
  void bothLayerFormsComputePygsSplineConv() {
    List<GraphSample> graphs = List.of(
        TestGraphs.geometric(new Random(3), 9, 3), TestGraphs.geometric(new Random(4), 6, 2));
    GraphEncoderConfig none = GraphEncoderConfig.spline(new SplineOptions(5, 5, "none"));
    GraphShape shape = fit(graphs, none);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(11);
      NDList batch = shape.batch(graphs, manager);
      NDArray x = batch.get(SplineBatcher.X);
      SplineConvLayer aggregated = new SplineConvLayer(1, 3, 25, SplineConvLayer.Mode.AGGREGATED);
      aggregated.initialize(manager, DataType.FLOAT32, x.getShape(),
          batch.get(SplineBatcher.AGG0).getShape());
      SplineConvLayer structure = new SplineConvLayer(1, 3, 25, SplineConvLayer.Mode.STRUCTURE);
      structure.initialize(manager, DataType.FLOAT32, x.getShape(),
          batch.get(SplineBatcher.ADJ1).getShape());
      ParameterStore store = new ParameterStore(manager, false);

      float[] viaAggregate = aggregated.forward(store,
          new NDList(x, batch.get(SplineBatcher.AGG0)), false).singletonOrThrow().toFloatArray();
      float[] viaStructure = structure.forward(store,
          new NDList(x, batch.get(SplineBatcher.ADJ1)), false).singletonOrThrow().toFloatArray();

      int n = 9;
      for (int i = 0; i < graphs.size(); i++) {
        GraphSample g = graphs.get(i);
        double[][] h = features(g);
        double[][] a = Naive.conv(SplineStructure.inputLevel(g), h, aggregated, 5);
        double[][] s = Naive.conv(SplineStructure.inputLevel(g), h, structure, 5);
        for (int v = 0; v < g.nodeCount(); v++) {
          for (int o = 0; o < 3; o++) {
            assertThat((double) viaAggregate[(i * n + v) * 3 + o]).isCloseTo(a[v][o], within(1e-5));
            assertThat((double) viaStructure[(i * n + v) * 3 + o]).isCloseTo(s[v][o], within(1e-5));
          }
        }
      }
    }
  }

  @Test
  void theWholeEncoderMatchesAPlainComputationInEvaluation() {
    List<GraphSample> graphs = TestGraphs.geometric(3, 30, 4, 5);
    GraphShape shape = fit(graphs, SPLINE);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(2);
      NDList batch = shape.batch(graphs, manager);
      SplineGraphEncoder e = encoder(shape, manager, batch);
      float[] out = e.forward(new ParameterStore(manager, false), batch, false)
          .singletonOrThrow().toFloatArray();
      SplineConvLayer conv1 = (SplineConvLayer) e.getChildren().get("01conv1");
      SplineConvLayer conv2 = (SplineConvLayer) e.getChildren().get("02conv2");
      for (int i = 0; i < graphs.size(); i++) {
        SplineBatcher.Graph s = SplineBatcher.structure(graphs.get(i), shape.spline());
        double[][] h1 = Naive.conv(s.input(), features(graphs.get(i)), conv1, 5);
        double[][] pooled = Naive.maxPool(h1, s.first());
        double[][] logits = Naive.conv(s.coarse(), pooled, conv2, 5);
        double[] expected = new double[K];
        for (int c = 0; c < s.second().count(); c++) {
          double[] p = Naive.softmax(logits[s.second().first()[c]]);
          double[] q = Naive.softmax(logits[s.second().second()[c]]);
          for (int j = 0; j < K; j++) {
            expected[j] += s.second().pair(c) ? p[j] + q[j] - p[j] * q[j] : p[j];
          }
        }
        for (int j = 0; j < K; j++) {
          assertThat((double) out[i * K + j]).isCloseTo(expected[j], within(1e-4));
        }
      }
    }
  }

  @Test
  void renumberingTheNodesChangesNothing() {
    GraphSample g = TestGraphs.geometric(new Random(8), 40, 4);
    GraphSample p = TestGraphs.permuted(g, TestGraphs.permutation(40, 3));
    GraphShape shape = fit(List.of(g, p), SPLINE);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(5);
      NDList batch = shape.batch(List.of(g, p), manager);
      float[] out = encoder(shape, manager, batch)
          .forward(new ParameterStore(manager, false), batch, false).singletonOrThrow()
          .toFloatArray();
      for (int j = 0; j < K; j++) {
        assertThat(out[K + j]).isCloseTo(out[j], within(1e-4f));
      }
    }
  }

  @Test
  void paddingDoesNotLeakIntoASmallGraph() {
    GraphSample small = TestGraphs.geometric(new Random(1), 12, 3);
    GraphSample large = TestGraphs.geometric(new Random(2), 50, 5);
    GraphShape shape = fit(List.of(small, large), SPLINE);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(6);
      NDList both = shape.batch(List.of(small, large), manager);
      SplineGraphEncoder e = encoder(shape, manager, both);
      ParameterStore store = new ParameterStore(manager, false);
      float[] together = e.forward(store, both, false).singletonOrThrow().toFloatArray();
      float[] alone = e.forward(store, shape.batch(List.of(small), manager), false)
          .singletonOrThrow().toFloatArray();
      for (int j = 0; j < K; j++) {
        assertThat(together[j]).isCloseTo(alone[j], within(1e-5f));
      }
    }
  }

  @Test
  void trainingSamplesOneHotConceptsAndGradientsReachEveryParameter() {
    List<GraphSample> graphs = TestGraphs.geometric(8, 30, 4, 7);
    GraphShape shape = fit(graphs, SPLINE);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(9);
      NDList batch = shape.batch(graphs, manager);
      SplineGraphEncoder e = encoder(shape, manager, batch);
      for (Pair<String, Parameter> p : e.getParameters()) {
        p.getValue().getArray().setRequiresGradient(true);
      }
      ParameterStore store = new ParameterStore(manager, false);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = e.forward(store, batch, true).singletonOrThrow();
        // Counts of max-pooled one-hots: whole numbers, at least one concept per cluster.
        for (float v : out.toFloatArray()) {
          assertThat(v).isEqualTo((float) Math.rint(v));
        }
        NDArray weights = manager.randomNormal(out.getShape());
        gc.backward(out.mul(weights).sum());
      }
      for (Pair<String, Parameter> p : e.getParameters()) {
        float[] grad = p.getValue().getArray().getGradient().toFloatArray();
        double norm = 0;
        for (float v : grad) {
          assertThat(Float.isFinite(v)).isTrue();
          norm += Math.abs(v);
        }
        assertThat(norm).as(p.getKey() + " gradient").isGreaterThan(0);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameSamplesAndEvaluationIsRepeatable() {
    List<GraphSample> graphs = TestGraphs.geometric(4, 25, 3, 3);
    GraphShape shape = fit(graphs, SPLINE);
    float[][] runs = new float[2][];
    float[][] evals = new float[2][];
    for (int r = 0; r < 2; r++) {
      try (NDManager manager = NDManager.newBaseManager()) {
        Engine.getInstance().setRandomSeed(42);
        NDList batch = shape.batch(graphs, manager);
        SplineGraphEncoder e = encoder(shape, manager, batch);
        ParameterStore store = new ParameterStore(manager, false);
        runs[r] = e.forward(store, batch, true).singletonOrThrow().toFloatArray();
        evals[r] = e.forward(store, batch, false).singletonOrThrow().toFloatArray();
        assertThat(e.forward(store, batch, false).singletonOrThrow().toFloatArray())
            .containsExactly(evals[r]);
      }
    }
    assertThat(runs[1]).containsExactly(runs[0]);
    assertThat(evals[1]).containsExactly(evals[0]);
  }

  @Test
  void partConceptsGiveEachNodeItsClustersConceptAndMinusOneForPadding() {
    GraphSample small = TestGraphs.geometric(new Random(1), 7, 3);
    GraphSample large = TestGraphs.geometric(new Random(2), 15, 3);
    GraphShape shape = fit(List.of(small, large), SPLINE);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = shape.batch(List.of(small, large), manager);
      SplineGraphEncoder e = encoder(shape, manager, batch);
      int[][] concepts = e.partConcepts(new ParameterStore(manager, false), batch);
      assertThat(concepts[0]).hasSize(15);
      for (int v = 0; v < 15; v++) {
        assertThat(concepts[0][v]).isBetween(v < 7 ? 0 : -1, v < 7 ? K - 1 : -1);
        assertThat(concepts[1][v]).isBetween(0, K - 1);
      }
      SplineStructure.Clusters c = SplineBatcher.structure(small, shape.spline()).first();
      for (int k = 0; k < c.count(); k++) {
        assertThat(concepts[0][c.second()[k]]).isEqualTo(concepts[0][c.first()[k]]);
      }
    }
  }

  @Test
  void theEmbeddingEncoderGivesWidthOutputsWithoutSampling() {
    List<GraphSample> graphs = TestGraphs.geometric(3, 20, 3, 4);
    GraphShape shape = fit(graphs, SPLINE);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = shape.batch(graphs, manager);
      Block e = SplineGraphEncoder.embedding(SPLINE, shape.spline(), 1, 4);
      e.initialize(manager, DataType.FLOAT32, batch.getShapes());
      ParameterStore store = new ParameterStore(manager, false);
      NDArray train = e.forward(store, batch, true).singletonOrThrow();
      assertThat(train.getShape()).isEqualTo(new Shape(3, 4));
      assertThat(train.toFloatArray())
          .containsExactly(e.forward(store, batch, false).singletonOrThrow().toFloatArray());
    }
  }

  @Test
  void refusesGraphsWithoutWhatTheLayoutNeeds() {
    GraphSample noPositions = new GraphSample(new float[2][1], new int[][] {{0, 1}});
    assertThatThrownBy(() -> GraphShape.inspect(
            new PreprocessingData<>(List.of(), List.of(TestGraphs.geometric(new Random(1), 5, 2),
                noPositions), List.of("a", "b"), "mnist.jsonl"), SPLINE))
        .isInstanceOf(io.sharcs.api.InvalidInputException.class)
        .hasMessage("mnist.jsonl sample b: found no 'pos', expected node positions (the spline"
            + " encoder's graclus pooling needs them; or set spline.coarsening: none)");
    GraphSample wide = new GraphSample(new float[2][1], new int[][] {{0, 1}},
        new float[][] {{0, 0}, {1, 1}}, new float[][] {{0.1f, 0.2f, 0.3f}});
    assertThatThrownBy(() -> GraphShape.inspect(
            PreprocessingData.of(List.of(TestGraphs.geometric(new Random(1), 5, 2), wide), "d"),
            SPLINE))
        .hasMessageContaining("found edge_attr rows of 3 values, expected 2");
  }

  private static double[][] features(GraphSample g) {
    double[][] h = new double[g.nodeCount()][g.featureCount(0)];
    for (int v = 0; v < g.nodeCount(); v++) {
      for (int f = 0; f < h[v].length; f++) {
        h[v][f] = g.feature(v, f);
      }
    }
    return h;
  }

  /** SplineConv, pooling and softmax written out per edge and per node, in doubles. */
  static final class Naive {

    static double[][] conv(SplineStructure.Level level, double[][] h, SplineConvLayer layer,
        int kernelSize) {
      float[] w = parameter(layer, "weight");
      float[] r = parameter(layer, "root");
      float[] b = parameter(layer, "bias");
      int in = layer.inputs();
      int out = layer.outputs();
      int dims = level.dims();
      int corners = 1 << dims;
      double[] weights = new double[corners];
      int[] kernels = new int[corners];
      double[][] sum = new double[level.nodes()][out];
      int[] degree = new int[level.nodes()];
      for (int e = 0; e < level.edges(); e++) {
        int s = level.sources()[e];
        int t = level.targets()[e];
        degree[t]++;
        SplineStructure.basis(level.pseudo(), e * dims, dims, kernelSize, weights, kernels);
        for (int c = 0; c < corners; c++) {
          for (int f = 0; f < in; f++) {
            for (int o = 0; o < out; o++) {
              sum[t][o] += weights[c] * h[s][f] * w[(kernels[c] * in + f) * out + o];
            }
          }
        }
      }
      double[][] y = new double[level.nodes()][out];
      for (int t = 0; t < level.nodes(); t++) {
        for (int o = 0; o < out; o++) {
          double z = degree[t] == 0 ? 0 : sum[t][o] / degree[t];
          for (int f = 0; f < in; f++) {
            z += h[t][f] * r[f * out + o];
          }
          z += b[o];
          y[t][o] = z > 0 ? z : Math.expm1(z);
        }
      }
      return y;
    }

    static double[][] maxPool(double[][] h, SplineStructure.Clusters clusters) {
      double[][] out = new double[clusters.count()][];
      for (int c = 0; c < clusters.count(); c++) {
        double[] a = h[clusters.first()[c]];
        double[] b = h[clusters.second()[c]];
        out[c] = new double[a.length];
        for (int j = 0; j < a.length; j++) {
          out[c][j] = Math.max(a[j], b[j]);
        }
      }
      return out;
    }

    static double[] softmax(double[] z) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double total = 0;
      double[] p = new double[z.length];
      for (int j = 0; j < z.length; j++) {
        p[j] = Math.exp(z[j] - max);
        total += p[j];
      }
      for (int j = 0; j < z.length; j++) {
        p[j] /= total;
      }
      return p;
    }

    private static float[] parameter(SplineConvLayer layer, String name) {
      for (Pair<String, Parameter> p : layer.getParameters()) {
        if (p.getKey().equals(name)) {
          return p.getValue().getArray().toFloatArray();
        }
      }
      throw new IllegalArgumentException(name);
    }
  }
}
