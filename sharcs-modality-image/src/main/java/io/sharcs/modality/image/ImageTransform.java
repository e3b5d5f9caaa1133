package io.sharcs.modality.image;

import java.util.Arrays;

/**
 * The image preprocessing of the reference, in two steps. {@link #resized} decodes, converts the
 * channels and resizes to an 8-bit image of the target size (what PIL holds after {@code
 * convert} and {@code resize}); {@link #normalise} scales to [0, 1] and normalises per channel.
 * The first step is expensive and its result small, so callers cache it; the second is a table
 * lookup per value.
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

  /**
   * @param width the target width
   * @param height the target height
   * @param channels 1 (grey) or 3 (RGB)
   * @param mean per-channel mean, one value per channel
   * @param std per-channel standard deviation, one value per channel
   * @param maxPixels the largest image decoded (see {@link ImageDecoder#decode})
   */
  ImageTransform(
      int width, int height, int channels, float[] mean, float[] std, long maxPixels) {
    if (mean.length != channels || std.length != channels) {
      throw new IllegalArgumentException(
          "expected " + channels + " means and stds, got " + Arrays.toString(mean) + " and "
              + Arrays.toString(std));
    }
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.maxPixels = maxPixels;
    // (v / 255 - mean) / std for every 8-bit value v, per channel.
    lookup = new float[channels][256];
    for (int c = 0; c < channels; c++) {
      for (int v = 0; v < 256; v++) {
        lookup[c][v] = (v / 255f - mean[c]) / std[c];
      }
    }
  }

  /** The largest image decoded, in pixels (option {@code max_pixels}). */
  long maxPixels() {
    return maxPixels;
  }

  /** The transform an encoder config asks for. */
  static ImageTransform of(ImageEncoderConfig config) {
    return new ImageTransform(
        config.width(), config.height(), config.channels(), config.channelMean(),
        config.channelStd(), config.maxPixels());
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
    ImageDecoder.Pixels pixels = ImageDecoder.decode(sample, maxPixels);
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
