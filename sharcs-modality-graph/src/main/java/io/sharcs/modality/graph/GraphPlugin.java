package io.sharcs.modality.graph;

import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.Preprocessing;
import io.sharcs.api.SampleForm;

/**
 * The graph modality: graphs with node features, encoded by a dense GCN whose nodes each pick
 * one concept through a hard Gumbel-softmax; a graph's local concepts are its per-concept node
 * counts. For the non-concept baselines it also offers a plain embedding encoder (the same GCN,
 * sum-pooled, without the Gumbel-softmax).
 *
 * <p>Sample format: {@code {"x": [[f, ...], ...], "edges": [[src, dst], ...], "pos": [[x, y],
 * ...]}} ({@code x} may be a flat list, one feature per node; {@code pos} is optional). Batches
 * are {@code [x (B, n, F), adj (B, n, n), mask (B, n)]}, padded to the largest graph of the
 * batch, with {@code adj} normalised as PyG's {@code GCNConv} ({@link GraphShape}). Samples are
 * drawn as SVG ({@link GraphRenderer}), nodes coloured by the concept they pick when known.
 */
public final class GraphPlugin implements ModalityPlugin<GraphSample, GraphEncoderConfig> {

  /** The id experiment files use. */
  public static final String ID = "graph";

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
  public void setup(ModalitySetup<GraphSample, GraphEncoderConfig> setup) {
    setup.samples(GraphSample.class, GraphJsonReader::read, SampleForm.JSON);
    setup.options(GraphEncoderConfig.class, GraphEncoderConfig.DEFAULTS);
    setup.encoder(
        Preprocessing.stateless(GraphShape.class, (data, options) -> GraphShape.inspect(data)),
        (options, shape, context) -> new GraphConceptEncoder(options, shape.nodeFeatures(),
            context.outputs(), context.stochasticWhenEvaluating()),
        (options, shape, context) ->
            GraphConceptEncoder.embedding(options, shape.nodeFeatures(), context.outputs()))
        .renderer(new GraphRenderer());
  }
}
