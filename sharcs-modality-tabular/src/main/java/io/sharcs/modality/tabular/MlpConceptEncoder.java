package io.sharcs.modality.tabular;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;

/** The tabular local concept encoder g_m: an MLP ending in k concept pre-activations. */
final class MlpConceptEncoder {

  private MlpConceptEncoder() {}

  /** Builds {@code Linear -> ReLU -> ... -> Linear(k)} over the given hidden widths. */
  static SequentialBlock build(List<Integer> hidden, int concepts) {
    SequentialBlock mlp = new SequentialBlock();
    for (int width : hidden) {
      mlp.add(Linear.builder().setUnits(width).build());
      mlp.add(Activation::relu);
    }
    mlp.add(Linear.builder().setUnits(concepts).build());
    return mlp;
  }
}
