package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.PreprocessingData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePreprocessingTest {

  private static final float EPS = 1e-6f;
  private final ModalityDefinition<ImageSample, ImageEncoderConfig> definition =
      ModalityDefinition.of(new ImagePlugin());

  @TempDir Path dir;

  private static ImageEncoderConfig config(
      int width, int height, int channels, List<Double> mean, List<Double> std) {
    return new ImageEncoderConfig(
        width, height, channels, mean, std, List.of(4), 3, "max", false, 0, "max", List.of(), 0,
        false, null, false, null);
  }

  /** The plugin's preprocessor fitted on {@code samples}, all of them the training split. */
  private ImagePreprocessor fit(
      ImageEncoderConfig config, List<ImageSample> samples, List<String> ids) {
    return (ImagePreprocessor) definition.fit(
        new PreprocessingData<>(samples, samples, ids, "test"), config).preprocessor();
  }

  /** Runs fit and batch, and returns the batch's shape and values. */
  private Batch batch(ImageEncoderConfig config, List<ImageSample> samples) {
    ImagePreprocessor pre = fit(config, samples, samples.stream().map(ImageSample::name).toList());
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray array = pre.batch(samples, manager).singletonOrThrow();
      return new Batch(array.getShape(), array.toFloatArray());
    }
  }

  private record Batch(Shape shape, float[] values) {}

  private static float[] scaled(int... bytes) {
    float[] out = new float[bytes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes[i] / 255f;
    }
    return out;
  }

  @Test
  void keepsGreyPixelsWhenTheSizeIsUnchanged() {
    BufferedImage image = TestImages.grey(new int[][] {{0, 51, 255}, {7, 128, 200}});
    Batch b = batch(config(3, 2, 1, List.of(0.0), List.of(1.0)),
        List.of(ImageSample.ofImage(image, "g")));

    assertThat(b.shape()).isEqualTo(new Shape(1, 1, 2, 3));
    assertThat(b.values()).containsExactly(scaled(0, 51, 255, 7, 128, 200), within(EPS));
  }

  @Test
  void halvesLikePilBilinearWithItsWidenedTriangleFilter() {
    // PIL's weights for 4 -> 2: out0 = (3a + 3b + c) / 7, out1 = (b + 3c + 3d) / 7 per axis.
    // Column 0 for instance: rows give 200/7, 1200/7, 120/7, 1530/7, so y0 = 4320/49 = 88.16.
    BufferedImage image = TestImages.grey(new int[][] {
        {0, 40, 80, 120}, {200, 160, 120, 40}, {10, 20, 30, 40}, {255, 255, 0, 0}});

    Batch b = batch(config(2, 2, 1, List.of(0.0), List.of(1.0)),
        List.of(ImageSample.ofImage(image, "g")));

    assertThat(b.shape()).isEqualTo(new Shape(1, 1, 2, 2));
    // 88.16, 83.06, 125.51, 42.76 rounded to 8 bits, as PIL's resized image holds them.
    assertThat(b.values()).containsExactly(scaled(88, 83, 126, 43), within(EPS));
  }

  @Test
  void resamplerComputesTheExactFilterSums() {
    float[] in = {0, 40, 80, 120, 200, 160, 120, 40, 10, 20, 30, 40, 255, 255, 0, 0};

    float[] out = BilinearResampler.resize(in, 1, 4, 4, 2, 2);

    assertThat(out).containsExactly(
        new float[] {4320f / 49, 4070f / 49, 6150f / 49, 2095f / 49}, within(1e-4f));
    assertThat(BilinearResampler.resize(in, 1, 4, 4, 4, 4)).containsExactly(in);
  }

  @Test
  void upscalingInterpolatesBetweenNeighbours() {
    // 2 -> 4: centres at 0.25, 0.75, 1.25, 1.75 in source pixels; edge values are kept.
    float[] out = BilinearResampler.resize(new float[] {0, 100}, 1, 2, 1, 4, 1);

    assertThat(out).containsExactly(new float[] {0, 25, 75, 100}, within(1e-4f));
  }

  @Test
  void normalisesRgbPlanesWithImageNetStatisticsByDefault() {
    BufferedImage image = TestImages.rgb(new int[][][] {
        {{255, 0, 0}, {0, 128, 255}}, {{10, 20, 30}, {255, 255, 255}}});

    Batch b = batch(config(2, 2, 3, List.of(), List.of()), List.of(ImageSample.ofImage(image, "c")));

    assertThat(b.shape()).isEqualTo(new Shape(1, 3, 2, 2));
    double[] mean = {0.485, 0.456, 0.406};
    double[] std = {0.229, 0.224, 0.225};
    int[][] planes = {{255, 0, 10, 255}, {0, 128, 20, 255}, {0, 255, 30, 255}};
    float[] expected = new float[12];
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < 4; i++) {
        expected[c * 4 + i] = (float) ((planes[c][i] / 255.0 - mean[c]) / std[c]);
      }
    }
    assertThat(b.values()).containsExactly(expected, within(1e-5f));
  }

  @Test
  void greyDefaultIsHalfMeanHalfStdAndColourBecomesLuma() {
    BufferedImage image = TestImages.rgb(new int[][][] {{{255, 0, 0}, {0, 0, 255}}, {{0, 255, 0},
        {100, 100, 100}}});

    Batch b = batch(config(2, 2, 1, List.of(), List.of()), List.of(ImageSample.ofImage(image, "c")));

    // ITU-R 601 luma (PIL's "L"): 0.299 R + 0.587 G + 0.114 B, rounded to 8 bits.
    int[] luma = {76, 29, 150, 100};
    float[] expected = new float[4];
    for (int i = 0; i < 4; i++) {
      expected[i] = (luma[i] / 255f - 0.5f) / 0.5f;
    }
    assertThat(b.shape()).isEqualTo(new Shape(1, 1, 2, 2));
    assertThat(b.values()).containsExactly(expected, within(1e-5f));
  }

  @Test
  void greyBecomesThreeEqualPlanesAndAlphaIsDropped() {
    BufferedImage grey = TestImages.grey(new int[][] {{0, 100}, {200, 255}});
    BufferedImage rgba = TestImages.rgba(new int[][][] {
        {{10, 20, 30, 0}, {40, 50, 60, 128}}, {{70, 80, 90, 255}, {1, 2, 3, 7}}});
    ImageEncoderConfig raw = config(2, 2, 3, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0));

    Batch b = batch(raw, List.of(ImageSample.ofImage(grey, "g"), ImageSample.ofImage(rgba, "a")));

    assertThat(b.shape()).isEqualTo(new Shape(2, 3, 2, 2));
    float[] g = scaled(0, 100, 200, 255);
    float[] a = scaled(10, 40, 70, 1, 20, 50, 80, 2, 30, 60, 90, 3);
    float[] expected = new float[24];
    for (int c = 0; c < 3; c++) {
      System.arraycopy(g, 0, expected, c * 4, 4);
    }
    System.arraycopy(a, 0, expected, 12, 12);
    assertThat(b.values()).containsExactly(expected, within(EPS));
  }

  @Test
  void readsPngFilesOfEveryKindExactly() {
    int[][] values = {{0, 60, 120}, {180, 240, 255}};
    Path grey = TestImages.write(TestImages.grey(values), "png", dir.resolve("grey.png"));
    Path rgb = TestImages.write(TestImages.rgb(new int[][][] {
        {{0, 0, 0}, {60, 60, 60}, {120, 120, 120}},
        {{180, 180, 180}, {240, 240, 240}, {255, 255, 255}}}), "png", dir.resolve("rgb.png"));
    Path rgba = TestImages.write(TestImages.rgba(new int[][][] {
        {{0, 0, 0, 10}, {60, 60, 60, 0}, {120, 120, 120, 255}},
        {{180, 180, 180, 1}, {240, 240, 240, 2}, {255, 255, 255, 3}}}), "png",
        dir.resolve("rgba.png"));
    int[][] palette = {{0, 0, 0}, {60, 60, 60}, {120, 120, 120}, {180, 180, 180},
        {240, 240, 240}, {255, 255, 255}};
    Path indexed = TestImages.write(
        TestImages.palette(palette, new int[][] {{0, 1, 2}, {3, 4, 5}}), "png",
        dir.resolve("palette.png"));
    List<ImageSample> samples = List.of(grey, rgb, rgba, indexed).stream()
        .map(ImageSample::ofFile).toList();

    Batch b = batch(config(3, 2, 1, List.of(0.0), List.of(1.0)), samples);

    float[] one = scaled(0, 60, 120, 180, 240, 255);
    float[] expected = new float[24];
    for (int s = 0; s < 4; s++) {
      System.arraycopy(one, 0, expected, s * 6, 6);
    }
    assertThat(b.shape()).isEqualTo(new Shape(4, 1, 2, 3));
    assertThat(b.values()).containsExactly(expected, within(EPS));
  }

  @Test
  void readsJpegFilesWithinCompressionError() {
    Path colour = TestImages.write(TestImages.uniform(16, 16, 200, 40, 90), "jpg",
        dir.resolve("colour.jpg"));
    Path grey = TestImages.write(TestImages.grey(new int[16][16]), "jpg", dir.resolve("g.jpeg"));
    ImageEncoderConfig raw = config(8, 8, 3, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0));

    Batch b = batch(raw, List.of(ImageSample.ofFile(colour), ImageSample.ofFile(grey)));

    assertThat(b.shape()).isEqualTo(new Shape(2, 3, 8, 8));
    float[] v = b.values();
    float tolerance = 4 / 255f; // JPEG's colour conversion and quantisation of a flat image
    for (int i = 0; i < 64; i++) {
      assertThat(v[i]).isCloseTo(200 / 255f, within(tolerance));
      assertThat(v[64 + i]).isCloseTo(40 / 255f, within(tolerance));
      assertThat(v[128 + i]).isCloseTo(90 / 255f, within(tolerance));
      for (int c = 0; c < 3; c++) {
        assertThat(v[192 + c * 64 + i]).isCloseTo(0f, within(tolerance));
      }
    }
  }

  @Test
  void decodesEachFileOnceWhenFittedAndServesBatchesFromTheCache() throws Exception {
    Path file = TestImages.write(TestImages.uniform(40, 30, 10, 200, 30), "png",
        dir.resolve("scene.png"));
    Path other = TestImages.write(TestImages.uniform(20, 20, 90, 90, 90), "png",
        dir.resolve("other.png"));
    // Three samples of the same file (as a data set hands one scene to many questions).
    List<ImageSample> samples = List.of(
        ImageSample.ofFile(file), ImageSample.ofFile(other), ImageSample.ofFile(file),
        ImageSample.ofFile(dir.resolve("sub/../scene.png")));
    ImageEncoderConfig cfg = config(8, 6, 3, List.of(), List.of());
    ImagePreprocessor pre = fit(cfg, samples, List.of("a", "b", "c", "d"));
    // Fitting decoded them to check them, and kept them resized: the files are not read again.
    assertThat(pre.cachedImages()).isEqualTo(2);
    assertThat(pre.cachedBytes()).isEqualTo(2L * 3 * 8 * 6);

    try (NDManager manager = NDManager.newBaseManager()) {
      // A preprocessor with an empty cache (as one loaded from its file) decodes at its batch.
      ImagePreprocessor empty = new ImagePreprocessor(cfg, "loaded");
      float[] decodedAtBatch = empty.batch(samples, manager).singletonOrThrow().toFloatArray();
      assertThat(empty.cachedImages()).isEqualTo(2);
      Files.delete(file);
      Files.delete(other);

      float[] first = pre.batch(samples, manager).singletonOrThrow().toFloatArray();
      assertThat(pre.cachedImages()).isEqualTo(2);
      float[] again = pre.batch(samples, manager).singletonOrThrow().toFloatArray();

      assertThat(first).containsExactly(decodedAtBatch);
      assertThat(again).containsExactly(first);
      int size = 3 * 8 * 6;
      for (int i = 0; i < size; i++) {
        assertThat(first[2 * size + i]).isEqualTo(first[i]);
        assertThat(first[3 * size + i]).isEqualTo(first[i]);
      }
    }
  }

  @Test
  void summaryCountsImagesAndDescribesSizesAndKindsAndTheFieldsComeFromTheOptions() {
    Path a = TestImages.write(TestImages.uniform(320, 240, 1, 2, 3), "png", dir.resolve("a.png"));
    Path b = TestImages.write(TestImages.grey(new int[][] {{1, 2}}), "png", dir.resolve("b.png"));
    List<ImageSample> samples =
        List.of(ImageSample.ofFile(a), ImageSample.ofFile(a), ImageSample.ofFile(b));

    ImagePreprocessor pre =
        fit(config(16, 12, 1, List.of(), List.of()), samples, List.of("1", "2", "3"));

    assertThat(pre.summary())
        .isEqualTo("3 images (2 distinct), 2x1, 320x240 RGB and grey, resized to 16x12 grey");
    assertThat(pre.channels()).isEqualTo(1);
    assertThat(pre.width()).isEqualTo(16);
    assertThat(pre.height()).isEqualTo(12);
    assertThat(pre.mean()).containsExactly(0.5f);
    assertThat(pre.std()).containsExactly(0.5f);
    ImagePreprocessor rgb = fit(config(8, 6, 3, List.of(), List.of()),
        List.of(ImageSample.ofFile(b)), List.of("x"));
    assertThat(rgb.summary()).isEqualTo("1 image, 2x1 grey, resized to 8x6 RGB");
    assertThat(rgb.channels()).isEqualTo(3);
    assertThat(rgb.mean()).containsExactly(0.485f, 0.456f, 0.406f);
    assertThat(rgb.std()).containsExactly(0.229f, 0.224f, 0.225f);
  }

  @Test
  void summaryOfManySizesNamesTheSmallestAndTheLargest() {
    List<ImageSample> samples = List.of(
        ImageSample.ofImage(TestImages.uniform(3, 3, 1, 1, 1), "a"),
        ImageSample.ofImage(TestImages.uniform(1, 2, 1, 1, 1), "b"),
        ImageSample.ofImage(TestImages.grey(new int[5][4]), "c"),
        ImageSample.ofImage(TestImages.uniform(2, 2, 1, 1, 1), "d"));

    ImagePreprocessor pre =
        fit(config(4, 4, 3, List.of(), List.of()), samples, List.of("a", "b", "c", "d"));

    assertThat(pre.summary())
        .isEqualTo("4 images, 1x2 to 4x5 (4 sizes) RGB and grey, resized to 4x4 RGB");
  }
}
