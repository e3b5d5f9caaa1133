package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InvalidConfigException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference's MNIST CNN ({@code architecture: reference}). */
class ReferenceCnnTest {

  private static final ObjectMapper SNAKE = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The options an experiment gets for {@code keys} over the defaults, as the runner merges. */
  private static ImageEncoderConfig bind(String keys) throws Exception {
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode)
        SNAKE.valueToTree(ImageEncoderConfig.DEFAULTS);
    tree.setAll((com.fasterxml.jackson.databind.node.ObjectNode) SNAKE.readTree(keys));
    return SNAKE.treeToValue(tree, ImageEncoderConfig.class);
  }

  private static List<String> parameters(int width, int height, int k) {
    // The cnn defaults stand for "not given": the reference architecture replaces them.
    ImageEncoderConfig c = new ImageEncoderConfig(width, height, 1, List.of(), List.of(),
        List.of(8, 16, 32), 3, "max", true, 0, "max", List.of(), 0, false, null, false, null,
        ImageEncoderConfig.DEFAULT_MAX_PIXELS, "reference");
    ImageConceptEncoder e = new ImageConceptEncoder(c, k, null);
    List<String> out = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      e.initialize(manager, DataType.FLOAT32, new Shape(2, 1, height, width));
      for (Pair<String, Parameter> p : e.getParameters()) {
        out.add(p.getValue().getArray().getShape().toString());
      }
    }
    return out;
  }

  @Test
  void theNetworkHasTheReferencesLayersFor28x28And14x28() {
    // conv 1 -> 16 (5x5), conv 16 -> 16, Linear(F -> 64), Linear(64 -> k); F = 16 * 7 * 7.
    assertThat(parameters(28, 28, 12)).containsExactly("(16, 1, 5, 5)", "(16)",
        "(16, 16, 5, 5)", "(16)", "(64, 784)", "(64)", "(12, 64)", "(12)");
    // HalfMNIST's 14x28 halves (14 rows, 28 columns): F = 16 * 3 * 7 = 336.
    assertThat(parameters(28, 14, 12)).contains("(64, 336)");
  }

  @Test
  void writingTheArchitectureAloneGivesTheReferenceNetworkWithRawPixels() throws Exception {
    ImageEncoderConfig c = bind(
        "{\"architecture\": \"reference\", \"width\": 28, \"height\": 28, \"channels\": 1}");

    assertThat(c).isEqualTo(ImageEncoderConfig.REFERENCE_MNIST);
    assertThat(c.convChannels()).containsExactly(16, 16);
    assertThat(c.kernel()).isEqualTo(5);
    assertThat(c.batchNorm()).isFalse();
    assertThat(c.flattens()).isTrue();
    assertThat(c.hidden()).containsExactly(64);
    assertThat(c.rawPixels()).isTrue();
    assertThat(bind("{\"architecture\": \"reference\", \"mean\": [0.5, 0.5, 0.5],"
        + " \"std\": [0.5, 0.5, 0.5]}").rawPixels()).isFalse();
    assertThat(ImageEncoderConfig.DEFAULTS.rawPixels()).isFalse();
    assertThat(ImageEncoderConfig.DEFAULTS.architecture()).isEqualTo("cnn");
  }

  @Test
  void aConflictingNetworkOptionIsAnErrorNamingIt() {
    assertThatThrownBy(() -> bind("{\"architecture\": \"reference\", \"conv_channels\": [32]}"))
        .hasRootCauseInstanceOf(InvalidConfigException.class)
        .hasRootCauseMessage("conv_channels: got [32], but architecture reference fixes it to"
            + " [16, 16] (leave it out, or use architecture cnn)");
    assertThatThrownBy(() -> bind("{\"architecture\": \"resnet\"}"))
        .hasRootCauseMessage("architecture: got 'resnet', expected cnn or reference");
    assertThatThrownBy(() -> bind("{\"global_pool\": \"median\"}"))
        .hasRootCauseMessage("global_pool: got 'median', expected max, avg or flatten");
  }

  @Test
  void forwardGivesKOutputsAndGradientsReachEveryParameter() {
    var fitted = TestImages.fitted(ImageEncoderConfig.REFERENCE_MNIST, List.of(
        ImageSample.ofRaster(28, 28, 1, InlineRasterTest.digit(0)),
        ImageSample.ofRaster(28, 28, 1, InlineRasterTest.digit(3))));
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(1);
      List<ImageSample> samples = List.of(
          ImageSample.ofRaster(28, 28, 1, InlineRasterTest.digit(0)),
          ImageSample.ofRaster(28, 28, 1, InlineRasterTest.digit(3)));
      NDList batch = fitted.preprocessor().batch(samples, manager);
      var encoder = fitted.conceptEncoder(EncoderContext.of(12));
      encoder.initialize(manager, DataType.FLOAT32, batch.getShapes());
      ParameterStore store = new ParameterStore(manager, false);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = encoder.forward(store, batch, true).singletonOrThrow();
        assertThat(out.getShape()).isEqualTo(new Shape(2, 12));
        gc.backward(out.mul(manager.randomNormal(out.getShape())).sum());
      }
      for (Pair<String, Parameter> p : encoder.getParameters()) {
        double norm = 0;
        for (float v : p.getValue().getArray().getGradient().toFloatArray()) {
          norm += Math.abs(v);
        }
        assertThat(norm).as(p.getKey()).isGreaterThan(0);
      }
    }
  }
}
