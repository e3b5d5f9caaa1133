package io.sharcs.runner.datasets.xor;

/**
 * Betweenness by definition, independent of Brandes: for every ordered pair {@code (s, t)}, list
 * every shortest {@code s -> t} path explicitly and credit each interior node with its share.
 */
final class BruteForceBetweenness {

  private BruteForceBetweenness() {}

  static double[] centrality(int n, int[][] edges) {
    boolean[][] adjacent = new boolean[n][n];
    for (int[] e : edges) {
      adjacent[e[0]][e[1]] = true;
    }
    double[] result = new double[n];
    for (int s = 0; s < n; s++) {
      int[] distance = distancesFrom(s, adjacent);
      for (int t = 0; t < n; t++) {
        if (t == s || distance[t] < 0) {
          continue;
        }
        int[] through = new int[n];
        int[] path = new int[distance[t] + 1];
        path[0] = s;
        int total = enumerate(path, 0, t, adjacent, through);
        for (int v = 0; v < n; v++) {
          if (v != s && v != t) {
            result[v] += (double) through[v] / total;
          }
        }
      }
    }
    if (n > 2) {
      for (int v = 0; v < n; v++) {
        result[v] /= (n - 1.0) * (n - 2.0);
      }
    }
    return result;
  }

  private static int[] distancesFrom(int s, boolean[][] adjacent) {
    int n = adjacent.length;
    int[] distance = new int[n];
    java.util.Arrays.fill(distance, -1);
    distance[s] = 0;
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
    queue.add(s);
    while (!queue.isEmpty()) {
      int v = queue.poll();
      for (int w = 0; w < n; w++) {
        if (adjacent[v][w] && distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue.add(w);
        }
      }
    }
    return distance;
  }

  /**
   * Extends {@code path[0..depth]} by every walk of exactly the remaining length to {@code t}: with
   * the length fixed at the shortest distance, these walks are exactly the shortest paths.
   */
  private static int enumerate(int[] path, int depth, int t, boolean[][] adjacent, int[] through) {
    int last = path[depth];
    if (depth == path.length - 1) {
      if (last != t) {
        return 0;
      }
      for (int i = 1; i < depth; i++) {
        through[path[i]]++;
      }
      return 1;
    }
    int count = 0;
    for (int w = 0; w < adjacent.length; w++) {
      if (adjacent[last][w]) {
        path[depth + 1] = w;
        count += enumerate(path, depth + 1, t, adjacent, through);
      }
    }
    return count;
  }
}
