package io.sharcs.modality.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.sharcs.api.PartConceptEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The local concept encoder of the graph modality: a stack of dense GCN layers ending in k
 * logits per node, a hard Gumbel-softmax that turns every node into one concept, and a masked
 * sum over nodes. The output {@code (B, k)} holds per-concept node counts; the core adds the
 * concept normalisation and sigmoid.
 *
 * <p>As a plain embedding encoder ({@link #embedding}, for the non-concept baselines) there is
 * no Gumbel-softmax: the last layer's LeakyReLU'd node outputs are sum-pooled
 * into a {@code (B, k)} graph embedding, as the reference's baseline GCN does.
 *
 * <p>Input: the {@link NDList} made by {@link GraphShape#batch}, {@code [x (B, n, F), Â (B, n,
 * n), mask (B, n)]}.
 */
public final class GraphConceptEncoder extends AbstractBlock implements PartConceptEncoder {

  private static final byte VERSION = 1;

  private final List<DenseGcnLayer> layers = new ArrayList<>();
  private final int concepts;
  private final float temperature;
  private final boolean stochasticWhenEvaluating;
  private final boolean embedding;

  /**
   * A local concept encoder: per-node hard Gumbel-softmax concepts, summed per graph.
   *
   * @param config layer count, width, LeakyReLU slope and Gumbel temperature
   * @param featureWidth F, the node-feature width of the input
   * @param concepts k, the number of concepts (the width of the last layer)
   * @param stochasticWhenEvaluating whether the Gumbel noise is also drawn when not training
   */
  public GraphConceptEncoder(
      GraphEncoderConfig config, int featureWidth, int concepts,
      boolean stochasticWhenEvaluating) {
    this(config, featureWidth, concepts, stochasticWhenEvaluating, false);
  }

  /**
   * A plain embedding encoder: the same GCN without the Gumbel-softmax, its last layer's node
   * outputs sum-pooled into a {@code (B, width)} graph embedding.
   */
  public static GraphConceptEncoder embedding(
      GraphEncoderConfig config, int featureWidth, int width) {
    return new GraphConceptEncoder(config, featureWidth, width, false, true);
  }

  private GraphConceptEncoder(
      GraphEncoderConfig config,
      int featureWidth,
      int concepts,
      boolean stochasticWhenEvaluating,
      boolean embedding) {
    super(VERSION);
    if (featureWidth <= 0 || concepts <= 0) {
      throw new IllegalArgumentException(
          "featureWidth and concepts must be > 0, got " + featureWidth + ", " + concepts);
    }
    this.concepts = concepts;
    this.temperature = (float) config.temperature();
    this.stochasticWhenEvaluating = stochasticWhenEvaluating;
    this.embedding = embedding;
    int in = featureWidth;
    for (int i = 0; i < config.layers(); i++) {
      int out = i == config.layers() - 1 ? concepts : config.hidden();
      layers.add(addChildBlock("gcn", new DenseGcnLayer(in, out, (float) config.negativeSlope())));
      in = out;
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    if (inputs.size() != 3) {
      throw new IllegalArgumentException("graph encoder expects [x, adj, mask] from"
          + " GraphPlugin.batch, got " + inputs.size() + " arrays");
    }
    NDArray mask = inputs.get(DenseGraphBatcher.MASK);
    NDArray h = nodeLogits(store, inputs, training, params);
    // Deterministic evaluation takes the expectation of the training-time sample: the hard
    // Gumbel-max sample is one-hot with probabilities softmax(logits) (whatever the temperature),
    // so the expected node concept is that softmax and the graph gets expected counts. They are
    // what the batch-norm running statistics were averaged over; the argmax (the mode) is biased
    // against them and measured worse (docs/decisions.md).
    NDArray nodeValues;
    if (embedding) {
      nodeValues = h;
    } else {
      nodeValues =
          training || stochasticWhenEvaluating
              ? HardGumbelSoftmax.sample(h, temperature)
              : HardGumbelSoftmax.softmax(h, 1f);
    }
    // (B, 1, n) x (B, n, k): padded nodes have mask 0, so they add nothing to the sums.
    return new NDList(mask.expandDims(1).matMul(nodeValues).squeeze(1));
  }

  /** The last GCN layer's per-node outputs {@code (B, n, k)}: concept logits, or the embedding. */
  private NDArray nodeLogits(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray adj = inputs.get(DenseGraphBatcher.ADJ);
    NDArray h = inputs.get(DenseGraphBatcher.X);
    for (DenseGcnLayer layer : layers) {
      h = layer.forward(store, new NDList(h, adj), training, params).singletonOrThrow();
    }
    return h;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: the concept whose logit is largest at each node (ties to the lowest index), the
   * mode of the node's hard Gumbel-softmax and the argmax of the softmax that deterministic
   * evaluation counts; the layers run in evaluation mode.
   *
   * @throws IllegalStateException for a plain embedding encoder, which has no concepts
   */
  @Override
  public int[][] partConcepts(ParameterStore parameters, NDList inputs) {
    if (embedding) {
      throw new IllegalStateException("a plain graph embedding encoder has no per-node concepts");
    }
    if (inputs.size() != 3) {
      throw new IllegalArgumentException("graph encoder expects [x, adj, mask] from"
          + " GraphPlugin.batch, got " + inputs.size() + " arrays");
    }
    Shape shape = inputs.get(DenseGraphBatcher.MASK).getShape();
    int graphs = (int) shape.get(0);
    int nodes = (int) shape.get(1);
    long[] picked;
    float[] mask;
    // Every intermediate array lives in this scratch manager, closed before returning.
    try (NDManager scratch = inputs.head().getManager().newSubManager()) {
      NDList local = new NDList(inputs.size());
      for (NDArray a : inputs) {
        local.add(a.duplicate());
      }
      local.attach(scratch);
      picked = nodeLogits(parameters, local, false, null).argMax(2).toLongArray();
      mask = local.get(DenseGraphBatcher.MASK).toFloatArray();
    }
    int[][] out = new int[graphs][nodes];
    for (int g = 0; g < graphs; g++) {
      for (int v = 0; v < nodes; v++) {
        int i = g * nodes + v;
        out[g][v] = mask[i] > 0 ? (int) picked[i] : -1;
      }
    }
    return out;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[DenseGraphBatcher.X].get(0), concepts)};
  }

  @Override
  protected void initializeChildBlocks(
      NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape h = inputShapes[DenseGraphBatcher.X];
    Shape adj = inputShapes[DenseGraphBatcher.ADJ];
    for (DenseGcnLayer layer : layers) {
      layer.initialize(manager, dataType, h, adj);
      h = layer.getOutputShapes(new Shape[] {h, adj})[0];
    }
  }

  /** k, the number of concepts per graph. */
  public int concepts() {
    return concepts;
  }

  /** Whether this is a plain embedding encoder rather than a concept encoder. */
  public boolean isEmbedding() {
    return embedding;
  }

  /** Whether the Gumbel noise is also drawn when not training. */
  public boolean stochasticWhenEvaluating() {
    return stochasticWhenEvaluating;
  }
}
