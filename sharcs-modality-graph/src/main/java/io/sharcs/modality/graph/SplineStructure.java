package io.sharcs.modality.graph;

import java.util.Arrays;

/**
 * The structure the spline encoder needs of one graph, computed in plain Java from the
 * positions and edges only (never from features, so it is computed once per batch, not per
 * layer): pseudo-coordinates, open B-spline basis weights, graclus clusters and the coarsened
 * graph.
 *
 * <p>Conventions follow PyTorch Geometric and torch-spline-conv:
 *
 * <ul>
 *   <li>Pseudo-coordinates are {@code Cartesian(cat=False)}: {@code (pos_src - pos_dst) / (2 m) +
 *       0.5}, {@code m} the largest absolute coordinate difference over the graph's edges (all
 *       dimensions). A graph whose edges all join coinciding positions gets 0.5 everywhere.
 *   <li>Degree-1 open B-splines with {@code K} knots per dimension: {@code v = u (K - 1)}, {@code
 *       i = floor(v)} (at most {@code K - 2}), {@code f = v - i}; the {@code 2^D} corners weigh the
 *       products of {@code 1 - f} or {@code f} over the dimensions, and the kernel index is {@code
 *       sum_d (i_d + bit_d) K^d} (the first coordinate varies fastest).
 *   <li>Graclus: greedy matching of each unmatched node with its unmatched out-neighbour of the
 *       largest normalised-cut weight {@code |pos_u - pos_v| (1/deg u + 1/deg v)}, degrees
 *       counted over edge sources, as {@code normalized_cut} and {@code torch_cluster.graclus}.
 * </ul>
 *
 * <p>Unlike torch-cluster, which visits nodes in a random order, nodes are visited in the order
 * of their positions (last coordinate first, so rows of an image before columns; ties by node
 * index), and ties between equally heavy neighbours go to the earlier one in that order. The
 * clustering is therefore deterministic and does not depend on how the nodes are numbered
 * (for graphs whose nodes have distinct positions), so neither does the encoder's output.
 */
final class SplineStructure {

  private SplineStructure() {}

  /**
   * One level of a graph: its nodes, edges, positions and edge pseudo-coordinates.
   *
   * @param nodes the node count
   * @param sources the source of each edge
   * @param targets the target of each edge
   * @param positions {@code nodes x dims} coordinates, row major, or null
   * @param pseudo {@code edges x dims} pseudo-coordinates in [0, 1], row major
   * @param dims the pseudo-coordinate dimensions D
   */
  record Level(
      int nodes, int[] sources, int[] targets, double[] positions, double[] pseudo, int dims) {

    int edges() {
      return sources.length;
    }
  }

  /**
   * A clustering of a level's nodes into clusters of one or two nodes.
   *
   * @param count the number of clusters
   * @param clusterOf the cluster of each node
   * @param first the first member of each cluster (the node visited first)
   * @param second the other member of each cluster, or the first again for a single node
   */
  record Clusters(int count, int[] clusterOf, int[] first, int[] second) {

    /** Whether cluster {@code c} has two members. */
    boolean pair(int c) {
      return first[c] != second[c];
    }

    /** Every node its own cluster. */
    static Clusters identity(int nodes) {
      int[] ids = new int[nodes];
      for (int i = 0; i < nodes; i++) {
        ids[i] = i;
      }
      return new Clusters(nodes, ids, ids.clone(), ids.clone());
    }
  }

  /**
   * The input level of {@code graph}: its edges with the sample's edge attributes when it has
   * them, else Cartesian pseudo-coordinates computed from its positions.
   *
   * @throws IllegalArgumentException when the graph has neither (the preprocessing checks this)
   */
  static Level inputLevel(GraphSample graph) {
    int edges = graph.edgeCount();
    int[] sources = new int[edges];
    int[] targets = new int[edges];
    for (int e = 0; e < edges; e++) {
      sources[e] = graph.source(e);
      targets[e] = graph.target(e);
    }
    double[] positions = null;
    int posDims = 0;
    if (graph.hasPositions()) {
      posDims = graph.positionCount(0);
      positions = new double[graph.nodeCount() * posDims];
      for (int v = 0; v < graph.nodeCount(); v++) {
        for (int d = 0; d < posDims; d++) {
          positions[v * posDims + d] = graph.position(v, d);
        }
      }
    }
    if (graph.hasEdgeAttributes() && edges > 0) {
      int dims = graph.edgeAttributeCount(0);
      double[] pseudo = new double[edges * dims];
      for (int e = 0; e < edges; e++) {
        for (int d = 0; d < dims; d++) {
          pseudo[e * dims + d] = graph.edgeAttribute(e, d);
        }
      }
      return new Level(graph.nodeCount(), sources, targets, positions, pseudo, dims);
    }
    if (positions == null) {
      if (edges == 0) {
        return new Level(graph.nodeCount(), sources, targets, null, new double[0], 0);
      }
      throw new IllegalArgumentException("a graph with edges needs positions or edge_attr");
    }
    return new Level(graph.nodeCount(), sources, targets, positions,
        cartesian(sources, targets, positions, posDims), posDims);
  }

  /**
   * PyG's {@code Cartesian(cat=False)} pseudo-coordinates of the edges: {@code (pos_src -
   * pos_dst) / (2 m) + 0.5} with {@code m} the largest absolute difference over all edges and
   * dimensions (0.5 everywhere when it is 0), clamped into [0, 1] against rounding.
   */
  static double[] cartesian(int[] sources, int[] targets, double[] positions, int dims) {
    int edges = sources.length;
    double[] diff = new double[edges * dims];
    double max = 0;
    for (int e = 0; e < edges; e++) {
      for (int d = 0; d < dims; d++) {
        double delta = positions[sources[e] * dims + d] - positions[targets[e] * dims + d];
        diff[e * dims + d] = delta;
        max = Math.max(max, Math.abs(delta));
      }
    }
    for (int i = 0; i < diff.length; i++) {
      double u = max == 0 ? 0.5 : diff[i] / (2 * max) + 0.5;
      diff[i] = Math.min(1, Math.max(0, u));
    }
    return diff;
  }

  /**
   * The degree-1 open B-spline basis of one pseudo-coordinate row: writes the {@code 2^dims}
   * corner weights and kernel indices into {@code weights} and {@code kernels}.
   *
   * @param pseudo the pseudo-coordinates, row major
   * @param offset where the row starts in {@code pseudo}
   * @param dims D
   * @param kernelSize K, the knots per dimension (at least 2)
   */
  static void basis(
      double[] pseudo, int offset, int dims, int kernelSize, double[] weights, int[] kernels) {
    int corners = 1 << dims;
    Arrays.fill(weights, 0, corners, 1.0);
    Arrays.fill(kernels, 0, corners, 0);
    int stride = 1;
    for (int d = 0; d < dims; d++) {
      double v = pseudo[offset + d] * (kernelSize - 1);
      // u = 1 lands on the last knot: i = K - 2 with f = 1, the same weights as
      // torch-spline-conv's wrap-around (whose second corner then has weight 0).
      int i = Math.min(kernelSize - 2, Math.max(0, (int) Math.floor(v)));
      double f = v - i;
      for (int c = 0; c < corners; c++) {
        boolean upper = ((c >> d) & 1) == 1;
        weights[c] *= upper ? f : 1 - f;
        kernels[c] += (i + (upper ? 1 : 0)) * stride;
      }
      stride *= kernelSize;
    }
  }

  /** The number of kernel weights, {@code K^D}. */
  static int kernelCount(int kernelSize, int dims) {
    int k = 1;
    for (int d = 0; d < dims; d++) {
      k *= kernelSize;
    }
    return k;
  }

  /**
   * The graclus clustering of {@code level} (see the class comment); its positions must be set.
   */
  static Clusters graclus(Level level) {
    int n = level.nodes();
    int[] sources = level.sources();
    int[] targets = level.targets();
    int dims = positionDims(level);
    double[] pos = level.positions();
    int[] degree = new int[n];
    for (int s : sources) {
      degree[s]++;
    }
    // Out-edges by source (CSR).
    int[] start = new int[n + 1];
    for (int s : sources) {
      start[s + 1]++;
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] out = new int[sources.length];
    for (int e = 0; e < sources.length; e++) {
      out[fill[sources[e]]++] = e;
    }
    int[] order = visitOrder(n, pos, dims);
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[order[r]] = r;
    }
    int[] clusterOf = new int[n];
    Arrays.fill(clusterOf, -1);
    int[] first = new int[n];
    int[] second = new int[n];
    int count = 0;
    for (int r = 0; r < n; r++) {
      int u = order[r];
      if (clusterOf[u] >= 0) {
        continue;
      }
      int best = -1;
      double bestWeight = Double.NEGATIVE_INFINITY;
      for (int i = start[u]; i < start[u + 1]; i++) {
        int v = targets[out[i]];
        if (v == u || clusterOf[v] >= 0) {
          continue;
        }
        double w = distance(pos, dims, u, v) * (1.0 / degree[u] + 1.0 / degree[v]);
        if (w > bestWeight || (w == bestWeight && rank[v] < rank[best])) {
          best = v;
          bestWeight = w;
        }
      }
      clusterOf[u] = count;
      first[count] = u;
      second[count] = best >= 0 ? best : u;
      if (best >= 0) {
        clusterOf[best] = count;
      }
      count++;
    }
    return new Clusters(count, clusterOf, Arrays.copyOf(first, count),
        Arrays.copyOf(second, count));
  }

  /**
   * The coarsened level: one node per cluster at its members' mean position; the edges between
   * different clusters, each pair once (self-loops removed, duplicates merged, ordered by
   * target then source), with Cartesian pseudo-coordinates over the coarsened graph.
   */
  static Level coarsen(Level level, Clusters clusters) {
    int dims = positionDims(level);
    int n = clusters.count();
    double[] pos = new double[n * dims];
    for (int c = 0; c < n; c++) {
      int a = clusters.first()[c];
      int b = clusters.second()[c];
      for (int d = 0; d < dims; d++) {
        pos[c * dims + d] = clusters.pair(c)
            ? (level.positions()[a * dims + d] + level.positions()[b * dims + d]) / 2
            : level.positions()[a * dims + d];
      }
    }
    long[] keys = new long[level.edges()];
    int m = 0;
    for (int e = 0; e < level.edges(); e++) {
      int s = clusters.clusterOf()[level.sources()[e]];
      int t = clusters.clusterOf()[level.targets()[e]];
      if (s != t) {
        keys[m++] = (long) t * n + s;
      }
    }
    Arrays.sort(keys, 0, m);
    int distinct = 0;
    for (int i = 0; i < m; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        keys[distinct++] = keys[i];
      }
    }
    int[] sources = new int[distinct];
    int[] targets = new int[distinct];
    for (int e = 0; e < distinct; e++) {
      targets[e] = (int) (keys[e] / n);
      sources[e] = (int) (keys[e] % n);
    }
    return new Level(n, sources, targets, pos, cartesian(sources, targets, pos, dims), dims);
  }

  private static int positionDims(Level level) {
    if (level.positions() == null) {
      throw new IllegalArgumentException("graclus pooling needs node positions");
    }
    return level.nodes() == 0 ? 0 : level.positions().length / level.nodes();
  }

  /**
   * Nodes by position, last coordinate first, ties by index. An insertion sort on primitives:
   * graphs are small (the batcher sorts every graph of every batch twice), and boxing for {@code
   * Arrays.sort} with a comparator measured slower.
   */
  private static int[] visitOrder(int n, double[] pos, int dims) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      int node = i;
      int j = i - 1;
      while (j >= 0 && before(pos, dims, node, order[j])) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = node;
    }
    return order;
  }

  private static boolean before(double[] pos, int dims, int a, int b) {
    for (int d = dims - 1; d >= 0; d--) {
      int c = Double.compare(pos[a * dims + d], pos[b * dims + d]);
      if (c != 0) {
        return c < 0;
      }
    }
    return a < b;
  }

  private static double distance(double[] pos, int dims, int u, int v) {
    double sum = 0;
    for (int d = 0; d < dims; d++) {
      double delta = pos[u * dims + d] - pos[v * dims + d];
      sum += delta * delta;
    }
    return Math.sqrt(sum);
  }
}
