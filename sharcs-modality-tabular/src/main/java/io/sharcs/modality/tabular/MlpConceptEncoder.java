package io.sharcs.modality.tabular;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import io.sharcs.api.nn.Layers;
import java.util.List;

/** The tabular local concept encoder g_m: an MLP ending in k concept pre-activations. */
final class MlpConceptEncoder {

  private MlpConceptEncoder() {}

  /** Builds {@code Linear -> ReLU -> ... -> Linear(k)} over the given hidden widths, PyTorch-initialised. */
  static SequentialBlock build(int inputs, List<Integer> hidden, int concepts) {
    SequentialBlock mlp = new SequentialBlock();
    int width = inputs;
    for (int units : hidden) {
      mlp.add(Layers.linear(width, units));
      mlp.add(Activation::relu);
      width = units;
    }
    mlp.add(Layers.linear(width, concepts));
    return mlp;
  }
}
