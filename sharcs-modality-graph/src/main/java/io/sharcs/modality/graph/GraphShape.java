package io.sharcs.modality.graph;

import ai.djl.ndarray.NDList;
import com.fasterxml.jackson.annotation.JsonInclude;
import ai.djl.ndarray.NDManager;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.Preprocessor;
import java.util.List;

/**
 * The graph preprocessing: the node-feature width shared by every graph, the largest graph (for
 * logs; batches are padded to the largest graph of the batch) and, for the spline encoder, the
 * pseudo-coordinate layout. Batches for the GCN are {@code [x (B, n, F), adj (B, n, n), mask (B,
 * n)]} ({@link DenseGraphBatcher}); for the spline encoder, {@link SplineBatcher}'s.
 *
 * @param nodeFeatures F, the width of every node's feature vector
 * @param maxNodes the node count of the largest graph seen
 * @param spline the spline encoder's layout, or null for the GCN (not written to the saved file
 *     then, so files of GCN models are as before)
 */
public record GraphShape(
    int nodeFeatures, int maxNodes, @JsonInclude(JsonInclude.Include.NON_NULL) SplineLayout spline)
    implements Preprocessor<GraphSample> {

  public GraphShape {
    if (nodeFeatures <= 0 || maxNodes <= 0) {
      throw new IllegalArgumentException(
          "nodeFeatures and maxNodes must be > 0, got " + nodeFeatures + ", " + maxNodes);
    }
  }

  /** The preprocessing of the GCN encoder. */
  public GraphShape(int nodeFeatures, int maxNodes) {
    this(nodeFeatures, maxNodes, null);
  }

  /**
   * {@link #inspect(PreprocessingData)} for the encoder {@code options} ask for: for the spline
   * encoder it also finds the pseudo-coordinate dimensions (the first graph's {@code edge_attr}
   * width, else its position width) and checks that every graph can be batched for them.
   *
   * @throws InvalidInputException naming the first bad sample
   */
  public static GraphShape inspect(
      PreprocessingData<? extends GraphSample> data, GraphEncoderConfig options) {
    GraphShape shape = inspect(data);
    if (!options.usesSpline()) {
      return shape;
    }
    List<? extends GraphSample> graphs = data.all();
    int dimensions = 0;
    for (GraphSample g : graphs) {
      if (options.spline().graclus() && g.hasPositions()) {
        dimensions = g.positionCount(0);
      } else if (!options.spline().graclus() && g.hasEdgeAttributes() && g.edgeCount() > 0) {
        dimensions = g.edgeAttributeCount(0);
      } else if (g.hasPositions()) {
        dimensions = g.positionCount(0);
      }
      if (dimensions > 0) {
        break;
      }
    }
    if (dimensions == 0) {
      throw new InvalidInputException(data.where() + ": found no graph with 'pos' or"
          + " 'edge_attr', expected node positions (or edge pseudo-coordinates) for the spline"
          + " encoder");
    }
    if (dimensions > SplineLayout.MAX_DIMENSIONS) {
      throw new InvalidInputException(data.at(0) + ": found pseudo-coordinates of " + dimensions
          + " dimensions, expected 1 to " + SplineLayout.MAX_DIMENSIONS
          + " for the spline encoder");
    }
    SplineLayout layout = SplineLayout.of(options.spline(), dimensions);
    for (int i = 0; i < graphs.size(); i++) {
      String problem = layout.problem(graphs.get(i));
      if (problem != null) {
        throw new InvalidInputException(data.at(i) + ": " + problem);
      }
    }
    return new GraphShape(shape.nodeFeatures(), shape.maxNodes(), layout);
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
    return spline == null
        ? DenseGraphBatcher.batch(samples, nodeFeatures, manager)
        : SplineBatcher.batch(samples, nodeFeatures, spline, manager);
  }

  /** The bytes an evaluation batch's largest array may take ({@link #evaluationBatchLimit}). */
  static final long EVALUATION_BATCH_BYTES = 32L << 20;

  /**
   * {@inheritDoc}
   *
   * <p>Here: as many graphs as keep the batch's quadratic array ({@code adj}, {@code (B, n, n)},
   * for the GCN; {@code adj1}, {@code (B, n1, n1 K)}, for the spline encoder) within {@value
   * #EVALUATION_BATCH_BYTES} bytes for graphs of {@link #maxNodes} nodes (with graclus, {@code
   * n1} taken as 0.6 of that: a matched pair halves). Superpixel graphs of 80 nodes get 145 (the
   * core's chunk of 512 made 80 MB arrays, each copied twice).
   */
  @Override
  public int evaluationBatchLimit() {
    long n = maxNodes;
    long perGraph;
    if (spline == null) {
      perGraph = n * n * Float.BYTES;
    } else {
      long n1 = spline.graclus() ? Math.max(1, (long) Math.ceil(0.6 * n)) : n;
      perGraph = n1 * n1 * spline.kernelCount() * Float.BYTES;
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, EVALUATION_BATCH_BYTES / perGraph));
  }

  @Override
  public String summary() {
    String nodes =
        features(nodeFeatures) + ", up to " + maxNodes + (maxNodes == 1 ? " node" : " nodes");
    return spline == null ? nodes : nodes + ", " + spline.dimensions() + "-D pseudo-coordinates, "
        + spline.kernelCount() + " spline kernel weights, " + spline.coarsening() + " pooling";
  }

  private static String features(int width) {
    return width + (width == 1 ? " node feature" : " node features");
  }
}
