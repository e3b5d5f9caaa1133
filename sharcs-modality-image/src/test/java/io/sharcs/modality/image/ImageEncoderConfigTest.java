package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.InvalidConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageEncoderConfigTest {

  private static final ObjectMapper STRICT = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The defaults with one component changed, as a file would override one key. */
  private static ImageEncoderConfig with(String key, Object value) {
    ObjectNode tree = STRICT.valueToTree(ImageEncoderConfig.DEFAULTS);
    tree.set(key, STRICT.valueToTree(value));
    try {
      return STRICT.treeToValue(tree, ImageEncoderConfig.class);
    } catch (Exception e) {
      Throwable t = e;
      while (t.getCause() != null && !(t instanceof InvalidConfigException)) {
        t = t.getCause();
      }
      if (t instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e);
    }
  }

  @Test
  void defaultsAreSmallRgbScenes() {
    ImageEncoderConfig d = TestImages.DEFINITION.defaults();
    assertThat(d).isEqualTo(ImageEncoderConfig.DEFAULTS);
    assertThat(d.width()).isEqualTo(48);
    assertThat(d.height()).isEqualTo(48);
    assertThat(d.channels()).isEqualTo(3);
    assertThat(d.convChannels()).containsExactly(8, 16, 32);
    assertThat(d.channelMean()).containsExactly(0.485f, 0.456f, 0.406f);
    assertThat(d.channelStd()).containsExactly(0.229f, 0.224f, 0.225f);
    assertThat(d.blockPooling()).isEqualTo(ImageEncoderConfig.Pooling.MAX);
    assertThat(d.weights()).isNull();
    assertThat(d.pretrain()).isEqualTo(AutoencoderPretrainingConfig.NONE);
    assertThat(d.pretrain().epochs()).isZero();
    assertThat(TestImages.DEFINITION.optionsType()).isEqualTo(ImageEncoderConfig.class);
  }

  @Test
  void defaultsSurviveTheRunnersTreeRoundTripWithSnakeCaseKeys() throws Exception {
    JsonNode tree = STRICT.valueToTree(ImageEncoderConfig.DEFAULTS);
    List<String> keys = new ArrayList<>();
    tree.fieldNames().forEachRemaining(keys::add);

    assertThat(keys).containsExactlyInAnyOrder("width", "height", "channels", "mean", "std",
        "conv_channels", "kernel", "pool", "batch_norm", "negative_slope", "global_pool",
        "hidden", "dropout", "horizontal_flip", "weights", "freeze_convolutions", "pretrain",
        "max_pixels", "architecture");
    List<String> pretrainKeys = new ArrayList<>();
    tree.get("pretrain").fieldNames().forEachRemaining(pretrainKeys::add);
    assertThat(pretrainKeys).containsExactly("epochs", "learning_rate", "batch_size");
    assertThat(STRICT.treeToValue(tree, ImageEncoderConfig.class))
        .isEqualTo(ImageEncoderConfig.DEFAULTS);
  }

  @Test
  void greyChannelsAloneGetTheGreyNormalisation() {
    ImageEncoderConfig grey = with("channels", 1);
    assertThat(grey.channelMean()).containsExactly(0.5f);
    assertThat(grey.channelStd()).containsExactly(0.5f);
  }

  @Test
  void bindsEveryOptionFromSnakeCaseKeys() throws Exception {
    String yamlAsJson = "{\"width\": 32, \"height\": 24, \"channels\": 1, \"mean\": [0.4],"
        + " \"std\": [0.3], \"conv_channels\": [4, 8], \"kernel\": 5, \"pool\": \"AVG\","
        + " \"batch_norm\": false, \"negative_slope\": 0.01, \"global_pool\": \"avg\","
        + " \"hidden\": [16], \"dropout\": 0.25, \"horizontal_flip\": true,"
        + " \"weights\": \"enc.weights\", \"freeze_convolutions\": true,"
        + " \"pretrain\": {\"epochs\": 4, \"learning_rate\": 0.01, \"batch_size\": 50},"
        + " \"max_pixels\": 1000000}";

    ImageEncoderConfig c = STRICT.readValue(yamlAsJson, ImageEncoderConfig.class);

    assertThat(c).isEqualTo(new ImageEncoderConfig(32, 24, 1, List.of(0.4), List.of(0.3),
        List.of(4, 8), 5, "avg", false, 0.01, "avg", List.of(16), 0.25, true,
        Path.of("enc.weights"), true, new AutoencoderPretrainingConfig(4, 0.01, 50),
        1_000_000L));
    assertThat(c.weights()).isEqualTo(Path.of("enc.weights"));
    ImageEncoderConfig fresh = c.withoutWeights();
    assertThat(fresh.weights()).isNull();
    assertThat(fresh).isEqualTo(new ImageEncoderConfig(32, 24, 1, List.of(0.4), List.of(0.3),
        List.of(4, 8), 5, "avg", false, 0.01, "avg", List.of(16), 0.25, true, null, true,
        new AutoencoderPretrainingConfig(4, 0.01, 50), 1_000_000L));
    assertThat(c.channelMean()).containsExactly(0.4f);
    assertThat(c.globalPooling()).isEqualTo(ImageEncoderConfig.Pooling.AVG);
    ObjectNode unknown = STRICT.valueToTree(ImageEncoderConfig.DEFAULTS);
    unknown.put("colour", true);
    assertThatThrownBy(() -> STRICT.treeToValue(unknown, ImageEncoderConfig.class))
        .hasMessageContaining("Unrecognized field \"colour\"");
  }

  @Test
  void rejectsBadSizes() {
    assertInvalid(() -> with("width", 0), "width", "got 0, expected an integer in [1, 4096]");
    assertInvalid(() -> with("height", 5000), "height", "got 5000, expected an integer in");
    // Three blocks halve the image three times; 6 pixels are too few.
    assertInvalid(() -> with("height", 6), "height",
        "got 6, expected at least 8 for the 3 convolution blocks of conv_channels");
    assertInvalid(() -> with("channels", 4), "channels", "got 4, expected 1 (grey) or 3 (RGB)");
  }

  @Test
  void rejectsNormalisationOfTheWrongLength() {
    assertInvalid(() -> with("mean", List.of(0.5, 0.5)), "mean",
        "got 2 values [0.5, 0.5], expected 3 (one per channel, channels is 3)");
    assertInvalid(() -> with("std", List.of(0.2)), "std", "got 1 values [0.2], expected 3");
    assertInvalid(() -> with("std", List.of(0.2, 0.0, 0.2)), "std",
        "got [0.2, 0.0, 0.2], expected numbers > 0");
  }

  @Test
  void rejectsUnknownPoolingAndBadNetworkOptions() {
    assertInvalid(() -> with("pool", "median"), "pool", "got 'median', expected max or avg");
    assertInvalid(() -> with("global_pool", "sum"), "global_pool", "got 'sum', expected max");
    assertInvalid(() -> with("kernel", 4), "kernel", "got 4, expected an odd integer >= 1");
    assertInvalid(() -> with("conv_channels", List.of()), "conv_channels",
        "got [], expected a list of integers > 0, at least one");
    assertInvalid(() -> with("conv_channels", List.of(8, 0)), "conv_channels", "got [8, 0]");
    assertInvalid(() -> with("hidden", List.of(-1)), "hidden", "got [-1]");
    assertInvalid(() -> with("dropout", 1.0), "dropout", "got 1.0, expected a number in [0, 1)");
    assertInvalid(() -> with("negative_slope", -0.1), "negative_slope", "got -0.1");
    assertInvalid(() -> with("weights", " "), "weights", "got an empty path");
    assertInvalid(() -> with("weights", ""), "weights", "got an empty path");
    ImageEncoderConfig d = ImageEncoderConfig.DEFAULTS;
    for (Path empty : List.of(Path.of(""), Path.of("  "))) {
      assertInvalid(() -> new ImageEncoderConfig(d.width(), d.height(), d.channels(), d.mean(),
              d.std(), d.convChannels(), d.kernel(), d.pool(), d.batchNorm(), d.negativeSlope(),
              d.globalPool(), d.hidden(), d.dropout(), d.horizontalFlip(), empty,
              d.freezeConvolutions(), d.pretrain()),
          "weights", "got an empty path, expected the path of an encoder weights file or none");
    }
    assertInvalid(() -> with("pretrain", Map.of("epochs", -1, "learning_rate", 0.003,
        "batch_size", 100)), "epochs", "got -1, expected an integer >= 0");
    assertInvalid(() -> with("pretrain", Map.of("epochs", 5, "learning_rate", 0,
        "batch_size", 100)), "learning_rate", "got 0.0, expected a finite number > 0");
    assertInvalid(() -> with("pretrain", Map.of("epochs", 5, "learning_rate", 0.003,
        "batch_size", 1)), "batch_size", "got 1, expected an integer >= 2");
  }

  private static void assertInvalid(Runnable build, String field, String problem) {
    assertThatThrownBy(build::run)
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.problem()).startsWith(problem);
            });
  }
}
