package io.sharcs.core.model;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import io.sharcs.api.nn.Layers;

/** Two-layer perceptrons used for the projections h_m and the label predictor f. */
final class Mlp {

  private Mlp() {}

  /** {@code Linear(in -> hidden) -> ReLU -> Linear(hidden -> out)}, PyTorch's initialisation. */
  static SequentialBlock twoLayer(int in, int hidden, int out) {
    return new SequentialBlock()
        .add(Layers.linear(in, hidden))
        .add(Activation::relu)
        .add(Layers.linear(hidden, out));
  }
}
