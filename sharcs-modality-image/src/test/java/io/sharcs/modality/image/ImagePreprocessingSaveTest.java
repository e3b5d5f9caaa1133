package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.api.FittedModality;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.PreprocessingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image preprocessing saved with a model and loaded without its training data. */
class ImagePreprocessingSaveTest {

  private final ModalityDefinition<ImageSample, ImageEncoderConfig> definition =
      ModalityDefinition.of(new ImagePlugin());

  @TempDir Path dir;

  private static ImageEncoderConfig config(int width, int height, int channels, List<Double> mean) {
    List<Double> std = mean.isEmpty() ? List.of() : mean.stream().map(m -> 0.25).toList();
    return new ImageEncoderConfig(width, height, channels, mean, std, List.of(4), 3, "max", false,
        0, "max", List.of(), 0, false, null, false, null);
  }

  private FittedModality<ImageSample, ImageEncoderConfig> fitted(
      ImageEncoderConfig config, List<ImageSample> samples) {
    return definition.fit(PreprocessingData.of(samples, "toy"), config);
  }

  private static List<ImageSample> scenes() {
    return List.of(
        ImageSample.ofImage(TestImages.uniform(10, 8, 200, 40, 90), "a"),
        ImageSample.ofImage(TestImages.grey(new int[][] {{0, 100, 200}, {50, 150, 250}}), "b"));
  }

  @Test
  void savedPreprocessingLoadsBackWithTheSameFieldsSummaryAndBatches() throws Exception {
    ImageEncoderConfig config = config(6, 4, 3, List.of(0.5, 0.25, 0.125));
    FittedModality<ImageSample, ImageEncoderConfig> fitted = fitted(config, scenes());
    fitted.save(dir.resolve("model"), "scene");

    Path file = dir.resolve("model/scene.image-preprocessing.json");
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("format").asText()).isEqualTo("sharcs-image-preprocessing");
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("channels").asInt()).isEqualTo(3);
    assertThat(json.get("width").asInt()).isEqualTo(6);
    assertThat(json.get("height").asInt()).isEqualTo(4);
    assertThat(json.get("normalisation").get("mean").toString()).isEqualTo("[0.5,0.25,0.125]");
    assertThat(json.get("normalisation").get("std").toString()).isEqualTo("[0.25,0.25,0.25]");
    assertThat(json.get("summary").asText())
        .isEqualTo("2 images, 10x8, 3x2 RGB and grey, resized to 6x4 RGB");

    ImagePreprocessor saved = (ImagePreprocessor) fitted.preprocessor();
    ImagePreprocessor loaded =
        (ImagePreprocessor) definition.load(dir.resolve("model"), "scene", config).preprocessor();
    assertThat(loaded.summary()).isEqualTo(saved.summary());
    assertThat(loaded.channels()).isEqualTo(3);
    assertThat(loaded.width()).isEqualTo(6);
    assertThat(loaded.height()).isEqualTo(4);
    assertThat(loaded.mean()).containsExactly(saved.mean());
    assertThat(loaded.std()).containsExactly(saved.std());
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(loaded.batch(scenes(), manager).singletonOrThrow().toFloatArray())
          .containsExactly(saved.batch(scenes(), manager).singletonOrThrow().toFloatArray());
    }
  }

  @Test
  void theDefaultNormalisationRoundTripsExactly() throws Exception {
    for (int channels : new int[] {1, 3}) {
      ImageEncoderConfig config = config(8, 8, channels, List.of());
      fitted(config, scenes()).save(dir, "m" + channels);
      ImagePreprocessor loaded =
          (ImagePreprocessor) definition.load(dir, "m" + channels, config).preprocessor();
      assertThat(loaded.mean()).containsExactly(config.channelMean());
      assertThat(loaded.std()).containsExactly(config.channelStd());
    }
  }

  @Test
  void loadingForOtherOptionsNamesTheFileAndTheField() throws Exception {
    fitted(config(6, 4, 3, List.of()), scenes()).save(dir, "scene");
    Path file = dir.resolve("scene.image-preprocessing.json");

    assertThatThrownBy(() -> definition.load(dir, "scene", config(6, 4, 1, List.of())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": saved with channels 3, but the options ask for 1"
            + " (the image preprocessing comes from the options)");
    assertThatThrownBy(() -> definition.load(dir, "scene", config(6, 8, 3, List.of())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": saved with height 4, but the options ask for 8");
    assertThatThrownBy(
            () -> definition.load(dir, "scene", config(6, 4, 3, List.of(0.5, 0.5, 0.5))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": saved with normalisation.mean [0.485, 0.456, 0.406],"
            + " but the options ask for [0.5, 0.5, 0.5]");
  }

  @Test
  void missingForeignAndMalformedFilesAreOneLineErrorsNamingTheFile() throws Exception {
    ImageEncoderConfig config = config(6, 4, 3, List.of());
    assertThatThrownBy(() -> definition.load(dir, "none", config))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(dir.resolve("none.image-preprocessing.json")
            + ": file not found, expected saved image preprocessing");

    Files.writeString(dir.resolve("text.image-preprocessing.json"), "{not json");
    assertOneLine(() -> definition.load(dir, "text", config),
        dir.resolve("text.image-preprocessing.json") + ": not JSON (");

    Files.writeString(dir.resolve("tab.image-preprocessing.json"),
        "{\"format\": \"sharcs-preprocessing\", \"version\": 1}");
    assertOneLine(() -> definition.load(dir, "tab", config),
        dir.resolve("tab.image-preprocessing.json") + ": found format 'sharcs-preprocessing'"
            + " version 1, expected 'sharcs-image-preprocessing' version 1");

    Files.writeString(dir.resolve("v2.image-preprocessing.json"),
        "{\"format\": \"sharcs-image-preprocessing\", \"version\": 2}");
    assertOneLine(() -> definition.load(dir, "v2", config),
        dir.resolve("v2.image-preprocessing.json") + ": found format 'sharcs-image-preprocessing'"
            + " version 2, expected");

    fitted(config, scenes()).save(dir, "good");
    String good = Files.readString(dir.resolve("good.image-preprocessing.json"));
    Files.writeString(dir.resolve("bad.image-preprocessing.json"),
        good.replace("\"channels\" : 3", "\"channels\" : \"three\""));
    assertOneLine(() -> definition.load(dir, "bad", config),
        dir.resolve("bad.image-preprocessing.json")
            + ": field channels is \"three\", expected an integer");
    Files.writeString(dir.resolve("nostd.image-preprocessing.json"),
        good.replaceAll("\"std\" : \\[[^\\]]*\\]", "\"std\" : [ \"x\" ]"));
    assertOneLine(() -> definition.load(dir, "nostd", config),
        dir.resolve("nostd.image-preprocessing.json")
            + ": field normalisation.std is [\"x\"], expected a list of numbers");
    Files.writeString(dir.resolve("nosummary.image-preprocessing.json"),
        good.replaceAll("\"summary\" : \"[^\"]*\"", "\"summary\" : null"));
    assertOneLine(() -> definition.load(dir, "nosummary", config),
        dir.resolve("nosummary.image-preprocessing.json")
            + ": field summary is null, expected a string");
  }

  private static void assertOneLine(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String start) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(start)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
