package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.nn.Tensors;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageConceptEncoderTest {

  private static final int K = 5;

  static ImageEncoderConfig small(
      int channels, List<Integer> conv, String pool, boolean batchNorm, double slope,
      String global, List<Integer> hidden, double dropout) {
    return new ImageEncoderConfig(
        16, 12, channels, List.of(), List.of(), conv, 3, pool, batchNorm, slope, global, hidden,
        dropout, false, null, false, null);
  }

  static NDArray randomImages(NDManager manager, int batch, int channels, int h, int w, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[batch * channels * h * w];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    return Tensors.create(manager, data, new Shape(batch, channels, h, w));
  }

  private Block encoder(ImageEncoderConfig config, NDManager manager, Shape input) {
    Block block = TestImages.fitted(config).conceptEncoder(EncoderContext.of(K));
    block.initialize(manager, DataType.FLOAT32, input);
    return block;
  }

  private static float[] forward(Block block, NDManager manager, NDArray x, boolean training) {
    return block.forward(new ParameterStore(manager, false), new NDList(x), training)
        .singletonOrThrow().toFloatArray();
  }

  @Test
  void defaultEncoderMapsABatchToKConceptPreActivations() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(1);
      NDArray x = randomImages(manager, 6, 3, 48, 48, 1);
      Block block = encoder(ImageEncoderConfig.DEFAULTS, manager, x.getShape());

      for (boolean training : new boolean[] {true, false}) {
        NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), training)
            .singletonOrThrow();
        assertThat(out.getShape()).isEqualTo(new Shape(6, K));
        for (float v : out.toFloatArray()) {
          assertThat(Float.isFinite(v)).isTrue();
        }
      }
      assertThat(block.getOutputShapes(new Shape[] {x.getShape()})[0])
          .isEqualTo(new Shape(6, K));
      // 3 conv blocks x (conv weight, bias, bn gamma, beta, running mean, var) + linear 32 -> k.
      assertThat(block.getParameters().size()).isEqualTo(3 * 6 + 2);
      assertThat(block.getParameters().get("05mlp_01Linear_weight").getArray().getShape())
          .isEqualTo(new Shape(K, 32));
    }
  }

  /**
   * With horizontal_flip, each training image is used as it is or mirrored, chosen per image
   * (both happen), and evaluation never mirrors.
   */
  @Test
  void horizontalFlipMirrorsSomeTrainingImagesAndNoEvaluationImage() {
    ImageEncoderConfig plain = small(3, List.of(4), "max", false, 0.0, "avg", List.of(), 0.0);
    ImageEncoderConfig flipping = new ImageEncoderConfig(
        plain.width(), plain.height(), 3, List.of(), List.of(), plain.convChannels(), 3, "max",
        false, 0.0, "avg", List.of(), 0.0, true, null, false, null);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(11);
      NDArray one = randomImages(manager, 1, 3, 12, 16, 4);
      NDArray batch = one.repeat(0, 8);
      Block block = encoder(flipping, manager, batch.getShape());
      // Without batch norm or dropout the evaluation pass is the same function of each image.
      float[] asIs = forward(block, manager, one, false);
      float[] mirrored = forward(block, manager, one.flip(3), false);
      assertThat(maxDifference(asIs, mirrored)).as("the image is not symmetric").isGreaterThan(1e-3f);

      assertThat(forward(block, manager, batch, false))
          .containsExactly(repeat(asIs, 8), within(1e-6f));
      int kept = 0;
      int flipped = 0;
      for (int pass = 0; pass < 5; pass++) {
        float[] out = forward(block, manager, batch, true);
        for (int i = 0; i < 8; i++) {
          float[] row = java.util.Arrays.copyOfRange(out, i * K, (i + 1) * K);
          if (maxDifference(row, asIs) < 1e-5f) {
            kept++;
          } else {
            assertThat(row).containsExactly(mirrored, within(1e-5f));
            flipped++;
          }
        }
      }
      assertThat(kept).isPositive();
      assertThat(flipped).isPositive();
    }
  }

  private static float maxDifference(float[] a, float[] b) {
    float m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static float[] repeat(float[] row, int times) {
    float[] out = new float[row.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(row, 0, out, i * row.length, row.length);
    }
    return out;
  }

  @Test
  void gradientsReachEveryTrainableParameter() {
    for (ImageEncoderConfig config : List.of(
        ImageEncoderConfig.DEFAULTS,
        small(1, List.of(4, 6), "avg", false, 0.1, "avg", List.of(7), 0.3),
        small(3, List.of(4), "max", true, 0.0, "avg", List.of(), 0.0))) {
      try (NDManager manager = NDManager.newBaseManager()) {
        Engine.getInstance().setRandomSeed(7);
        NDArray x = randomImages(manager, 4, config.channels(), 12, 16, 2);
        Block block = encoder(config, manager, x.getShape());
        NDArray w = randomImages(manager, 4, 1, 1, K, 3).reshape(4, K);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), true)
              .singletonOrThrow();
          gc.backward(out.mul(w).sum());
        }
        int trainable = 0;
        for (var pair : block.getParameters()) {
          Parameter p = pair.getValue();
          if (!p.requiresGradient()) {
            continue; // batch-norm running statistics
          }
          trainable++;
          double norm = 0;
          for (float g : p.getArray().getGradient().toFloatArray()) {
            assertThat(Float.isFinite(g)).isTrue();
            norm += g * g;
          }
          assertThat(norm).as("gradient norm of %s in %s", pair.getKey(), config).isPositive();
        }
        int blocks = config.convChannels().size();
        int expected = blocks * (config.batchNorm() ? 4 : 2) + 2 * (config.hidden().size() + 1);
        assertThat(trainable).isEqualTo(expected);
      }
    }
  }

  @Test
  void evaluationIsDeterministicAndDropoutOnlyActsInTraining() {
    ImageEncoderConfig config = small(3, List.of(4, 8), "max", true, 0.01, "max", List.of(6), 0.5);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(3);
      NDArray x = randomImages(manager, 8, 3, 12, 16, 4);
      Block block = encoder(config, manager, x.getShape());

      assertThat(forward(block, manager, x, false)).containsExactly(forward(block, manager, x, false));
      assertThat(forward(block, manager, x, true)).isNotEqualTo(forward(block, manager, x, true));
    }
  }

  @Test
  void sameSeedGivesTheSameInitialisation() {
    float[][] outputs = new float[2][];
    for (int run = 0; run < 2; run++) {
      try (NDManager manager = NDManager.newBaseManager()) {
        Engine.getInstance().setRandomSeed(42);
        NDArray x = randomImages(manager, 3, 3, 48, 48, 5);
        Block block = encoder(ImageEncoderConfig.DEFAULTS, manager, x.getShape());
        outputs[run] = forward(block, manager, x, false);
      }
    }
    assertThat(outputs[1]).containsExactly(outputs[0]);
  }

  @Test
  void convolutionsStartAsPytorchConv2d() {
    ImageEncoderConfig config = small(3, List.of(8, 16), "max", false, 0, "max", List.of(), 0);
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = encoder(config, manager, new Shape(2, 3, 12, 16));
      NDArray first = block.getParameters().get("01conv_01Conv2d_weight").getArray();
      NDArray second = block.getParameters().get("02conv_01Conv2d_weight").getArray();

      assertThat(first.getShape()).isEqualTo(new Shape(8, 3, 3, 3));
      assertThat(second.getShape()).isEqualTo(new Shape(16, 8, 3, 3));
      assertThat(first.abs().max().getFloat()).isLessThanOrEqualTo((float) (1 / Math.sqrt(27)));
      assertThat(second.abs().max().getFloat()).isLessThanOrEqualTo((float) (1 / Math.sqrt(72)));
      // Uniform over the full range, not concentrated near 0 (DJL's default is a normal).
      assertThat(second.abs().max().getFloat()).isGreaterThan((float) (0.9 / Math.sqrt(72)));
    }
  }

  @Test
  void rejectsAnInputOfOtherChannelsThanConfigured() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = randomImages(manager, 2, 1, 48, 48, 1);
      Block block = encoder(ImageEncoderConfig.DEFAULTS, manager, new Shape(2, 3, 48, 48));

      assertThatThrownBy(() -> forward(block, manager, x, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expects (B, 3, H, W)");
      ImageEncoderConfig grey = small(1, List.of(8), "max", false, 0, "max", List.of(), 0);
      ImagePreprocessor greyInput = (ImagePreprocessor) TestImages.fitted(grey).preprocessor();
      assertThatThrownBy(() -> ImageConceptEncoder.create(
              ImageEncoderConfig.DEFAULTS, greyInput, new EncoderContext(K, true)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("configured for 3 channels but the input has 1");
      ImageEncoderConfig rgb = small(3, List.of(8), "max", false, 0, "max", List.of(), 0);
      ImagePreprocessor smallInput = (ImagePreprocessor) TestImages.fitted(rgb).preprocessor();
      assertThatThrownBy(() -> ImageConceptEncoder.create(
              ImageEncoderConfig.DEFAULTS, smallInput, EncoderContext.of(K)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("configured for 48x48 images but the input is 16x12");
    }
  }
}
