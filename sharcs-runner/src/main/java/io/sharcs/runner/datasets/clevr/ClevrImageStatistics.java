package io.sharcs.runner.datasets.clevr;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Simple, deterministic statistics of a single-object CLEVR image: the third modality
 * ({@code stats}) of {@code statistics_modality: true}.
 *
 * <p>The background is estimated per row as the median of each channel (the ground plane varies
 * smoothly with depth and one object covers well under half a row). A pixel belongs to the
 * <em>object region</em> when it differs from its row's background by more than {@value
 * #THRESHOLD} grey levels summed over R, G and B; the core of the object's shadow can fall into it
 * too. The statistics, all in [0, 1], are listed in {@link #NAMES}.
 */
public final class ClevrImageStatistics {

  /** The column names, in order. */
  public static final List<String> NAMES = List.of(
      "object_r", "object_g", "object_b",
      "background_r", "background_g", "background_b",
      "object_brightness", "object_contrast", "object_highlights", "object_saturation",
      "object_area", "box_width", "box_height", "box_fill");

  static final int THRESHOLD = 60;
  // Luma above this counts as a specular highlight (shiny metal shows them, matte rubber hardly).
  private static final double HIGHLIGHT = 0.85 * 255;

  private ClevrImageStatistics() {}

  /** The statistics of {@code image}, {@code NAMES.size()} values. */
  public static float[] of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    double[] sum = new double[3];
    double[] bgSum = new double[3];
    double luma = 0;
    double lumaSq = 0;
    double saturation = 0;
    long highlights = 0;
    long area = 0;
    long background = 0;
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    int[] median = new int[3];
    int[][] histogram = new int[3][256];
    for (int y = 0; y < h; y++) {
      rowMedian(rgb, y * w, w, histogram, median);
      for (int x = 0; x < w; x++) {
        int p = rgb[y * w + x];
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        int diff = Math.abs(r - median[0]) + Math.abs(g - median[1]) + Math.abs(b - median[2]);
        if (diff > THRESHOLD) {
          area++;
          sum[0] += r;
          sum[1] += g;
          sum[2] += b;
          double l = 0.299 * r + 0.587 * g + 0.114 * b;
          luma += l;
          lumaSq += l * l;
          if (l > HIGHLIGHT) {
            highlights++;
          }
          int max = Math.max(r, Math.max(g, b));
          int min = Math.min(r, Math.min(g, b));
          saturation += max == 0 ? 0 : (max - min) / (double) max;
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        } else {
          background++;
          bgSum[0] += r;
          bgSum[1] += g;
          bgSum[2] += b;
        }
      }
    }
    float[] out = new float[NAMES.size()];
    if (background > 0) {
      for (int c = 0; c < 3; c++) {
        out[3 + c] = (float) (bgSum[c] / background / 255);
      }
    }
    if (area > 0) {
      for (int c = 0; c < 3; c++) {
        out[c] = (float) (sum[c] / area / 255);
      }
      double mean = luma / area;
      out[6] = (float) (mean / 255);
      out[7] = (float) (Math.sqrt(Math.max(0, lumaSq / area - mean * mean)) / 255);
      out[8] = (float) ((double) highlights / area);
      out[9] = (float) (saturation / area);
      out[10] = (float) ((double) area / ((long) w * h));
      int boxW = maxX - minX + 1;
      int boxH = maxY - minY + 1;
      out[11] = (float) ((double) boxW / w);
      out[12] = (float) ((double) boxH / h);
      out[13] = (float) ((double) area / ((long) boxW * boxH));
    }
    return out;
  }

  private static void rowMedian(int[] rgb, int offset, int w, int[][] histogram, int[] median) {
    for (int[] hc : histogram) {
      java.util.Arrays.fill(hc, 0);
    }
    for (int x = 0; x < w; x++) {
      int p = rgb[offset + x];
      histogram[0][(p >> 16) & 0xff]++;
      histogram[1][(p >> 8) & 0xff]++;
      histogram[2][p & 0xff]++;
    }
    int half = w / 2;
    for (int c = 0; c < 3; c++) {
      int seen = 0;
      int v = 0;
      while (v < 255 && seen + histogram[c][v] <= half) {
        seen += histogram[c][v];
        v++;
      }
      median[c] = v;
    }
  }
}
