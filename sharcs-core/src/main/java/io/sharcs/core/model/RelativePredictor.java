package io.sharcs.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.sharcs.api.nn.Layers;
import io.sharcs.api.nn.Tensors;
import java.util.List;

/**
 * The anchors baseline's predictor (the reference's {@code PredModel}): {@code Linear(N*n ->
 * 6n), ReLU, Linear(6n -> C)} on the concatenated relative representations of the N modalities
 * (n anchors each), trained with the task loss.
 */
public final class RelativePredictor {

  private static final int EVAL_CHUNK = 4096;

  private final SequentialBlock mlp;
  private final NDManager manager;
  private final ParameterStore parameters;

  /**
   * @param inputs N * n
   * @param anchors n (the hidden width is 6n)
   * @param classes C
   */
  public RelativePredictor(int inputs, int anchors, int classes, NDManager manager) {
    this.mlp = Layers.mlp(inputs, List.of(6 * anchors), classes);
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
    mlp.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
  }

  /** The block, for saving. */
  public SequentialBlock block() {
    return mlp;
  }

  /** The logits of a batch of concatenated relative vectors (rows, N*n). */
  public NDArray logits(ParameterStore ps, NDArray features, boolean training) {
    return mlp.forward(ps, new NDList(features), training).head();
  }

  /** The class (argmax) per row of {@code features}. */
  public int[] predict(float[][] features) {
    int[] out = new int[features.length];
    for (int from = 0; from < features.length; from += EVAL_CHUNK) {
      int to = Math.min(features.length, from + EVAL_CHUNK);
      float[][] part = java.util.Arrays.copyOfRange(features, from, to);
      try (NDManager sub = manager.newSubManager()) {
        NDArray logits = mlp.forward(parameters, new NDList(Tensors.create(sub, part)), false).head();
        long[] argmax = logits.argMax(1).toLongArray();
        for (int i = 0; i < argmax.length; i++) {
          out[from + i] = (int) argmax[i];
        }
      }
    }
    return out;
  }
}
