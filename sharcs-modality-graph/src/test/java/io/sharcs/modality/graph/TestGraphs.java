package io.sharcs.modality.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small graph factories for tests. */
final class TestGraphs {

  private TestGraphs() {}

  /** A path 0 - 1 - ... - (nodes-1), both directions, with feature {@code i} on node i. */
  static GraphSample path(int nodes) {
    float[][] x = new float[nodes][1];
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      x[i][0] = i;
      if (i + 1 < nodes) {
        edges.add(new int[] {i, i + 1});
        edges.add(new int[] {i + 1, i});
      }
    }
    return new GraphSample(x, edges.toArray(new int[0][]));
  }

  /** Random graphs with {@code minNodes..maxNodes} nodes, F features and about 2 edges per node. */
  static List<GraphSample> random(int count, int minNodes, int maxNodes, int features, long seed) {
    Random random = new Random(seed);
    List<GraphSample> graphs = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      int nodes = minNodes + random.nextInt(maxNodes - minNodes + 1);
      float[][] x = new float[nodes][features];
      for (float[] row : x) {
        for (int f = 0; f < features; f++) {
          row[f] = (float) random.nextGaussian();
        }
      }
      int[][] edges = new int[2 * nodes][];
      for (int e = 0; e < edges.length; e++) {
        edges[e] = new int[] {random.nextInt(nodes), random.nextInt(nodes)};
      }
      graphs.add(new GraphSample(x, edges));
    }
    return graphs;
  }
}
