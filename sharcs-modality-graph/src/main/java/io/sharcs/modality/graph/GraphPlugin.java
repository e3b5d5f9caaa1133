package io.sharcs.modality.graph;

import ai.djl.nn.Block;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.Preprocessing;
import io.sharcs.api.SampleForm;

/**
 * The graph modality: graphs with node features, encoded by a graph network whose nodes each
 * pick one concept through a hard Gumbel-softmax; a graph's local concepts are its per-concept
 * node counts. Two architectures ({@link GraphEncoderConfig#architecture()}): a dense GCN (the
 * default, {@link GraphConceptEncoder}) and a SplineConv network with graclus pooling over the
 * edges' pseudo-coordinates ({@link SplineGraphEncoder}). For the non-concept baselines it also
 * offers a plain embedding encoder (the same network, sum-pooled, without the Gumbel-softmax).
 *
 * <p>Sample format: {@code {"x": [[f, ...], ...], "edges": [[src, dst], ...], "pos": [[x, y],
 * ...], "edge_attr": [[u, v], ...]}} ({@code x} may be a flat list, one feature per node; {@code
 * pos} and {@code edge_attr} are optional). Batches are padded to the largest graph of the batch
 * ({@link GraphShape}). Samples are drawn as SVG ({@link GraphRenderer}), nodes coloured by the
 * concept they pick when known.
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
        Preprocessing.stateless(GraphShape.class, GraphShape::inspect),
        (options, shape, context) -> encoder(options, shape, context, false),
        (options, shape, context) -> encoder(options, shape, context, true))
        .renderer(new GraphRenderer());
  }

  /**
   * The encoder the options ask for, reading the batches of {@code shape}.
   *
   * @throws IllegalArgumentException when the preprocessing was made for the other architecture
   *     (a saved model whose options were changed)
   */
  static Block encoder(
      GraphEncoderConfig options, GraphShape shape, EncoderContext context, boolean embedding) {
    if (options.usesSpline() != (shape.spline() != null)) {
      throw new IllegalArgumentException("graph encoder architecture '" + options.architecture()
          + "' but the preprocessing batches for " + (shape.spline() != null ? "spline" : "gcn")
          + " (build the encoder for the preprocessing of fit())");
    }
    if (options.usesSpline()) {
      return embedding
          ? SplineGraphEncoder.embedding(
              options, shape.spline(), shape.nodeFeatures(), context.outputs())
          : new SplineGraphEncoder(options, shape.spline(), shape.nodeFeatures(),
              context.outputs(), context.stochasticWhenEvaluating());
    }
    return embedding
        ? GraphConceptEncoder.embedding(options, shape.nodeFeatures(), context.outputs())
        : new GraphConceptEncoder(options, shape.nodeFeatures(), context.outputs(),
            context.stochasticWhenEvaluating());
  }
}
