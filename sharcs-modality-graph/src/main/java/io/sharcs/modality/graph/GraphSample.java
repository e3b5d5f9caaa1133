package io.sharcs.modality.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * One graph: the raw sample of the graph modality.
 *
 * <p>Edges are directed, {@code source -> target}; an undirected edge is listed in both
 * directions. Duplicate edges are allowed and count with their multiplicity, as in PyG.
 *
 * @param nodeFeatures {@code [nodes][features]}
 * @param edges {@code [edges][2]}: {@code {source, target}} node indices
 * @param positions optional {@code [nodes][dims]} node coordinates (for drawing), or null
 */
public record GraphSample(float[][] nodeFeatures, int[][] edges, float[][] positions) {

  public GraphSample {
    Objects.requireNonNull(nodeFeatures, "nodeFeatures");
    Objects.requireNonNull(edges, "edges");
    nodeFeatures = deepCopy(nodeFeatures);
    edges = deepCopy(edges);
    positions = positions == null ? null : deepCopy(positions);
  }

  /** A graph without positions. */
  public GraphSample(float[][] nodeFeatures, int[][] edges) {
    this(nodeFeatures, edges, null);
  }

  /** The number of nodes. */
  public int nodeCount() {
    return nodeFeatures.length;
  }

  /** The number of directed edges (with multiplicity). */
  public int edgeCount() {
    return edges.length;
  }

  /** Feature {@code f} of node {@code node}. */
  public float feature(int node, int f) {
    return nodeFeatures[node][f];
  }

  /**
   * The number of features of node {@code node}. Rows may differ in a sample that was built in
   * code and not yet checked; {@link GraphShape#inspect} rejects such samples.
   */
  public int featureCount(int node) {
    return nodeFeatures[node].length;
  }

  /** The number of entries of edge {@code e}: 2 ({@code {source, target}}) when well formed. */
  public int edgeLength(int e) {
    return edges[e].length;
  }

  /** Whether the sample carries node positions. */
  public boolean hasPositions() {
    return positions != null;
  }

  /** Source of edge {@code e}. */
  public int source(int e) {
    return edges[e][0];
  }

  /** Target of edge {@code e}. */
  public int target(int e) {
    return edges[e][1];
  }

  @Override
  public float[][] nodeFeatures() {
    return deepCopy(nodeFeatures);
  }

  @Override
  public int[][] edges() {
    return deepCopy(edges);
  }

  @Override
  public float[][] positions() {
    return positions == null ? null : deepCopy(positions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphSample g
        && Arrays.deepEquals(nodeFeatures, g.nodeFeatures)
        && Arrays.deepEquals(edges, g.edges)
        && Arrays.deepEquals(positions, g.positions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.deepHashCode(nodeFeatures), Arrays.deepHashCode(edges), Arrays.deepHashCode(positions));
  }

  @Override
  public String toString() {
    return "GraphSample[nodes=" + nodeCount() + ", edges=" + edgeCount() + "]";
  }

  private static float[][] deepCopy(float[][] a) {
    float[][] c = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = Objects.requireNonNull(a[i], "row " + i).clone();
    }
    return c;
  }

  private static int[][] deepCopy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = Objects.requireNonNull(a[i], "edge " + i).clone();
    }
    return c;
  }
}
