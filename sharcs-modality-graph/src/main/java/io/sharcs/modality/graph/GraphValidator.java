package io.sharcs.modality.graph;

import io.sharcs.api.InvalidInputException;

/**
 * Checks one graph on its own: at least one node, one feature width for all nodes, finite
 * features, well-formed edges whose indices name existing nodes, positions (when present) that
 * match the nodes, and edge attributes (when present) that match the edges and lie in [0, 1]. Checks across samples (a common width) are {@link GraphShape#inspect}'s.
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
    checkEdgeAttributes(graph, where);
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
    int rows = graph.positionRows();
    if (rows != graph.nodeCount()) {
      throw new InvalidInputException(where + ": found " + rows
          + (rows == 1 ? " position row" : " position rows") + ", expected one per node ("
          + graph.nodeCount() + ")");
    }
    int width = graph.positionCount(0);
    for (int node = 0; node < rows; node++) {
      if (graph.positionCount(node) == 0 || graph.positionCount(node) != width) {
        throw new InvalidInputException(where + ": position of node " + node + " has "
            + graph.positionCount(node) + " coordinates, expected " + Math.max(1, width)
            + " like node 0");
      }
      for (int d = 0; d < width; d++) {
        float c = graph.position(node, d);
        if (!Float.isFinite(c)) {
          throw new InvalidInputException(where + ": position of node " + node + " holds " + c
              + ", expected finite coordinates");
        }
      }
    }
  }

  private static void checkEdgeAttributes(GraphSample graph, String where) {
    if (!graph.hasEdgeAttributes()) {
      return;
    }
    int rows = graph.edgeAttributeRows();
    if (rows != graph.edgeCount()) {
      throw new InvalidInputException(where + ": found " + rows
          + (rows == 1 ? " edge_attr row" : " edge_attr rows") + ", expected one per edge ("
          + graph.edgeCount() + ")");
    }
    int width = rows == 0 ? 0 : graph.edgeAttributeCount(0);
    for (int e = 0; e < rows; e++) {
      if (graph.edgeAttributeCount(e) == 0 || graph.edgeAttributeCount(e) != width) {
        throw new InvalidInputException(where + ": edge_attr of edge " + e + " has "
            + graph.edgeAttributeCount(e) + " values, expected " + Math.max(1, width)
            + " like edge 0");
      }
      for (int d = 0; d < width; d++) {
        float u = graph.edgeAttribute(e, d);
        // The spline kernel is defined on [0, 1]; PyG's Cartesian transform normalises to it.
        if (!(u >= 0f && u <= 1f)) {
          throw new InvalidInputException(where + ": edge_attr of edge " + e + " entry " + d
              + " is " + u + ", expected a pseudo-coordinate in [0, 1]");
        }
      }
    }
  }
}
