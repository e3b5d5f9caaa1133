package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.api.testkit.PluginConformance;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inline rasters: reading, grey images kept grey, raw pixels, rendering. */
class InlineRasterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A 28x28 grey digit-like raster: a bright bar in rows 10..17. */
  static byte[] digit(int shift) {
    byte[] pixels = new byte[28 * 28];
    for (int y = 10; y < 18; y++) {
      for (int x = 4 + shift; x < 24 + shift && x < 28; x++) {
        pixels[y * 28 + x] = (byte) (100 + 5 * (y - 10) + x);
      }
    }
    return pixels;
  }

  private static ObjectNode raster(int w, int h, int c, byte[] pixels) {
    ObjectNode node = JSON.createObjectNode();
    node.put("width", w).put("height", h).put("channels", c);
    node.put("pixels", pixels);
    return node;
  }

  @Test
  void readsABinaryNodeAndTheSameBytesAsBase64Text() throws Exception {
    byte[] pixels = digit(0);
    ImageSample binary = TestImages.DEFINITION.reader().read(raster(28, 28, 1, pixels), "m");
    JsonNode fromFile = JSON.readTree("{\"width\": 28, \"height\": 28, \"channels\": 1,"
        + " \"pixels\": \"" + Base64.getEncoder().encodeToString(pixels) + "\"}");
    ImageSample text = TestImages.DEFINITION.reader().read(fromFile, "data.jsonl line 2");

    assertThat(text).isEqualTo(binary).hasSameHashCodeAs(binary);
    assertThat(binary).isNotEqualTo(ImageSample.ofRaster(28, 28, 1, digit(1)));
    assertThat(binary.name()).isEqualTo("inline 28x28 grey image");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{'width': 2, 'height': 1, 'channels': 1, 'pixels': 'AAA=', 'depth': 8}"
          + " | found unknown field 'depth', expected only width, height, channels and pixels",
      "{'width': 0, 'height': 1, 'channels': 1, 'pixels': 'AA=='}"
          + " | field 'width': found number 0, expected an integer in [1, 16384]",
      "{'height': 1, 'channels': 1, 'pixels': 'AA=='}"
          + " | field 'width': found nothing, expected an integer in [1, 16384]",
      "{'width': 1, 'height': 1, 'channels': 2, 'pixels': 'AA=='}"
          + " | field 'channels': found number 2, expected 1 (grey) or 3 (RGB)",
      "{'width': 2, 'height': 1, 'channels': 1, 'pixels': 'AAAA'}"
          + " | field 'pixels': found 3 bytes, expected 2 (width 2 x height 1 x channels 1,",
      "{'width': 2, 'height': 1, 'channels': 1, 'pixels': '%%%'}"
          + " | field 'pixels': found text that is not base64",
      "{'width': 2, 'height': 1, 'channels': 1, 'pixels': [0, 1]}"
          + " | field 'pixels': found array [0,1], expected 2x1x1 bytes (base64 in a file)",
  })
  void refusesBadRastersInOneLine(String input, String message) throws Exception {
    JsonNode node = JSON.readTree(input.replace('\'', '"'));

    assertThatThrownBy(() -> TestImages.DEFINITION.reader().read(node, "digits.jsonl line 3"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("digits.jsonl line 3: ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void greyRastersStayOneChannelAndRawPixelsReachTheNetworkUnchanged() {
    List<ImageSample> digits =
        List.of(ImageSample.ofRaster(28, 28, 1, digit(0)), ImageSample.ofRaster(28, 28, 1, digit(2)));
    var fitted = TestImages.fitted(ImageEncoderConfig.REFERENCE_MNIST, digits);
    ImagePreprocessor pre = (ImagePreprocessor) fitted.preprocessor();

    assertThat(pre.summary())
        .isEqualTo("2 images, 28x28 grey, resized to 28x28 grey, raw 0-255");
    assertThat(pre.rawPixels()).isTrue();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray batch = pre.batch(digits, manager).singletonOrThrow();
      assertThat(batch.getShape()).isEqualTo(new Shape(2, 1, 28, 28));
      float[] values = batch.toFloatArray();
      byte[] second = digit(2);
      for (int i = 0; i < 784; i++) {
        assertThat(values[784 + i]).isEqualTo(second[i] & 0xff);
      }
    }
    // A raster of the target size is used in place: nothing is cached.
    assertThat(pre.cachedImages()).isZero();
  }

  @Test
  void normalisedGreyAndResizedRasters() {
    // The cnn architecture normalises grey with 0.5 / 0.5; a 28x28 raster resized to 14x14 goes
    // through the cache.
    ImageEncoderConfig cnn = new ImageEncoderConfig(14, 14, 1, List.of(), List.of(),
        List.of(8), 3, "max", true, 0, "max", List.of(), 0, false, null, false, null);
    ImageSample digit = ImageSample.ofRaster(28, 28, 1, digit(0));
    ImagePreprocessor pre = (ImagePreprocessor) TestImages.fitted(cnn, List.of(digit))
        .preprocessor();
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] values = pre.batch(List.of(digit), manager).singletonOrThrow().toFloatArray();
      assertThat(values).hasSize(14 * 14);
      // Row 0 is black: (0 / 255 - 0.5) / 0.5.
      assertThat(values[0]).isEqualTo(-1f);
    }
    assertThat(pre.cachedImages()).isEqualTo(1);
  }

  @Test
  void rgbRastersAreChannelsLastAndCanBecomeGrey() {
    // 2x2 pixels, red, dark green, black, black: planar (3, 2, 2) for RGB, luma for grey.
    ImageSample red = ImageSample.ofRaster(2, 2, 3,
        new byte[] {(byte) 255, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0});
    ImageEncoderConfig rgb = new ImageEncoderConfig(2, 2, 3, List.of(0.0, 0.0, 0.0),
        List.of(1.0, 1.0, 1.0), List.of(4), 3, "max", true, 0, "max", List.of(), 0, false, null,
        false, null);
    ImageEncoderConfig grey = new ImageEncoderConfig(2, 2, 1, List.of(0.0), List.of(1.0),
        List.of(4), 3, "max", true, 0, "max", List.of(), 0, false, null, false, null);
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(TestImages.fitted(rgb, List.of(red)).preprocessor().batch(List.of(red), manager)
          .singletonOrThrow().toFloatArray())
          .containsExactly(1f, 0f, 0f, 0f, 0f, 10 / 255f, 0f, 0f, 0f, 0f, 0f, 0f);
      float[] luma = TestImages.fitted(grey, List.of(red)).preprocessor()
          .batch(List.of(red), manager).singletonOrThrow().toFloatArray();
      assertThat(luma).containsExactly(
          Math.round(0.299f * 255) / 255f, Math.round(0.587f * 10) / 255f, 0f, 0f);
    }
  }

  @Test
  void rendersAGreyThumbnail() throws Exception {
    ImageSample digit = ImageSample.ofRaster(28, 28, 1, digit(0));
    var fitted = TestImages.fitted(ImageEncoderConfig.REFERENCE_MNIST, List.of(digit));

    Rendering r = fitted.render(digit, RenderHints.thumbnail(96));

    assertThat(r.text()).isEqualTo("image 28x28 grey (inline 28x28 grey image)");
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.content()));
    assertThat(png.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(png.getWidth()).isEqualTo(28);
    assertThat(png.getRaster().getSample(10, 12, 0)).isEqualTo(digit(0)[12 * 28 + 10] & 0xff);
    Path out = Path.of("target", "inline-raster-thumbnail.png");
    Files.createDirectories(out.getParent());
    Files.write(out, r.content());
  }

  @Test
  void savedRawPreprocessingLoadsBackAndRefusesNormalisedOptions(@TempDir Path dir) throws Exception {
    ImageSample digit = ImageSample.ofRaster(28, 28, 1, digit(0));
    var fitted = TestImages.fitted(ImageEncoderConfig.REFERENCE_MNIST, List.of(digit));
    fitted.save(dir, "image");

    ImagePreprocessor loaded = (ImagePreprocessor) TestImages.DEFINITION
        .load(dir, "image", ImageEncoderConfig.REFERENCE_MNIST).preprocessor();
    assertThat(loaded.rawPixels()).isTrue();
    ImageEncoderConfig normalised = new ImageEncoderConfig(28, 28, 1, List.of(0.5), List.of(0.5),
        List.of(16, 16), 5, "max", false, 0, "flatten", List.of(64), 0, false, null, false, null,
        ImageEncoderConfig.DEFAULT_MAX_PIXELS, "reference");
    assertThatThrownBy(() -> TestImages.DEFINITION.load(dir, "image", normalised))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("saved with normalisation.raw true, but the options ask for false");
  }

  @Test
  void conformsWithInlineRasters() {
    List<JsonNode> samples = List.of(raster(28, 28, 1, digit(0)), raster(28, 28, 1, digit(1)),
        raster(28, 28, 1, digit(3)));
    PluginConformance.assertConforms(new ImagePlugin(), samples);
    var report = PluginConformance.check(new ImagePlugin(), samples,
        ImageEncoderConfig.REFERENCE_MNIST);
    assertThat(report.passed()).as(report.summary()).isTrue();
  }
}
