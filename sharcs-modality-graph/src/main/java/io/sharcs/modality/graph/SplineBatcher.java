package io.sharcs.modality.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.nn.Tensors;
import java.util.List;

/**
 * Packs graphs into one dense batch for the spline encoder ({@link SplineGraphEncoder}). Every
 * structural quantity (pseudo-coordinates, B-spline weights, clusters, the coarsened graph)
 * depends on positions and edges only, so it is computed here, once per batch, in plain Java
 * ({@link SplineStructure}), and handed to the engine with one {@code create} per array. The
 * encoder's forward pass is then a few batched matrix products.
 *
 * <p>With {@code n0} the largest node count of the batch, {@code n1} and {@code n2} the largest
 * cluster counts after the first and second pooling, {@code K} the kernel weights and {@code F}
 * the node features, the arrays (float32) are:
 *
 * <table>
 *   <caption>spline batch</caption>
 *   <tr><th>#</th><th>array</th><th>shape</th><th>content</th></tr>
 *   <tr><td>0</td><td>x</td><td>(B, n0, F)</td><td>node features, 0 for padding</td></tr>
 *   <tr><td>1</td><td>agg0</td><td>(B, n0, K F)</td><td>the first SplineConv's aggregation of
 *       the input features: {@code agg0[t, k F + f] = sum over edges s -> t of basis_k(e)
 *       x[s, f] / indeg(t)} (the features are data, so this is data too)</td></tr>
 *   <tr><td>2</td><td>mask0</td><td>(B, n0)</td><td>1 for real nodes</td></tr>
 *   <tr><td>3, 4</td><td>pool1a, pool1b</td><td>(B, n1, n0)</td><td>one-hot rows selecting
 *       each cluster's first and second member (the first again for a single node; zero rows for
 *       padding): max pooling is {@code max(pool1a H, pool1b H)}</td></tr>
 *   <tr><td>5</td><td>adj1</td><td>(B, n1, n1 K)</td><td>the second SplineConv's aggregation
 *       over the coarsened graph: {@code adj1[t, s K + k] = sum over edges s -> t of basis_k(e) /
 *       indeg(t)}</td></tr>
 *   <tr><td>6, 7</td><td>pool2a, pool2b</td><td>(B, n2, n1)</td><td>the second pooling, as
 *       pool1</td></tr>
 *   <tr><td>8</td><td>pair2</td><td>(B, n2, 1)</td><td>1 where a second-level cluster has two
 *       members (for the deterministic evaluation's expected maximum)</td></tr>
 * </table>
 *
 * <p>Without coarsening ({@code coarsening: none}) the pools are identities and {@code adj1} is
 * the input graph's.
 */
final class SplineBatcher {

  static final int X = 0;
  static final int AGG0 = 1;
  static final int MASK0 = 2;
  static final int POOL1A = 3;
  static final int POOL1B = 4;
  static final int ADJ1 = 5;
  static final int POOL2A = 6;
  static final int POOL2B = 7;
  static final int PAIR2 = 8;
  static final int ARRAYS = 9;

  private SplineBatcher() {}

  /** The structure of one graph at the three levels the encoder uses. */
  record Graph(
      SplineStructure.Level input,
      SplineStructure.Clusters first,
      SplineStructure.Level coarse,
      SplineStructure.Clusters second) {}

  /** The three levels of {@code graph} for {@code layout}. */
  static Graph structure(GraphSample graph, SplineLayout layout) {
    SplineStructure.Level input = SplineStructure.inputLevel(graph);
    if (!layout.graclus()) {
      SplineStructure.Clusters identity = SplineStructure.Clusters.identity(input.nodes());
      return new Graph(input, identity, input, identity);
    }
    SplineStructure.Clusters first = SplineStructure.graclus(input);
    SplineStructure.Level coarse = SplineStructure.coarsen(input, first);
    return new Graph(input, first, coarse, SplineStructure.graclus(coarse));
  }

  /**
   * Builds the batch.
   *
   * @param featureWidth F, the node-feature width every sample must have
   * @throws InvalidInputException if a sample does not match the layout (samples should have
   *     passed {@link GraphShape#inspect})
   */
  static NDList batch(
      List<? extends GraphSample> samples, int featureWidth, SplineLayout layout,
      NDManager manager) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("cannot batch an empty list of graphs");
    }
    int b = samples.size();
    Graph[] graphs = new Graph[b];
    int n0 = 0;
    int n1 = 0;
    int n2 = 0;
    for (int i = 0; i < b; i++) {
      GraphSample g = samples.get(i);
      check(g, i, featureWidth, layout);
      graphs[i] = structure(g, layout);
      n0 = Math.max(n0, g.nodeCount());
      n1 = Math.max(n1, graphs[i].first().count());
      n2 = Math.max(n2, graphs[i].second().count());
    }
    int kernels = layout.kernelCount();
    int f = featureWidth;
    float[] x = new float[b * n0 * f];
    float[] agg0 = new float[b * n0 * kernels * f];
    float[] mask0 = new float[b * n0];
    float[] pool1a = new float[b * n1 * n0];
    float[] pool1b = new float[b * n1 * n0];
    float[] adj1 = new float[b * n1 * n1 * kernels];
    float[] pool2a = new float[b * n2 * n1];
    float[] pool2b = new float[b * n2 * n1];
    float[] pair2 = new float[b * n2];
    int corners = 1 << layout.dimensions();
    double[] weights = new double[corners];
    int[] kernel = new int[corners];
    for (int i = 0; i < b; i++) {
      GraphSample g = samples.get(i);
      Graph s = graphs[i];
      for (int v = 0; v < g.nodeCount(); v++) {
        for (int c = 0; c < f; c++) {
          x[(i * n0 + v) * f + c] = g.feature(v, c);
        }
        mask0[i * n0 + v] = 1f;
      }
      // The first SplineConv's mean aggregation of the (constant) input features.
      SplineStructure.Level in = s.input();
      int[] inDegree = inDegrees(in);
      for (int e = 0; e < in.edges(); e++) {
        int src = in.sources()[e];
        int dst = in.targets()[e];
        SplineStructure.basis(in.pseudo(), e * in.dims(), in.dims(), layout.kernelSize(),
            weights, kernel);
        int row = (i * n0 + dst) * kernels * f;
        for (int c = 0; c < corners; c++) {
          double w = weights[c] / inDegree[dst];
          for (int ff = 0; ff < f; ff++) {
            agg0[row + kernel[c] * f + ff] += (float) (w * g.feature(src, ff));
          }
        }
      }
      selection(s.first(), i, n1, n0, pool1a, pool1b, null);
      // The second SplineConv's mean aggregation over the coarsened graph.
      SplineStructure.Level coarse = s.coarse();
      int[] coarseDegree = inDegrees(coarse);
      for (int e = 0; e < coarse.edges(); e++) {
        int src = coarse.sources()[e];
        int dst = coarse.targets()[e];
        SplineStructure.basis(coarse.pseudo(), e * coarse.dims(), coarse.dims(),
            layout.kernelSize(), weights, kernel);
        int row = (i * n1 + dst) * n1 * kernels + src * kernels;
        for (int c = 0; c < corners; c++) {
          adj1[row + kernel[c]] += (float) (weights[c] / coarseDegree[dst]);
        }
      }
      selection(s.second(), i, n2, n1, pool2a, pool2b, pair2);
    }
    return new NDList(
        named(Tensors.create(manager, x, new Shape(b, n0, f)), "x"),
        named(Tensors.create(manager, agg0, new Shape(b, n0, (long) kernels * f)), "agg0"),
        named(Tensors.create(manager, mask0, new Shape(b, n0)), "mask0"),
        named(Tensors.create(manager, pool1a, new Shape(b, n1, n0)), "pool1a"),
        named(Tensors.create(manager, pool1b, new Shape(b, n1, n0)), "pool1b"),
        named(Tensors.create(manager, adj1, new Shape(b, n1, (long) n1 * kernels)), "adj1"),
        named(Tensors.create(manager, pool2a, new Shape(b, n2, n1)), "pool2a"),
        named(Tensors.create(manager, pool2b, new Shape(b, n2, n1)), "pool2b"),
        named(Tensors.create(manager, pair2, new Shape(b, n2, 1)), "pair2"));
  }

  private static NDArray named(NDArray array, String name) {
    array.setName(name);
    return array;
  }

  private static int[] inDegrees(SplineStructure.Level level) {
    int[] degree = new int[level.nodes()];
    for (int t : level.targets()) {
      degree[t]++;
    }
    return degree;
  }

  private static void selection(SplineStructure.Clusters clusters, int graph, int rows,
      int columns, float[] a, float[] b, float[] pair) {
    for (int c = 0; c < clusters.count(); c++) {
      int row = (graph * rows + c) * columns;
      a[row + clusters.first()[c]] = 1f;
      b[row + clusters.second()[c]] = 1f;
      if (pair != null && clusters.pair(c)) {
        pair[graph * rows + c] = 1f;
      }
    }
  }

  private static void check(GraphSample g, int position, int featureWidth, SplineLayout layout) {
    GraphChecks.requireWellFormed(g, position, featureWidth);
    String problem = layout.problem(g);
    if (problem != null) {
      throw new InvalidInputException("batch of graphs, position " + position + ": " + problem);
    }
  }
}
