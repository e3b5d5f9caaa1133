package io.sharcs.runner.datasets.xor;

import java.util.Arrays;

/**
 * Betweenness centrality of a directed, unweighted graph, as networkx
 * {@code betweenness_centrality(G)} computes it with its defaults ({@code normalized=True},
 * {@code endpoints=False}) on the {@code DiGraph} that PyG's {@code to_networkx} builds.
 *
 * <p>The edge list is read as that {@code DiGraph}: parallel edges collapse into one, and
 * self-loops are kept but never lie on a shortest path. Brandes' algorithm is used, visiting
 * sources, neighbours and predecessors in the same order as networkx so that the floating-point
 * sums agree with it.
 */
public final class Betweenness {

  private Betweenness() {}

  /**
   * The normalised betweenness of every node.
   *
   * @param nodeCount the number of nodes; nodes are {@code 0 .. nodeCount-1}
   * @param edges {@code [edges][2]} directed {@code {source, target}} pairs
   * @return one value per node; each sum over ordered pairs {@code (s, t)}, {@code s != v != t},
   *     of the fraction of shortest {@code s -> t} paths through {@code v}, times {@code 1 /
   *     ((n-1)(n-2))} when {@code n > 2}
   * @throws IllegalArgumentException if an edge is not a pair of valid node indices
   */
  public static double[] centrality(int nodeCount, int[][] edges) {
    int[][] successors = successors(nodeCount, edges);
    double[] betweenness = new double[nodeCount];

    // Buffers reused across sources: the graphs here are tiny and this runs thousands of times.
    int[] distance = new int[nodeCount];
    double[] sigma = new double[nodeCount];
    double[] delta = new double[nodeCount];
    int[] order = new int[nodeCount];
    int[][] predecessors = new int[nodeCount][nodeCount];
    int[] predecessorCount = new int[nodeCount];

    for (int s = 0; s < nodeCount; s++) {
      Arrays.fill(distance, -1);
      Arrays.fill(sigma, 0.0);
      Arrays.fill(delta, 0.0);
      Arrays.fill(predecessorCount, 0);
      distance[s] = 0;
      sigma[s] = 1.0;
      // The BFS queue and the stack of visited nodes are the same array: BFS visits nodes in
      // non-decreasing distance, so reading it backwards is the stack Brandes pops.
      int head = 0;
      int tail = 0;
      order[tail++] = s;
      while (head < tail) {
        int v = order[head++];
        for (int w : successors[v]) {
          if (distance[w] < 0) {
            distance[w] = distance[v] + 1;
            order[tail++] = w;
          }
          if (distance[w] == distance[v] + 1) {
            sigma[w] += sigma[v];
            predecessors[w][predecessorCount[w]++] = v;
          }
        }
      }
      for (int i = tail - 1; i >= 0; i--) {
        int w = order[i];
        double coefficient = (1.0 + delta[w]) / sigma[w];
        for (int p = 0; p < predecessorCount[w]; p++) {
          int v = predecessors[w][p];
          delta[v] += sigma[v] * coefficient;
        }
        if (w != s) {
          betweenness[w] += delta[w];
        }
      }
    }

    if (nodeCount > 2) {
      double scale = 1.0 / ((nodeCount - 1.0) * (nodeCount - 2.0));
      for (int v = 0; v < nodeCount; v++) {
        betweenness[v] *= scale;
      }
    }
    return betweenness;
  }

  /** Successor lists without duplicates, in order of first appearance, as a DiGraph keeps them. */
  private static int[][] successors(int nodeCount, int[][] edges) {
    if (nodeCount < 0) {
      throw new IllegalArgumentException("got " + nodeCount + " nodes, expected >= 0");
    }
    boolean[][] seen = new boolean[nodeCount][nodeCount];
    int[][] lists = new int[nodeCount][nodeCount];
    int[] sizes = new int[nodeCount];
    for (int e = 0; e < edges.length; e++) {
      int[] edge = edges[e];
      if (edge == null
          || edge.length != 2
          || edge[0] < 0
          || edge[0] >= nodeCount
          || edge[1] < 0
          || edge[1] >= nodeCount) {
        throw new IllegalArgumentException(
            "edge " + e + " is " + Arrays.toString(edge) + ", expected a pair of node indices in [0, "
                + nodeCount + ")");
      }
      int source = edge[0];
      int target = edge[1];
      if (!seen[source][target]) {
        seen[source][target] = true;
        lists[source][sizes[source]++] = target;
      }
    }
    int[][] successors = new int[nodeCount][];
    for (int v = 0; v < nodeCount; v++) {
      successors[v] = Arrays.copyOf(lists[v], sizes[v]);
    }
    return successors;
  }
}
