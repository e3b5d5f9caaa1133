package io.sharcs.modality.graph;

import io.sharcs.api.InvalidInputException;

/** The checks every graph batcher makes on a sample before indexing into it. */
final class GraphChecks {

  private GraphChecks() {}

  /**
   * Requires at least one node, {@code featureWidth} features on every node and every edge a
   * {@code [source, target]} pair inside the node range. Cheap enough to repeat per batch, and it
   * turns an index error deep in a batcher's loops into a message that names the culprit.
   *
   * @throws InvalidInputException naming the sample's position in the batch and what was found
   */
  static void requireWellFormed(GraphSample g, int position, int featureWidth) {
    String where = "batch of graphs, position " + position;
    if (g.nodeCount() == 0) {
      throw new InvalidInputException(where + ": found an empty graph (0 nodes), expected nodes");
    }
    for (int v = 0; v < g.nodeCount(); v++) {
      if (g.featureCount(v) != featureWidth) {
        throw new InvalidInputException(where + ": node " + v + " has " + g.featureCount(v)
            + " features, expected " + featureWidth);
      }
    }
    int nodes = g.nodeCount();
    for (int e = 0; e < g.edgeCount(); e++) {
      if (g.edgeLength(e) != 2
          || g.source(e) < 0 || g.source(e) >= nodes
          || g.target(e) < 0 || g.target(e) >= nodes) {
        throw new InvalidInputException(where + ": edge " + e + " is malformed or out of range"
            + " for " + nodes + " nodes, expected [source, target] in [0, " + nodes + ")");
      }
    }
  }
}
