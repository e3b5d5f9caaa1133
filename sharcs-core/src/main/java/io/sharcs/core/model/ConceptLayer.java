package io.sharcs.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.sharcs.api.nn.Tensors;

/**
 * The concept layer: batch normalisation without learnable scale or shift, then a steep sigmoid,
 * {@code sigmoid(a * BN(x))}. It turns pre-activations into soft concepts in (0, 1); a concept is
 * "on" when its value exceeds 0.5.
 *
 * <p>Batch-norm settings are PyTorch's defaults (momentum 0.1, eps 1e-5), as in the reference:
 * DJL's momentum 0.9 is the weight of the old running statistic.
 */
public final class ConceptLayer extends AbstractBlock {

  private static final byte VERSION = 1;
  private static final float MOMENTUM = 0.9f;
  private static final float EPSILON = 1e-5f;
  private final BatchNorm norm;
  private final float steepness;

  /**
   * @param steepness a in sigmoid(a * x); the reference uses 5 (XOR, CLEVR) or 2 (MNIST)
   */
  public ConceptLayer(double steepness) {
    super(VERSION);
    this.steepness = (float) steepness;
    this.norm =
        addChildBlock(
            "norm",
            BatchNorm.builder()
                .optCenter(false)
                .optScale(false)
                .optMomentum(MOMENTUM)
                .optEpsilon(EPSILON)
                .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    // The block's own forward would normalise along axis 1 by swapping axes 1 and 1 and back:
    // two transposes and two backward nodes per pass that change nothing. For (batch, concepts)
    // the last axis is that axis, and DJL hands axis -1 to torch's batch_norm as it is.
    NDArray x = inputs.singletonOrThrow();
    PairList<String, Parameter> p = norm.getDirectParameters();
    Device device = x.getDevice();
    NDArray normalised =
        BatchNorm.batchNorm(
                x,
                ps.getValue(p.get("runningMean"), device, training),
                ps.getValue(p.get("runningVar"), device, training),
                ps.getValue(p.get("gamma"), device, training),
                ps.getValue(p.get("beta"), device, training),
                -1,
                MOMENTUM,
                EPSILON,
                training)
            .singletonOrThrow();
    NDArray a = Tensors.scalar(normalised.getManager(), steepness);
    return new NDList(Activation.sigmoid(normalised.mul(a)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    norm.initialize(manager, dataType, inputShapes);
  }
}
