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

/**
 * The graph plugin's {@code spline} encoder, the reference's MNIST-superpixel network (method
 * specification section 2.3): {@code SplineConv(F -> hidden)} and ELU, graclus max-pooling,
 * {@code SplineConv(hidden -> k)} and ELU, a hard Gumbel-softmax per node, graclus max-pooling of
 * the one-hot node concepts, and a sum per graph. The output {@code (B, k)} counts, per concept,
 * the second-level clusters that hold a node of that concept; the core adds the concept
 * normalisation and sigmoid.
 *
 * <p>Input: the arrays of {@link SplineBatcher}. Its two convolutions are the child blocks
 * {@code conv1} and {@code conv2} (DJL names them {@code 01conv1} and {@code 02conv2}, so their
 * parameters are {@code 01conv1_weight}, {@code 01conv1_root}, {@code 01conv1_bias}, ...): the
 * reference trains them with their own learning rate.
 *
 * <p>Evaluation follows the graph plugin's policy ({@link GraphConceptEncoder}): sampling when
 * training or when {@code stochasticWhenEvaluating}, else the expectation of the training-time
 * value: a node contributes {@code softmax(logits)}, and a pooled pair of nodes with
 * probabilities {@code p} and {@code q} the expected maximum of their one-hots, {@code p + q -
 * p q} (the two samples are independent).
 *
 * <p>As a plain embedding encoder ({@link #embedding}, for the non-concept baselines) there is no
 * Gumbel-softmax: the second convolution's ELU outputs are max-pooled and summed into a {@code
 * (B, width)} graph embedding, as the reference's baseline network does.
 */
public final class SplineGraphEncoder extends AbstractBlock implements PartConceptEncoder {

  private static final byte VERSION = 1;

  private final SplineConvLayer conv1;
  private final SplineConvLayer conv2;
  private final int concepts;
  private final float temperature;
  private final boolean stochasticWhenEvaluating;
  private final boolean embedding;

  /**
   * A local concept encoder.
   *
   * @param config the encoder options ({@code spline} and {@code temperature} are used)
   * @param layout the batches' pseudo-coordinate layout ({@link GraphShape#spline()})
   * @param featureWidth F, the node-feature width of the input
   * @param concepts k, the number of concepts
   * @param stochasticWhenEvaluating whether the Gumbel noise is also drawn when not training
   */
  public SplineGraphEncoder(GraphEncoderConfig config, SplineLayout layout, int featureWidth,
      int concepts, boolean stochasticWhenEvaluating) {
    this(config, layout, featureWidth, concepts, stochasticWhenEvaluating, false);
  }

  /** A plain embedding encoder of {@code width} outputs: the same network without Gumbel. */
  public static SplineGraphEncoder embedding(
      GraphEncoderConfig config, SplineLayout layout, int featureWidth, int width) {
    return new SplineGraphEncoder(config, layout, featureWidth, width, false, true);
  }

  private SplineGraphEncoder(GraphEncoderConfig config, SplineLayout layout, int featureWidth,
      int concepts, boolean stochasticWhenEvaluating, boolean embedding) {
    super(VERSION);
    if (featureWidth <= 0 || concepts <= 0) {
      throw new IllegalArgumentException(
          "featureWidth and concepts must be > 0, got " + featureWidth + ", " + concepts);
    }
    int kernels = layout.kernelCount();
    int hidden = config.spline().hidden();
    this.conv1 = addChildBlock("conv1",
        new SplineConvLayer(featureWidth, hidden, kernels, SplineConvLayer.Mode.AGGREGATED));
    this.conv2 = addChildBlock("conv2",
        new SplineConvLayer(hidden, concepts, kernels, SplineConvLayer.Mode.STRUCTURE));
    this.concepts = concepts;
    this.temperature = (float) config.temperature();
    this.stochasticWhenEvaluating = stochasticWhenEvaluating;
    this.embedding = embedding;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    requireBatch(inputs);
    NDArray logits = nodeLogits(store, inputs, training, params);
    NDArray a = inputs.get(SplineBatcher.POOL2A);
    NDArray b = inputs.get(SplineBatcher.POOL2B);
    NDArray pooled;
    if (embedding) {
      pooled = a.matMul(logits).maximum(b.matMul(logits));
    } else if (training || stochasticWhenEvaluating) {
      NDArray nodes = HardGumbelSoftmax.sample(logits, temperature);
      pooled = a.matMul(nodes).maximum(b.matMul(nodes));
    } else {
      NDArray p = HardGumbelSoftmax.softmax(logits, 1f);
      NDArray first = a.matMul(p);
      NDArray second = b.matMul(p);
      // E[max] of two independent one-hots is p + q - p q; a single node (pair2 = 0) keeps p.
      NDArray pairs = inputs.get(SplineBatcher.PAIR2);
      pooled = first.add(second.sub(first.mul(second)).mul(pairs));
    }
    // Padded clusters have zero selection rows, so they add nothing to the sum.
    return new NDList(pooled.sum(new int[] {1}));
  }

  /** The second convolution's per-node outputs {@code (B, n1, k)} on the coarsened graph. */
  private NDArray nodeLogits(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray h = conv1.forward(store,
        new NDList(inputs.get(SplineBatcher.X), inputs.get(SplineBatcher.AGG0)), training, params)
        .singletonOrThrow();
    NDArray pooled = inputs.get(SplineBatcher.POOL1A).matMul(h)
        .maximum(inputs.get(SplineBatcher.POOL1B).matMul(h));
    return conv2.forward(store, new NDList(pooled, inputs.get(SplineBatcher.ADJ1)), training,
        params).singletonOrThrow();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: each input node gets the concept of the first-level cluster it belongs to (the node
   * of the coarsened graph whose logits pick the concept), the argmax of that node's logits (ties
   * to the lowest index); the convolutions run in evaluation mode.
   *
   * @throws IllegalStateException for a plain embedding encoder, which has no concepts
   */
  @Override
  public int[][] partConcepts(ParameterStore parameters, NDList inputs) {
    if (embedding) {
      throw new IllegalStateException("a plain graph embedding encoder has no per-node concepts");
    }
    requireBatch(inputs);
    Shape poolShape = inputs.get(SplineBatcher.POOL1A).getShape();
    int graphs = (int) poolShape.get(0);
    int clusters = (int) poolShape.get(1);
    int nodes = (int) poolShape.get(2);
    long[] picked;
    float[] pool;
    float[] mask;
    // Every intermediate array lives in this scratch manager, closed before returning.
    try (NDManager scratch = inputs.head().getManager().newSubManager()) {
      NDList local = new NDList(inputs.size());
      for (NDArray array : inputs) {
        local.add(array.duplicate());
      }
      local.attach(scratch);
      picked = nodeLogits(parameters, local, false, null).argMax(2).toLongArray();
      pool = local.get(SplineBatcher.POOL1A).add(local.get(SplineBatcher.POOL1B)).toFloatArray();
      mask = local.get(SplineBatcher.MASK0).toFloatArray();
    }
    int[][] out = new int[graphs][nodes];
    for (int g = 0; g < graphs; g++) {
      java.util.Arrays.fill(out[g], -1);
      for (int c = 0; c < clusters; c++) {
        int concept = (int) picked[g * clusters + c];
        for (int v = 0; v < nodes; v++) {
          if (pool[(g * clusters + c) * nodes + v] > 0 && mask[g * nodes + v] > 0) {
            out[g][v] = concept;
          }
        }
      }
    }
    return out;
  }

  private static void requireBatch(NDList inputs) {
    if (inputs.size() != SplineBatcher.ARRAYS) {
      throw new IllegalArgumentException("spline graph encoder expects the "
          + SplineBatcher.ARRAYS + " arrays of a spline batch from GraphPlugin.batch, got "
          + inputs.size() + " arrays");
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[SplineBatcher.X].get(0), concepts)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    Shape x = inputs[SplineBatcher.X];
    conv1.initialize(manager, dataType, x, inputs[SplineBatcher.AGG0]);
    Shape pool1 = inputs[SplineBatcher.POOL1A];
    Shape pooled = new Shape(x.get(0), pool1.get(1), conv1.outputs());
    conv2.initialize(manager, dataType, pooled, inputs[SplineBatcher.ADJ1]);
  }

  /** k, the number of concepts per graph (or the embedding width). */
  public int concepts() {
    return concepts;
  }

  /** Whether this is a plain embedding encoder rather than a concept encoder. */
  public boolean isEmbedding() {
    return embedding;
  }
}
