package io.sharcs.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The shared concept space: the projections h_m(c_m) of all modalities are stacked along the
 * batch axis, normalised by <em>one</em> batch norm and passed through the steep sigmoid, then
 * split back per modality. Sharing the normalisation statistics is what places every modality in
 * the same space.
 *
 * <p>Input: N arrays of shape (B, k), one per modality. Output: N arrays of shape (B, k), the
 * shared concepts s_m, followed by the stacked (N*B, k) array they were split from.
 */
public final class SharedConceptSpace extends AbstractBlock {

  private static final byte VERSION = 1;
  private final ConceptLayer joint;

  /** @param steepness a in sigmoid(a * x) */
  public SharedConceptSpace(double steepness) {
    super(VERSION);
    this.joint = addChildBlock("joint", new ConceptLayer(steepness));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList projections, boolean training, PairList<String, Object> params) {
    NDArray stacked = projections.size() == 1 ? projections.head() : NDArrays.concat(projections, 0);
    NDArray shared = joint.forward(ps, new NDList(stacked), training).singletonOrThrow();
    NDList out = projections.size() == 1 ? new NDList(shared) : shared.split(projections.size(), 0);
    out.add(shared);
    return out;
  }

  /**
   * The shared concepts of one modality alone. Only valid in evaluation mode, where the batch
   * norm uses its running statistics and so does not depend on the other modalities' rows.
   */
  public NDArray evalSingle(ParameterStore ps, NDArray projection) {
    return joint.forward(ps, new NDList(projection), false).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] out = new Shape[inputShapes.length + 1];
    System.arraycopy(inputShapes, 0, out, 0, inputShapes.length);
    Shape first = inputShapes[0];
    out[inputShapes.length] = new Shape(first.get(0) * inputShapes.length, first.get(1));
    return out;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    joint.initialize(manager, dataType, inputShapes[0]);
  }
}
