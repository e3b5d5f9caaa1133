package io.sharcs.runner.datasets.xor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * One generated XOR-AND-XOR graph, as the generator builds it: node features and directed edges
 * in the generator's order. The graph plugin's sample is read from {@link #toJson()}.
 *
 * @param features one row of features per node
 * @param edges {@code [source, target]} pairs in order
 */
public record XorGraph(float[][] features, int[][] edges) {

  /** The number of nodes. */
  public int nodeCount() {
    return features.length;
  }

  /** Feature {@code f} of node {@code v}. */
  public float feature(int v, int f) {
    return features[v][f];
  }

  /** The number of edges. */
  public int edgeCount() {
    return edges.length;
  }

  /** The source node of edge {@code e}. */
  public int source(int e) {
    return edges[e][0];
  }

  /** The target node of edge {@code e}. */
  public int target(int e) {
    return edges[e][1];
  }

  /**
   * The graph in the graph plugin's JSON form, {@code {"x": [[f]...], "edges": [[s, d]...]}};
   * features are float nodes, so reading them back gives the same float bits.
   */
  public ObjectNode toJson() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode node = json.objectNode();
    ArrayNode x = node.putArray("x");
    for (float[] row : features) {
      ArrayNode r = x.addArray();
      for (float value : row) {
        r.add(value);
      }
    }
    ArrayNode e = node.putArray("edges");
    for (int[] edge : edges) {
      e.addArray().add(edge[0]).add(edge[1]);
    }
    return node;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof XorGraph g
        && Arrays.deepEquals(features, g.features)
        && Arrays.deepEquals(edges, g.edges);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(features) + Arrays.deepHashCode(edges);
  }

  @Override
  public String toString() {
    return "XorGraph[x=" + Arrays.deepToString(features) + ", edges=" + Arrays.deepToString(edges)
        + "]";
  }
}
