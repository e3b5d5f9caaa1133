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

  /**
   * Superpixel-like graphs: {@code nodes} random points in the unit square (distinct), each
   * joined in both directions to its {@code neighbours} nearest points (an edge listed once per
   * direction), one random intensity feature per node, positions set, no edge attributes.
   */
  static List<GraphSample> geometric(int count, int nodes, int neighbours, long seed) {
    Random random = new Random(seed);
    List<GraphSample> graphs = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      graphs.add(geometric(random, nodes, neighbours));
    }
    return graphs;
  }

  static GraphSample geometric(Random random, int nodes, int neighbours) {
    float[][] pos = new float[nodes][];
    float[][] x = new float[nodes][];
    for (int v = 0; v < nodes; v++) {
      pos[v] = new float[] {random.nextFloat(), random.nextFloat()};
      x[v] = new float[] {random.nextFloat()};
    }
    return new GraphSample(x, knnEdges(pos, neighbours), pos);
  }

  /** Symmetric k-nearest-neighbour edges of {@code pos}, each undirected edge both ways once. */
  static int[][] knnEdges(float[][] pos, int neighbours) {
    int n = pos.length;
    java.util.Set<Long> keys = new java.util.TreeSet<>();
    for (int v = 0; v < n; v++) {
      final int from = v;
      Integer[] others = new Integer[n];
      for (int u = 0; u < n; u++) {
        others[u] = u;
      }
      java.util.Arrays.sort(others, java.util.Comparator.comparingDouble(u -> dist(pos, from, u)));
      int added = 0;
      for (int i = 0; i < n && added < neighbours; i++) {
        int u = others[i];
        if (u != v) {
          keys.add((long) v * n + u);
          keys.add((long) u * n + v);
          added++;
        }
      }
    }
    int[][] edges = new int[keys.size()][];
    int e = 0;
    for (long key : keys) {
      edges[e++] = new int[] {(int) (key / n), (int) (key % n)};
    }
    return edges;
  }

  private static double dist(float[][] pos, int a, int b) {
    double dx = pos[a][0] - pos[b][0];
    double dy = pos[a][1] - pos[b][1];
    return dx * dx + dy * dy;
  }

  /** {@code graph} with its nodes renumbered: old node v becomes {@code perm[v]}. */
  static GraphSample permuted(GraphSample graph, int[] perm) {
    int n = graph.nodeCount();
    float[][] x = new float[n][];
    float[][] pos = graph.hasPositions() ? new float[n][] : null;
    float[][] oldX = graph.nodeFeatures();
    float[][] oldPos = graph.positions();
    for (int v = 0; v < n; v++) {
      x[perm[v]] = oldX[v];
      if (pos != null) {
        pos[perm[v]] = oldPos[v];
      }
    }
    int[][] edges = graph.edges();
    for (int[] edge : edges) {
      edge[0] = perm[edge[0]];
      edge[1] = perm[edge[1]];
    }
    return new GraphSample(x, edges, pos, graph.edgeAttributes());
  }

  /** A random permutation of 0..n-1. */
  static int[] permutation(int n, long seed) {
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(i);
    }
    java.util.Collections.shuffle(list, new Random(seed));
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
