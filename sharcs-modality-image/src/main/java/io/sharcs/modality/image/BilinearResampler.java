package io.sharcs.modality.image;

/**
 * Resizes planar images the way PIL's {@code Image.resize(size, BILINEAR)} does, which the
 * reference uses: a separable triangle filter whose support widens with the scale factor when
 * shrinking, so every source pixel contributes (plain 4-tap bilinear interpolation would skip
 * most pixels of a 5x reduction and could miss a small object). Horizontal pass first, then
 * vertical. Unlike PIL, the intermediate image is kept in floating point rather than rounded to
 * 8 bits, so results can differ from PIL's by about one grey level.
 */
final class BilinearResampler {

  private BilinearResampler() {}

  /**
   * Resizes {@code channels} planes of {@code inW x inH} values to {@code outW x outH}.
   *
   * @return {@code channels} planes of {@code outH x outW} values, row major
   */
  static float[] resize(float[] planes, int channels, int inW, int inH, int outW, int outH) {
    if (planes.length != channels * inW * inH) {
      throw new IllegalArgumentException(
          "got " + planes.length + " values, expected " + channels + "x" + inH + "x" + inW);
    }
    Coefficients cx = Coefficients.of(inW, outW);
    Coefficients cy = Coefficients.of(inH, outH);
    float[] out = new float[channels * outW * outH];
    float[] rows = new float[inH * outW];
    for (int c = 0; c < channels; c++) {
      int src = c * inW * inH;
      for (int y = 0; y < inH; y++) {
        for (int x = 0; x < outW; x++) {
          rows[y * outW + x] = cx.apply(planes, src + y * inW, 1, x);
        }
      }
      int dst = c * outW * outH;
      for (int y = 0; y < outH; y++) {
        for (int x = 0; x < outW; x++) {
          out[dst + y * outW + x] = cy.apply(rows, x, outW, y);
        }
      }
    }
    return out;
  }

  /** Per output position: the first source index and the normalised filter weights. */
  private record Coefficients(int[] start, float[][] weights) {

    static Coefficients of(int in, int out) {
      double scale = (double) in / out;
      double filterScale = Math.max(scale, 1.0);
      double support = filterScale; // the triangle filter's support is 1
      int[] start = new int[out];
      float[][] weights = new float[out][];
      for (int i = 0; i < out; i++) {
        double center = (i + 0.5) * scale;
        // (int) truncates toward zero, as PIL's C code does.
        int min = Math.max((int) (center - support + 0.5), 0);
        int max = Math.min((int) (center + support + 0.5), in);
        double[] w = new double[max - min];
        double total = 0;
        for (int j = 0; j < w.length; j++) {
          w[j] = triangle((j + min - center + 0.5) / filterScale);
          total += w[j];
        }
        float[] normalised = new float[w.length];
        for (int j = 0; j < w.length; j++) {
          normalised[j] = total == 0 ? 0f : (float) (w[j] / total);
        }
        start[i] = min;
        weights[i] = normalised;
      }
      return new Coefficients(start, weights);
    }

    /** The weighted sum for output {@code i} of the line at {@code offset} with {@code stride}. */
    float apply(float[] data, int offset, int stride, int i) {
      float[] w = weights[i];
      int at = offset + start[i] * stride;
      float sum = 0;
      for (int j = 0; j < w.length; j++) {
        sum += w[j] * data[at + j * stride];
      }
      return sum;
    }

    private static double triangle(double x) {
      double a = Math.abs(x);
      return a < 1 ? 1 - a : 0;
    }
  }
}
