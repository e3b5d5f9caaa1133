package io.sharcs.core;

import io.sharcs.core.data.ModalityBinding;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.sharcs.api.ConceptSampling;
import io.sharcs.api.EncoderContext;
import io.sharcs.core.model.SharcsNetwork;
import io.sharcs.core.data.PreparedData;
import java.util.ArrayList;
import java.util.List;

/**
 * Test setup shared by the core's tests: two vector modalities "a" and "b" (encoder hidden width
 * 8) and a small SHARCS network on them (k = 4, steepness 5, projection width 4, predictor width
 * 6, two classes) for inputs of width 5, as {@link TwoViewXorData} makes with two noise columns.
 */
final class TwoVectorModalities {

  static final VectorTestModality VECTOR = new VectorTestModality();

  private TwoVectorModalities() {}

  static List<ModalityBinding> bindings() {
    return List.of(
        new ModalityBinding("a", VECTOR, new VectorTestModality.Config(8)),
        new ModalityBinding("b", VECTOR, new VectorTestModality.Config(8)));
  }

  /** The network, initialised after seeding the engine with {@code seed}. */
  static SharcsNetwork network(PreparedData data, NDManager manager, int seed) {
    Engine.getInstance().setRandomSeed(seed);
    List<Block> encoders = new ArrayList<>();
    for (PreparedData.Slot slot : data.slots()) {
      encoders.add(
          VECTOR.createEncoder(
              slot.encoder(),
              new EncoderContext(4, slot.spec(), ConceptSampling.DETERMINISTIC_IN_EVAL)));
    }
    SharcsNetwork net = new SharcsNetwork(encoders, new int[] {1, 1}, 4, 5.0, 4, 6, 2, true);
    net.initialize(manager, List.of(new Shape[] {new Shape(2, 5)}, new Shape[] {new Shape(2, 5)}));
    return net;
  }
}
