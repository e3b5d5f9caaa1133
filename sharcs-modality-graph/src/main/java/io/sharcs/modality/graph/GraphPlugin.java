package io.sharcs.modality.graph;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InputSpec;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import java.util.List;

/**
 * The graph modality: graphs with node features, encoded by a dense GCN whose nodes each pick
 * one concept through a hard Gumbel-softmax; a graph's local concepts are its per-concept node
 * counts.
 *
 * <p>Sample format: {@code {"x": [[f, ...], ...], "edges": [[src, dst], ...], "pos": [[x, y],
 * ...]}} ({@code x} may be a flat list, one feature per node; {@code pos} is optional). Batches
 * are {@code [x (B, n, F), adj (B, n, n), mask (B, n)]}, padded to the largest graph of the
 * batch, with {@code adj} normalised as PyG's {@code GCNConv}.
 */
public final class GraphPlugin implements ModalityPlugin<GraphSample> {

  /** The id experiment files use. */
  public static final String ID = "graph";

  /** Cheap: touches no engine. */
  public GraphPlugin() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "graphs with node features: dense GCN, per-node hard Gumbel-softmax concepts, "
        + "sum-pooled node counts";
  }

  @Override
  public Class<GraphSample> sampleType() {
    return GraphSample.class;
  }

  @Override
  public Class<GraphEncoderConfig> encoderConfigType() {
    return GraphEncoderConfig.class;
  }

  @Override
  public GraphEncoderConfig defaultEncoderConfig() {
    return GraphEncoderConfig.DEFAULTS;
  }

  @Override
  public GraphSample readSample(JsonNode node, String where) {
    return GraphJsonReader.read(node, where);
  }

  @Override
  public InputSpec inspect(List<? extends GraphSample> samples, List<String> ids, String where) {
    if (samples.isEmpty()) {
      throw new InvalidInputException(where + ": found no graphs, expected at least one");
    }
    if (ids.size() != samples.size()) {
      throw new IllegalArgumentException(
          "got " + ids.size() + " ids for " + samples.size() + " samples");
    }
    int width = -1;
    String widthSource = null;
    int maxNodes = 0;
    for (int i = 0; i < samples.size(); i++) {
      String sampleWhere = where + " sample " + ids.get(i);
      GraphSample graph = samples.get(i);
      int sampleWidth = GraphValidator.check(graph, sampleWhere);
      if (width < 0) {
        width = sampleWidth;
        widthSource = ids.get(i);
      } else if (sampleWidth != width) {
        throw new InvalidInputException(sampleWhere + ": found " + features(sampleWidth)
            + ", expected " + width + " like sample " + widthSource);
      }
      maxNodes = Math.max(maxNodes, graph.nodeCount());
    }
    String summary =
        features(width) + ", up to " + maxNodes + (maxNodes == 1 ? " node" : " nodes");
    return new InputSpec(width, maxNodes, summary);
  }

  @Override
  public NDList batch(List<? extends GraphSample> samples, InputSpec spec, NDManager manager) {
    return DenseGraphBatcher.batch(samples, spec.featureWidth(), manager);
  }

  @Override
  public Block createEncoder(EncoderConfig config, EncoderContext context) {
    GraphEncoderConfig graphConfig = expectConfig(config, GraphEncoderConfig.class);
    return new GraphConceptEncoder(
        graphConfig,
        context.input().featureWidth(),
        context.concepts(),
        context.sampling(),
        context.purpose());
  }

  private static String features(int width) {
    return width + (width == 1 ? " node feature" : " node features");
  }
}
