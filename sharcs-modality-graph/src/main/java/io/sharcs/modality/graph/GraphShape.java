package io.sharcs.modality.graph;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.Preprocessor;
import java.util.List;

/**
 * The graph preprocessing: the node-feature width shared by every graph, and the largest graph
 * (for logs; batches are padded to the largest graph of the batch). Batches are {@code [x (B, n,
 * F), adj (B, n, n), mask (B, n)]} ({@link DenseGraphBatcher}).
 *
 * @param nodeFeatures F, the width of every node's feature vector
 * @param maxNodes the node count of the largest graph seen
 */
public record GraphShape(int nodeFeatures, int maxNodes) implements Preprocessor<GraphSample> {

  public GraphShape {
    if (nodeFeatures <= 0 || maxNodes <= 0) {
      throw new IllegalArgumentException(
          "nodeFeatures and maxNodes must be > 0, got " + nodeFeatures + ", " + maxNodes);
    }
  }

  /**
   * Validates every graph ({@link GraphValidator}) and checks they share one node-feature width.
   *
   * @throws InvalidInputException naming the first bad sample
   */
  public static GraphShape inspect(PreprocessingData<? extends GraphSample> data) {
    List<? extends GraphSample> graphs = data.all();
    if (graphs.isEmpty()) {
      throw new InvalidInputException(data.where() + ": found no graphs, expected at least one");
    }
    int width = -1;
    String widthSource = null;
    int maxNodes = 0;
    for (int i = 0; i < graphs.size(); i++) {
      GraphSample graph = graphs.get(i);
      int sampleWidth = GraphValidator.check(graph, data.at(i));
      if (width < 0) {
        width = sampleWidth;
        widthSource = data.ids().get(i);
      } else if (sampleWidth != width) {
        throw new InvalidInputException(data.at(i) + ": found " + features(sampleWidth)
            + ", expected " + width + " like sample " + widthSource);
      }
      maxNodes = Math.max(maxNodes, graph.nodeCount());
    }
    return new GraphShape(width, maxNodes);
  }

  @Override
  public NDList batch(List<? extends GraphSample> samples, NDManager manager) {
    return DenseGraphBatcher.batch(samples, nodeFeatures, manager);
  }

  @Override
  public String summary() {
    return features(nodeFeatures) + ", up to " + maxNodes + (maxNodes == 1 ? " node" : " nodes");
  }

  private static String features(int width) {
    return width + (width == 1 ? " node feature" : " node features");
  }
}
