package io.sharcs.modality.graph;

import io.sharcs.api.InvalidInputException;

/**
 * Checks one graph on its own: at least one node, one feature width for all nodes, finite
 * features, well-formed edges whose indices name existing nodes, and positions (when present)
 * that match the nodes. Checks across samples (a common width) are {@link GraphShape#inspect}'s.
 */
final class GraphValidator {

  private GraphValidator() {}

  /**
   * Throws {@link InvalidInputException} on the first problem, prefixed with {@code where}.
   *
   * @return the node-feature width of the sample
   */
  static int check(GraphSample graph, String where) {
    if (graph == null) {
      throw new InvalidInputException(where + ": found no graph (null), expected a graph");
    }
    int nodes = graph.nodeCount();
    if (nodes == 0) {
      throw new InvalidInputException(
          where + ": found an empty graph (0 nodes), expected at least one node");
    }
    int width = checkFeatures(graph, where);
    checkEdges(graph, where);
    checkPositions(graph, where);
    return width;
  }

  private static int checkFeatures(GraphSample graph, String where) {
    int width = graph.featureCount(0);
    if (width == 0) {
      throw new InvalidInputException(
          where + ": node 0 has 0 features, expected at least one node feature");
    }
    for (int node = 0; node < graph.nodeCount(); node++) {
      if (graph.featureCount(node) != width) {
        throw new InvalidInputException(where + ": node " + node + " has "
            + graph.featureCount(node) + " features, expected " + width + " like node 0");
      }
      for (int f = 0; f < width; f++) {
        float value = graph.feature(node, f);
        if (!Float.isFinite(value)) {
          throw new InvalidInputException(where + ": node " + node + " feature " + f + " is "
              + value + ", expected a finite number");
        }
      }
    }
    return width;
  }

  private static void checkEdges(GraphSample graph, String where) {
    int nodes = graph.nodeCount();
    for (int e = 0; e < graph.edgeCount(); e++) {
      if (graph.edgeLength(e) != 2) {
        throw new InvalidInputException(where + ": edge " + e + " has " + graph.edgeLength(e)
            + " entries, expected 2 (source, target)");
      }
      int source = graph.source(e);
      int target = graph.target(e);
      if (source < 0 || source >= nodes || target < 0 || target >= nodes) {
        throw new InvalidInputException(where + ": edge " + e + " is " + source + " -> " + target
            + " but the graph has " + nodes + " nodes, expected indices in [0, " + nodes + ")");
      }
    }
  }

  private static void checkPositions(GraphSample graph, String where) {
    if (!graph.hasPositions()) {
      return;
    }
    float[][] pos = graph.positions();
    if (pos.length != graph.nodeCount()) {
      throw new InvalidInputException(where + ": found " + pos.length
          + (pos.length == 1 ? " position row" : " position rows") + ", expected one per node ("
          + graph.nodeCount() + ")");
    }
    for (int node = 0; node < pos.length; node++) {
      if (pos[node].length == 0 || pos[node].length != pos[0].length) {
        throw new InvalidInputException(where + ": position of node " + node + " has "
            + pos[node].length + " coordinates, expected " + Math.max(1, pos[0].length)
            + " like node 0");
      }
      for (float c : pos[node]) {
        if (!Float.isFinite(c)) {
          throw new InvalidInputException(where + ": position of node " + node + " holds " + c
              + ", expected finite coordinates");
        }
      }
    }
  }
}
