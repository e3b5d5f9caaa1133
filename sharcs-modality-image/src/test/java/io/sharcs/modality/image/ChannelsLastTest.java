package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelsLastTest {

  @Test
  void keepsTheShapeAndEveryValueAtItsIndex() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.arange(2 * 3 * 4 * 5).toType(DataType.FLOAT32, false).reshape(2, 3, 4, 5);
      NDArray last = ChannelsLast.of(x);
      assertThat(last.getShape()).isEqualTo(new Shape(2, 3, 4, 5));
      assertThat(last.toFloatArray()).containsExactly(x.toFloatArray());
      assertThat(last.get("1, 2, 3, 4").getFloat()).isEqualTo(x.get("1, 2, 3, 4").getFloat());
    }
  }

  @Test
  void refusesAnythingButABatchOfImages() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> ChannelsLast.of(m.zeros(new Shape(2, 3, 4))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(2, 3, 4)");
    }
  }

  /**
   * The encoder's convolution stack (which runs channels-last) against the same blocks run on the
   * default layout: the same feature map and the same parameter gradients, to rounding. Covers a
   * width that is not a multiple of 16 behind a trained layer, where the stack pads filters
   * ({@link GradientSafeConvolution}).
   */
  @Test
  void theConvolutionStackComputesWhatItComputesInTheDefaultLayout() {
    ImageEncoderConfig config =
        new ImageEncoderConfig(24, 20, 3, List.of(), List.of(), List.of(8, 12, 16), 3, "max",
            true, 0.0, "max", List.of(), 0.0, false, null, false,
            AutoencoderPretrainingConfig.NONE);
    Engine.getInstance().setRandomSeed(3);
    try (NDManager m = NDManager.newBaseManager()) {
      Shape shape = new Shape(6, 3, 20, 24);
      ImageConceptEncoder encoder = new ImageConceptEncoder(config, 5, null);
      encoder.initialize(m, DataType.FLOAT32, shape);
      NDArray images = m.randomNormal(shape);
      ParameterStore store = new ParameterStore(m, false);

      Run channelsLast = run(encoder, store, images, true);
      Run plain = run(encoder, store, images, false);

      assertClose(channelsLast.map(), plain.map());
      for (int p = 0; p < plain.gradients().size(); p++) {
        assertClose(channelsLast.gradients().get(p), plain.gradients().get(p));
      }
    }
  }

  private record Run(float[] map, List<float[]> gradients) {}

  private static Run run(
      ImageConceptEncoder encoder, ParameterStore store, NDArray images, boolean asEncoder) {
    var parameters =
        encoder.convParameters().stream().filter(p -> p.requiresGradient()).toList();
    float[] map;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray y;
      if (asEncoder) {
        y = encoder.featureMap(store, new NDList(images), true, null).singletonOrThrow();
      } else {
        // The same blocks on the default layout, as the encoder ran them before.
        NDList h = new NDList(images);
        for (var block : encoder.getChildren().values()) {
          if (!(block instanceof ai.djl.nn.SequentialBlock)) {
            break;
          }
          h = block.forward(store, h, true);
        }
        y = h.singletonOrThrow();
      }
      map = y.toFloatArray();
      gc.backward(y.square().sum());
    }
    List<float[]> gradients =
        parameters.stream()
            .map(p -> p.getArray().getGradient().toFloatArray())
            .toList();
    // The next run starts from zero gradients.
    parameters.forEach(p -> p.getArray().getGradient().subi(p.getArray().getGradient()));
    return new Run(map, gradients);
  }

  private static void assertClose(float[] actual, float[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < actual.length; i++) {
      assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-4 * (1 + scale)));
    }
  }
}
