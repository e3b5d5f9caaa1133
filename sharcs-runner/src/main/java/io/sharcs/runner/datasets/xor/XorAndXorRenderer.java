package io.sharcs.runner.datasets.xor;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Renders an XOR-AND-XOR content, a (six-cycle bit, four-cycle bit) pair, as a graph or as a
 * table (spec §1.1).
 *
 * <p>Graph: 10 nodes; block A (nodes 0-3) is a both-ways 4-cycle with self-loops iff the
 * four-cycle bit is set, otherwise only self-loops; block B (nodes 4-9) likewise a 6-cycle for the
 * six-cycle bit; when both bits are set, one bridge joins a uniform node of A and a uniform node
 * of B in both directions. Then {@link RandomEdgeNoise} is applied, and each node's single
 * feature is its {@link Betweenness}.
 *
 * <p>Table: {@code [r, six, r, r, four, r]} with fresh random bits {@code r}.
 */
public final class XorAndXorRenderer {

  /** Nodes in every graph. */
  public static final int NODE_COUNT = 10;

  /** Columns in every table. */
  public static final int TABLE_WIDTH = 6;

  /** The table column holding the six-cycle bit. */
  public static final int SIX_CYCLE_COLUMN = 1;

  /** The table column holding the four-cycle bit. */
  public static final int FOUR_CYCLE_COLUMN = 4;

  private static final int BLOCK_A_START = 0;
  private static final int BLOCK_A_SIZE = 4;
  private static final int BLOCK_B_START = 4;
  private static final int BLOCK_B_SIZE = 6;

  private final double edgeNoise;

  /**
   * @param edgeNoise the {@code p} of {@link RandomEdgeNoise}, in {@code [0, 1]}
   */
  public XorAndXorRenderer(double edgeNoise) {
    if (!(edgeNoise >= 0 && edgeNoise <= 1)) {
      throw new IllegalArgumentException("edge noise is " + edgeNoise + ", expected [0, 1]");
    }
    this.edgeNoise = edgeNoise;
  }

  /** The content as a noisy graph with betweenness node features. */
  public XorGraph graph(int sixCycle, int fourCycle, RandomGenerator random) {
    List<int[]> structure = new ArrayList<>(32);
    addBlock(structure, BLOCK_A_START, BLOCK_A_SIZE, fourCycle == 1);
    addBlock(structure, BLOCK_B_START, BLOCK_B_SIZE, sixCycle == 1);
    if (fourCycle == 1 && sixCycle == 1) {
      int a = BLOCK_A_START + random.nextInt(BLOCK_A_SIZE);
      int b = BLOCK_B_START + random.nextInt(BLOCK_B_SIZE);
      structure.add(new int[] {a, b});
      structure.add(new int[] {b, a});
    }
    int[][] edges =
        RandomEdgeNoise.addTo(structure.toArray(new int[0][]), NODE_COUNT, edgeNoise, random);
    double[] betweenness = Betweenness.centrality(NODE_COUNT, edges);
    float[][] features = new float[NODE_COUNT][1];
    for (int v = 0; v < NODE_COUNT; v++) {
      // The reference stores float32 tensors: round once, from the double networkx returns.
      features[v][0] = (float) betweenness[v];
    }
    return new XorGraph(features, edges);
  }

  /** The content as a row {@code [r, six, r, r, four, r]}. */
  public XorRow table(int sixCycle, int fourCycle, RandomGenerator random) {
    float[] row = new float[TABLE_WIDTH];
    for (int i = 0; i < TABLE_WIDTH; i++) {
      if (i == SIX_CYCLE_COLUMN) {
        row[i] = sixCycle;
      } else if (i == FOUR_CYCLE_COLUMN) {
        row[i] = fourCycle;
      } else {
        row[i] = random.nextInt(2);
      }
    }
    return new XorRow(row);
  }

  /**
   * A block of {@code size} nodes: per node, in the reference's order, a self-loop and, when
   * {@code cycle}, the edges to the next and the previous node of the ring.
   */
  private static void addBlock(List<int[]> edges, int start, int size, boolean cycle) {
    for (int i = 0; i < size; i++) {
      int node = start + i;
      edges.add(new int[] {node, node});
      if (cycle) {
        edges.add(new int[] {node, start + (i + 1) % size});
        edges.add(new int[] {node, start + (i + size - 1) % size});
      }
    }
  }
}
