package io.sharcs.modality.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * One SplineConv (PyG's {@code SplineConv} with degree-1 open B-splines, mean aggregation, root
 * weight and bias) followed by an ELU, on a dense batch whose spline aggregation was
 * precomputed by {@link SplineBatcher}.
 *
 * <p>With {@code W} the {@code (K, in, out)} kernel weights, {@code R} the {@code (in, out)} root
 * weight and {@code b} the bias, node {@code t}'s output is {@code ELU(1/indeg(t) sum_{s -> t}
 * sum_k basis_k(e) x_s W_k + x_t R + b)}. Two input forms:
 *
 * <ul>
 *   <li>{@link Mode#AGGREGATED}: {@code [x (B, n, in), agg (B, n, K in)]} with the aggregation
 *       of the (constant) input already done: {@code agg W'} with {@code W'} the {@code (K in,
 *       out)} reshaped weight, one matrix product;
 *   <li>{@link Mode#STRUCTURE}: {@code [h (B, n, in), adj (B, n, n K)]}: first {@code h W''} with
 *       {@code W''} the {@code (in, K out)} rearranged weight, then {@code adj} times that as
 *       {@code (B, n K, out)}. Transforming before aggregating costs {@code n K out} per node
 *       instead of {@code n K in}, less when the layer narrows (32 to 12 in the reference).
 * </ul>
 *
 * <p>Initialisation as PyG's {@code SplineConv.reset_parameters}: {@code W} uniform in {@code
 * +-1/sqrt(K in)}, the root weight (PyG's {@code Linear(in, out, weight_initializer='uniform')})
 * uniform in {@code +-1/sqrt(in)}, the bias zero.
 */
final class SplineConvLayer extends AbstractBlock {

  private static final byte VERSION = 1;

  /** How the aggregation reaches the layer. */
  enum Mode {
    /** The input is data: its aggregation {@code (B, n, K in)} comes with the batch. */
    AGGREGATED,
    /** The input is computed: the batch brings the aggregation matrix {@code (B, n, n K)}. */
    STRUCTURE
  }

  private final int in;
  private final int out;
  private final int kernels;
  private final Mode mode;
  private final Parameter weight;
  private final Parameter root;
  private final Parameter bias;

  SplineConvLayer(int in, int out, int kernels, Mode mode) {
    super(VERSION);
    if (in <= 0 || out <= 0 || kernels <= 0) {
      throw new IllegalArgumentException(
          "in, out and kernels must be > 0, got " + in + ", " + out + ", " + kernels);
    }
    this.in = in;
    this.out = out;
    this.kernels = kernels;
    this.mode = mode;
    weight = addParameter(Parameter.builder()
        .setName("weight")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(kernels, in, out))
        .optInitializer(new UniformInitializer((float) (1 / Math.sqrt((double) kernels * in))))
        .build());
    root = addParameter(Parameter.builder()
        .setName("root")
        .setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(in, out))
        .optInitializer(new UniformInitializer((float) (1 / Math.sqrt(in))))
        .build());
    bias = addParameter(Parameter.builder()
        .setName("bias")
        .setType(Parameter.Type.BIAS)
        .optShape(new Shape(out))
        .optInitializer(Initializer.ZEROS)
        .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray h = inputs.get(0);
    NDArray structure = inputs.get(1);
    NDArray w = store.getValue(weight, h.getDevice(), training);
    NDArray r = store.getValue(root, h.getDevice(), training);
    NDArray b = store.getValue(bias, h.getDevice(), training);
    Shape hs = h.getShape();
    long batch = hs.get(0);
    long nodes = hs.get(1);
    NDArray aggregated;
    if (mode == Mode.AGGREGATED) {
      // (B, n, K in) x (K in, out): the row index k * in + f matches W's (k, f).
      aggregated = structure.matMul(local(w.reshape(kernels * (long) in, out), h));
    } else {
      // (B, n, in) x (in, K out) -> (B, n K, out); row s K + k matches adj's column s K + k.
      NDArray transposed = local(w.transpose(1, 0, 2), h);
      NDArray perKernel = local(transposed.reshape(in, kernels * (long) out), h);
      NDArray transformed = h.matMul(perKernel).reshape(batch, nodes * kernels, out);
      aggregated = structure.matMul(transformed);
    }
    NDArray z = aggregated.add(h.matMul(r)).add(b);
    return new NDList(Activation.elu(z, 1f));
  }

  /**
   * {@code derived} (computed from a parameter, so DJL attached it to the parameter's manager,
   * which lives as long as the model) moved to the batch's manager, to be freed with the batch:
   * left where it was, every forward pass kept its reshaped weights until the run ended (2.4 GB
   * over a 60,000-digit run).
   */
  private static NDArray local(NDArray derived, NDArray batch) {
    derived.attach(batch.getManager());
    return derived;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape h = inputShapes[0];
    return new Shape[] {new Shape(h.get(0), h.get(1), out)};
  }

  @Override
  protected void beforeInitialize(Shape... inputShapes) {
    super.beforeInitialize(inputShapes);
    long width = inputShapes[0].get(inputShapes[0].dimension() - 1);
    if (width != in) {
      throw new IllegalArgumentException("SplineConv expects node features of width " + in
          + ", got input shape " + inputShapes[0]);
    }
  }

  /** The input width. */
  int inputs() {
    return in;
  }

  /** The output width. */
  int outputs() {
    return out;
  }

  @Override
  public String toString() {
    return "SplineConv(" + in + " -> " + out + ", " + kernels + " kernels, " + mode + ", ELU)";
  }
}
