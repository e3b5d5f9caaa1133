package io.sharcs.modality.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * One dense graph convolution followed by a LeakyReLU: {@code H' = LeakyReLU(Â (H Wᵀ) + b)}.
 *
 * <p>Input: {@code [H (B, n, in), Â (B, n, n)]}; output: {@code [H' (B, n, out)]}. This is PyG's
 * {@code GCNConv} (linear map without bias, normalised aggregation, then the bias) on a dense,
 * pre-normalised adjacency. The weight is stored {@code (out, in)} like PyG's {@code lin.weight},
 * starts Glorot-uniform, and the bias starts at zero, PyG's defaults.
 */
final class DenseGcnLayer extends AbstractBlock {

  private static final byte VERSION = 1;

  // Glorot uniform: bound sqrt(6 / (in + out)) = sqrt(3 / ((in + out) / 2)).
  private static final Initializer GLOROT_UNIFORM =
      new XavierInitializer(
          XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f);

  private final int in;
  private final int out;
  private final float negativeSlope;
  private final Parameter weight;
  private final Parameter bias;

  DenseGcnLayer(int in, int out, float negativeSlope) {
    super(VERSION);
    this.in = in;
    this.out = out;
    this.negativeSlope = negativeSlope;
    weight = addParameter(
        Parameter.builder()
            .setName("weight")
            .setType(Parameter.Type.WEIGHT)
            .optShape(new Shape(out, in))
            .optInitializer(GLOROT_UNIFORM)
            .build());
    bias = addParameter(
        Parameter.builder()
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
    NDArray adj = inputs.get(1);
    NDArray w = store.getValue(weight, h.getDevice(), training);
    NDArray b = store.getValue(bias, h.getDevice(), training);
    // Â (H Wᵀ) = (Â H) Wᵀ. Aggregating the narrower side first costs fewer flops, and when that
    // is the input side torch's linear also fuses the bias: one native call and one autograd
    // node less per layer, which counts on the tiny XOR batches.
    NDArray z =
        in <= out
            ? Linear.linear(adj.matMul(h), w, b).singletonOrThrow()
            : adj.matMul(Linear.linear(h, w).singletonOrThrow()).add(b);
    return new NDList(Activation.leakyRelu(z, negativeSlope));
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
      throw new IllegalArgumentException(
          "GCN layer expects node features of width " + in + ", got input shape " + inputShapes[0]);
    }
  }

  @Override
  public String toString() {
    return "DenseGcnLayer(" + in + " -> " + out + ", leaky " + negativeSlope + ")";
  }
}
