package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.PreprocessingData;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The option {@code max_pixels}: an image's size is read from its header before decoding, and a
 * larger one is refused with one line naming the file and its size, instead of exhausting the
 * heap (a valid 8000x8000 PNG of 187 KB once died of OutOfMemoryError, and a header claiming
 * 20000x20000 was reported as corrupt with an empty cause).
 */
class ImagePixelLimitTest {

  @TempDir Path dir;

  private static ImageEncoderConfig withMaxPixels(long maxPixels) {
    ImageEncoderConfig d = ImageEncoderConfig.DEFAULTS;
    return new ImageEncoderConfig(d.width(), d.height(), d.channels(), d.mean(), d.std(),
        d.convChannels(), d.kernel(), d.pool(), d.batchNorm(), d.negativeSlope(), d.globalPool(),
        d.hidden(), d.dropout(), d.horizontalFlip(), d.weights(), d.freezeConvolutions(),
        d.pretrain(), maxPixels);
  }

  private static void fit(Path file, ImageEncoderConfig options) {
    List<ImageSample> samples = List.of(ImageSample.ofFile(file));
    TestImages.DEFINITION.fit(
        new PreprocessingData<>(samples, samples, List.of("q1"), "data set 'clevr'"), options);
  }

  @Test
  void aValidPngAboveTheDefaultLimitIsRefusedBeforeDecoding() throws Exception {
    // 8000x8000 grey, written row by row: 64 MB of pixels, a few tens of KB on disk.
    Path big = blankGreyPng(8000, 8000, dir.resolve("big.png"));
    assertThat(Files.size(big)).isLessThan(200_000);

    assertThatThrownBy(() -> fit(big, ImageEncoderConfig.DEFAULTS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("data set 'clevr' sample q1: image " + big.toAbsolutePath()
            + ": 8000x8000 = 64.0 megapixels, expected at most 40.0 (option max_pixels)");
    // That the size comes from the header alone, not from decoding, is shown by the next test:
    // its file has no pixels for the size it claims.
  }

  @Test
  void aHeaderClaimingAHugeImageIsRefusedByItsSizeNotAsCorrupt() throws Exception {
    Path liar = TestImages.write(TestImages.uniform(4, 3, 1, 2, 3), "png", dir.resolve("l.png"));
    Files.write(liar, withHeaderSize(Files.readAllBytes(liar), 20000, 20000));

    assertThatThrownBy(() -> fit(liar, ImageEncoderConfig.DEFAULTS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("data set 'clevr' sample q1: image " + liar.toAbsolutePath()
            + ": 20000x20000 = 400.0 megapixels, expected at most 40.0 (option max_pixels)");
  }

  @Test
  void theLimitIsAnOptionAndAnImageAtTheLimitIsAccepted() throws Exception {
    Path image = TestImages.write(TestImages.uniform(300, 200, 9, 99, 199), "png",
        dir.resolve("photo.png"));

    fit(image, withMaxPixels(60_000));
    assertThatThrownBy(() -> fit(image, withMaxPixels(59_999)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("data set 'clevr' sample q1: image " + image.toAbsolutePath()
            + ": 300x200 = 0.06 megapixels, expected at most 0.059999 (option max_pixels)");
  }

  @Test
  void batchingChecksTheLimitToo() throws Exception {
    Path image = TestImages.write(TestImages.uniform(30, 20, 9, 99, 199), "png",
        dir.resolve("p.png"));
    ImageTransform transform = ImageTransform.of(withMaxPixels(599));

    assertThatThrownBy(() -> transform.resized(ImageSample.ofFile(image)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("image " + image.toAbsolutePath()
            + ": 30x20 = 0.0006 megapixels, expected at most 0.000599 (option max_pixels)");
  }

  @Test
  void maxPixelsIsValidatedAndBoundFromSnakeCase() throws Exception {
    ObjectMapper strict = new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    ObjectNode tree = strict.valueToTree(ImageEncoderConfig.DEFAULTS);
    assertThat(tree.get("max_pixels").asLong()).isEqualTo(40_000_000L);
    tree.put("max_pixels", 1_000_000);
    assertThat(strict.treeToValue(tree, ImageEncoderConfig.class).maxPixels())
        .isEqualTo(1_000_000L);
    for (long bad : new long[] {0, -5, 500_000_001L}) {
      assertThatThrownBy(() -> withMaxPixels(bad))
          .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
            assertThat(e.field()).isEqualTo("max_pixels");
            assertThat(e.problem()).isEqualTo(
                "got " + bad + ", expected an integer in [1, 500000000] (pixels, width x height)");
          });
    }
    assertThat(ImageEncoderConfig.DEFAULTS.withoutWeights().maxPixels()).isEqualTo(40_000_000L);
    assertThat(withMaxPixels(7).withoutWeights().maxPixels()).isEqualTo(7);
  }

  @Test
  void megapixelsShowOneDecimalOrWhatASmallValueNeeds() {
    assertThat(ImageDecoder.megapixels(64_000_000)).isEqualTo("64.0");
    assertThat(ImageDecoder.megapixels(40_000_000)).isEqualTo("40.0");
    assertThat(ImageDecoder.megapixels(12_345_678)).isEqualTo("12.3");
    assertThat(ImageDecoder.megapixels(250_000)).isEqualTo("0.25");
    assertThat(ImageDecoder.megapixels(100_000)).isEqualTo("0.1");
  }

  /** A valid 8-bit grey PNG of {@code width x height} zeros, written without an image in memory. */
  static Path blankGreyPng(int width, int height, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(ihdr);
      h.writeInt(width);
      h.writeInt(height);
      h.write(new byte[] {8, 0, 0, 0, 0}); // 8 bits, grey, deflate, no filter, no interlace
      chunk(out, "IHDR", ihdr.toByteArray());
      ByteArrayOutputStream idat = new ByteArrayOutputStream();
      try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
        byte[] row = new byte[1 + width]; // filter byte 0, then the row's samples
        for (int y = 0; y < height; y++) {
          z.write(row);
        }
      }
      chunk(out, "IDAT", idat.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
    return file;
  }

  /** {@code png} with its IHDR width and height replaced (and the chunk's CRC recomputed). */
  static byte[] withHeaderSize(byte[] png, int width, int height) {
    byte[] out = png.clone();
    // Signature (8), IHDR length (4), type (4), then width and height; CRC after 13 data bytes.
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(out);
    b.putInt(16, width);
    b.putInt(20, height);
    CRC32 crc = new CRC32();
    crc.update(out, 12, 4 + 13);
    b.putInt(12 + 4 + 13, (int) crc.getValue());
    return out;
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
