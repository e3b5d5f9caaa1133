package io.sharcs.runner.datasets.xor;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Edge noise as PyG's {@code add_random_edge(edge_index, p, force_undirected=True)} adds it.
 *
 * <p>It draws {@code round(p * E)} candidate pairs {@code (src, dst)} uniformly in {@code [0,
 * n)²} (all sources first, then all targets), keeps those with {@code src < dst} and appends them
 * in both directions: first every kept {@code src -> dst}, then every {@code dst -> src}. Edges
 * already present may be drawn again, so the result can hold duplicates; self-loops are never
 * added.
 */
public final class RandomEdgeNoise {

  private RandomEdgeNoise() {}

  /**
   * The number of candidate pairs drawn for {@code edgeCount} edges. Python's {@code round}
   * rounds halves to even, hence {@link Math#rint}.
   */
  public static int candidateCount(int edgeCount, double p) {
    return (int) Math.rint(edgeCount * p);
  }

  /**
   * {@code edges} followed by the noise edges.
   *
   * @param edges {@code [edges][2]} directed pairs; not modified
   * @param nodeCount candidates are drawn in {@code [0, nodeCount)}
   * @param p the noise ratio in {@code [0, 1]}
   * @param random the source of the candidate draws
   * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}, as PyG rejects it
   */
  public static int[][] addTo(int[][] edges, int nodeCount, double p, RandomGenerator random) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("got p = " + p + ", expected a number in [0, 1]");
    }
    int candidates = candidateCount(edges.length, p);
    int[] sources = new int[candidates];
    int[] targets = new int[candidates];
    for (int i = 0; i < candidates; i++) {
      sources[i] = random.nextInt(nodeCount);
    }
    for (int i = 0; i < candidates; i++) {
      targets[i] = random.nextInt(nodeCount);
    }
    int kept = 0;
    for (int i = 0; i < candidates; i++) {
      if (sources[i] < targets[i]) {
        sources[kept] = sources[i];
        targets[kept] = targets[i];
        kept++;
      }
    }
    int[][] result = Arrays.copyOf(edges, edges.length + 2 * kept);
    for (int i = 0; i < kept; i++) {
      result[edges.length + i] = new int[] {sources[i], targets[i]};
      result[edges.length + kept + i] = new int[] {targets[i], sources[i]};
    }
    return result;
  }
}
