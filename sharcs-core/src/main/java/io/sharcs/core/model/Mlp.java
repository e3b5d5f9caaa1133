package io.sharcs.core.model;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/** Two-layer perceptrons used for the projections h_m and the label predictor f. */
final class Mlp {

  private Mlp() {}

  /** {@code Linear(hidden) -> ReLU -> Linear(out)}. */
  static SequentialBlock twoLayer(int hidden, int out) {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(hidden).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(out).build());
  }
}
