package io.sharcs.modality.graph;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** Builds graph encoders initialised for a batch, and runs them, in tests. */
final class TestEncoders {

  private TestEncoders() {}

  /** {@code block} initialised for {@code batch}. */
  static Block initialised(Block block, NDManager manager, NDList batch) {
    block.initialize(manager, DataType.FLOAT32, batch.getShapes());
    return block;
  }

  /** One forward pass of {@code block} on {@code batch}, as a flat array. */
  static float[] forward(Block block, NDManager manager, NDList batch, boolean training) {
    return block.forward(new ParameterStore(manager, false), batch, training).singletonOrThrow()
        .toFloatArray();
  }
}
