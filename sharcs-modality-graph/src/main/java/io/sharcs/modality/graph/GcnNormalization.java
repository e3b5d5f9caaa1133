package io.sharcs.modality.graph;

/**
 * The dense normalised adjacency of one graph, equal to PyG {@code GCNConv}'s {@code gcn_norm}
 * with {@code add_remaining_self_loops} and unit edge weights.
 *
 * <p>Existing self-loops are dropped and exactly one self-loop of weight 1 is added per node (so
 * duplicated self-loops count once, as in PyG). Other duplicate edges count with their
 * multiplicity. With {@code A[t][s]} the number of edges {@code s -> t}, {@code deg[t] = sum_s
 * A[t][s]} (the in-degree, self-loop included) and {@code Â = D^-1/2 A D^-1/2}, so a node's
 * update {@code h'_t = sum_s Â[t][s] h_s} aggregates messages from its sources exactly like
 * PyG's source-to-target flow.
 */
final class GcnNormalization {

  private GcnNormalization() {}

  /**
   * Writes Â of {@code graph} into the row-major {@code n x n} block of {@code adj} starting at
   * {@code offset}. The block must be zero on entry; rows and columns past the graph's nodes stay
   * zero, which is what keeps padded nodes out of every real node's aggregation.
   *
   * @param n the padded size of the block, at least {@code graph.nodeCount()}
   */
  static void fill(GraphSample graph, int n, float[] adj, int offset) {
    int nodes = graph.nodeCount();
    double[] degree = new double[nodes];
    java.util.Arrays.fill(degree, 1); // the one self-loop every node gets
    for (int e = 0; e < graph.edgeCount(); e++) {
      if (graph.source(e) != graph.target(e)) {
        degree[graph.target(e)] += 1;
      }
    }
    double[] invSqrt = new double[nodes];
    for (int i = 0; i < nodes; i++) {
      invSqrt[i] = 1.0 / Math.sqrt(degree[i]); // degree >= 1 thanks to the self-loop
      adj[offset + i * n + i] = (float) (1.0 / degree[i]);
    }
    // Visiting edges rather than all n^2 entries keeps large sparse graphs cheap; a duplicate
    // edge simply adds its normalised weight once more.
    for (int e = 0; e < graph.edgeCount(); e++) {
      int source = graph.source(e);
      int target = graph.target(e);
      if (source != target) {
        adj[offset + target * n + source] += (float) (invSqrt[target] * invSqrt[source]);
      }
    }
  }
}
