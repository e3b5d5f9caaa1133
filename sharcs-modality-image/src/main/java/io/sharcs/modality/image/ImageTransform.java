package io.sharcs.modality.image;

import java.util.Arrays;

/**
 * The image preprocessing of the reference, in two steps. {@link #resized} decodes, converts the
 * channels and resizes to an 8-bit image of the target size (what PIL holds after {@code
 * convert} and {@code resize}); {@link #normalise} scales to [0, 1] and normalises per channel,
 * or, for raw pixels, keeps the values 0..255 (the reference's MNIST input). The first step is
 * expensive and its result small, so callers cache it; the second is a table lookup per value.
 * An inline raster that already has the target size and channels skips the first step ({@link
 * #fits}, {@link #normaliseRaster}).
 */
final class ImageTransform {

  // ITU-R 601-2 luma, PIL's convert("L").
  private static final float LUMA_R = 0.299f;
  private static final float LUMA_G = 0.587f;
  private static final float LUMA_B = 0.114f;

  private final int width;
  private final int height;
  private final int channels;
  private final float[][] lookup;
  private final long maxPixels;
  private final boolean raw;

  /**
   * @param width the target width
   * @param height the target height
   * @param channels 1 (grey) or 3 (RGB)
   * @param mean per-channel mean, one value per channel
   * @param std per-channel standard deviation, one value per channel
   * @param maxPixels the largest image decoded (see {@link ImageDecoder#decode})
   * @param raw whether values stay 0..255 (mean and std are then ignored)
   */
  ImageTransform(int width, int height, int channels, float[] mean, float[] std,
      long maxPixels, boolean raw) {
    if (mean.length != channels || std.length != channels) {
      throw new IllegalArgumentException(
          "expected " + channels + " means and stds, got " + Arrays.toString(mean) + " and "
              + Arrays.toString(std));
    }
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.maxPixels = maxPixels;
    this.raw = raw;
    // (v / 255 - mean) / std for every 8-bit value v, per channel; v itself for raw pixels.
    lookup = new float[channels][256];
    for (int c = 0; c < channels; c++) {
      for (int v = 0; v < 256; v++) {
        lookup[c][v] = raw ? v : (v / 255f - mean[c]) / std[c];
      }
    }
  }

  /** Whether pixel values stay 0..255. */
  boolean raw() {
    return raw;
  }

  /** The largest image decoded, in pixels (option {@code max_pixels}). */
  long maxPixels() {
    return maxPixels;
  }

  /** The transform an encoder config asks for. */
  static ImageTransform of(ImageEncoderConfig config) {
    return new ImageTransform(
        config.width(), config.height(), config.channels(), config.channelMean(),
        config.channelStd(), config.maxPixels(), config.rawPixels());
  }

  /**
   * Whether {@code sample} is an inline raster of exactly the target size and channels, which
   * needs no decoding, conversion or resizing (and so no cache).
   */
  boolean fits(ImageSample sample) {
    return sample.raster()
        .map(r -> r.width() == width && r.height() == height && r.channels() == channels)
        .orElse(false);
  }

  /**
   * Writes the normalised values of a raster that {@link #fits} into {@code out} at {@code
   * offset}, planar ({@code channels x height x width}) as {@link #normalise}.
   */
  void normaliseRaster(ImageSample sample, float[] out, int offset) {
    ImageSample.Raster r = sample.raster().orElseThrow();
    int plane = width * height;
    for (int c = 0; c < channels; c++) {
      float[] table = lookup[c];
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          out[offset + c * plane + y * width + x] = table[r.value(x, y, c)];
        }
      }
    }
  }

  /** Values per image after the transform: channels x height x width. */
  int size() {
    return channels * height * width;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  int channels() {
    return channels;
  }

  /**
   * Decodes {@code sample}, converts it to this transform's channels, resizes it and rounds to
   * 8 bits: {@code channels x height x width} values, row major per channel.
   *
   * @throws io.sharcs.api.InvalidInputException when the image cannot be read
   */
  byte[] resized(ImageSample sample) {
    return resized(ImageDecoder.decode(sample, maxPixels));
  }

  /** {@link #resized(ImageSample)} of pixels already decoded. */
  byte[] resized(ImageDecoder.Pixels pixels) {
    float[] converted = convert(pixels);
    float[] resized = BilinearResampler.resize(
        converted, channels, pixels.width(), pixels.height(), width, height);
    byte[] out = new byte[resized.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Math.max(0, Math.min(255, Math.round(resized[i])));
    }
    return out;
  }

  /** Writes the normalised values of a {@link #resized} image into {@code out} at {@code offset}. */
  void normalise(byte[] image, float[] out, int offset) {
    int plane = width * height;
    for (int c = 0; c < channels; c++) {
      float[] table = lookup[c];
      int base = c * plane;
      for (int i = 0; i < plane; i++) {
        out[offset + base + i] = table[image[base + i] & 0xff];
      }
    }
  }

  private float[] convert(ImageDecoder.Pixels pixels) {
    if (pixels.channels() == channels) {
      return pixels.planes();
    }
    int n = pixels.width() * pixels.height();
    float[] in = pixels.planes();
    if (channels == 1) {
      float[] grey = new float[n];
      for (int i = 0; i < n; i++) {
        grey[i] = LUMA_R * in[i] + LUMA_G * in[n + i] + LUMA_B * in[2 * n + i];
      }
      return grey;
    }
    float[] rgb = new float[3 * n];
    for (int c = 0; c < 3; c++) {
      System.arraycopy(in, 0, rgb, c * n, n);
    }
    return rgb;
  }
}
