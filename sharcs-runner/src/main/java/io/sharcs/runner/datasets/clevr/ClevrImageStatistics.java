package io.sharcs.runner.datasets.clevr;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Simple, deterministic statistics of a single-object CLEVR image: the third modality
 * ({@code stats}) of {@code statistics_modality: true}.
 *
 * <p>The background (the ground plane, whose light varies smoothly over the image) is modelled per
 * channel as a cubic polynomial of the pixel position, fitted by least squares to every fourth
 * pixel of every fourth row, then refitted twice without the pixels it explains badly (the object
 * and its shadow). A pixel differs from the background when its three channels differ from the
 * model by more than {@value #THRESHOLD} grey levels in total; the <em>object region</em> is the
 * largest 8-connected group of such pixels (the darkest core of the object's shadow may join it).
 * The statistics, listed in {@link #NAMES}, are in [0, 1]: the mean colour of the object region
 * and of the rest, the region's mean brightness (luma), its contrast (standard deviation of luma),
 * the share of highlight pixels (luma above 85%), its mean saturation, its area as a share of the
 * image, its bounding box's width and height as shares of the image's, and the share of the box it
 * fills. An image without such pixels has zeros for the object's statistics.
 */
public final class ClevrImageStatistics {

  /** The column names, in order. */
  public static final List<String> NAMES = List.of(
      "object_r", "object_g", "object_b",
      "background_r", "background_g", "background_b",
      "object_brightness", "object_contrast", "object_highlights", "object_saturation",
      "object_area", "box_width", "box_height", "box_fill");

  static final int THRESHOLD = 40;
  // Pixels whose model residual exceeds this are left out of the next fit.
  private static final double OUTLIER = 30;
  private static final double HIGHLIGHT = 0.85 * 255;
  private static final int STEP = 4;
  private static final int TERMS = 10;

  private ClevrImageStatistics() {}

  /** The statistics of {@code image}, {@code NAMES.size()} values. */
  public static float[] of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    double[][] model = fitBackground(rgb, w, h);
    boolean[] differs = new boolean[w * h];
    double[] terms = new double[TERMS];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        terms(x, y, w, h, terms);
        differs[y * w + x] = residual(rgb[y * w + x], model, terms) > THRESHOLD;
      }
    }
    boolean[] object = largestComponent(differs, w, h);
    return statistics(rgb, object, w, h);
  }

  private static float[] statistics(int[] rgb, boolean[] object, int w, int h) {
    double[] sum = new double[3];
    double[] bgSum = new double[3];
    double luma = 0;
    double lumaSq = 0;
    double saturation = 0;
    long highlights = 0;
    long area = 0;
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    for (int i = 0; i < rgb.length; i++) {
      int r = (rgb[i] >> 16) & 0xff;
      int g = (rgb[i] >> 8) & 0xff;
      int b = rgb[i] & 0xff;
      if (!object[i]) {
        bgSum[0] += r;
        bgSum[1] += g;
        bgSum[2] += b;
        continue;
      }
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
      int x = i % w;
      int y = i / w;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    float[] out = new float[NAMES.size()];
    long background = rgb.length - area;
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
      out[10] = (float) ((double) area / rgb.length);
      int boxW = maxX - minX + 1;
      int boxH = maxY - minY + 1;
      out[11] = (float) ((double) boxW / w);
      out[12] = (float) ((double) boxH / h);
      out[13] = (float) ((double) area / ((long) boxW * boxH));
    }
    return out;
  }

  /** Least-squares cubic background per channel, refitted twice without outliers. */
  private static double[][] fitBackground(int[] rgb, int w, int h) {
    double[][] model = null;
    double[] terms = new double[TERMS];
    for (int round = 0; round < 3; round++) {
      double[][] normal = new double[TERMS][TERMS];
      double[][] rhs = new double[3][TERMS];
      for (int y = STEP / 2; y < h; y += STEP) {
        for (int x = STEP / 2; x < w; x += STEP) {
          int p = rgb[y * w + x];
          terms(x, y, w, h, terms);
          if (model != null && residual(p, model, terms) > OUTLIER) {
            continue;
          }
          int[] channel = {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
          for (int a = 0; a < TERMS; a++) {
            for (int b = 0; b < TERMS; b++) {
              normal[a][b] += terms[a] * terms[b];
            }
            for (int c = 0; c < 3; c++) {
              rhs[c][a] += terms[a] * channel[c];
            }
          }
        }
      }
      double[][] next = new double[3][];
      for (int c = 0; c < 3; c++) {
        next[c] = solve(normal, rhs[c]);
      }
      model = next;
    }
    return model;
  }

  private static void terms(int x, int y, int w, int h, double[] out) {
    double u = (x + 0.5) / w - 0.5;
    double v = (y + 0.5) / h - 0.5;
    out[0] = 1;
    out[1] = u;
    out[2] = v;
    out[3] = u * u;
    out[4] = u * v;
    out[5] = v * v;
    out[6] = u * u * u;
    out[7] = u * u * v;
    out[8] = u * v * v;
    out[9] = v * v * v;
  }

  private static double residual(int p, double[][] model, double[] terms) {
    double total = 0;
    for (int c = 0; c < 3; c++) {
      int value = (p >> (16 - 8 * c)) & 0xff;
      double predicted = 0;
      for (int k = 0; k < TERMS; k++) {
        predicted += model[c][k] * terms[k];
      }
      total += Math.abs(value - predicted);
    }
    return total;
  }

  /** Gaussian elimination with partial pivoting; a tiny ridge keeps it regular. */
  private static double[] solve(double[][] matrix, double[] rhs) {
    int n = rhs.length;
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(matrix[i], 0, a[i], 0, n);
      a[i][i] += 1e-9;
      a[i][n] = rhs[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      for (int r = col + 1; r < n; r++) {
        double f = a[r][col] / a[col][col];
        for (int k = col; k <= n; k++) {
          a[r][k] -= f * a[col][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = a[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }

  /** The largest 8-connected group of true pixels (the first found on ties). */
  private static boolean[] largestComponent(boolean[] mask, int w, int h) {
    int[] label = new int[mask.length];
    int[] queue = new int[mask.length];
    int best = 0;
    int bestSize = 0;
    int next = 0;
    for (int start = 0; start < mask.length; start++) {
      if (!mask[start] || label[start] != 0) {
        continue;
      }
      next++;
      int head = 0;
      int tail = 0;
      queue[tail++] = start;
      label[start] = next;
      while (head < tail) {
        int i = queue[head++];
        int x = i % w;
        int y = i / w;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
              continue;
            }
            int j = ny * w + nx;
            if (mask[j] && label[j] == 0) {
              label[j] = next;
              queue[tail++] = j;
            }
          }
        }
      }
      if (tail > bestSize) {
        bestSize = tail;
        best = next;
      }
    }
    boolean[] out = new boolean[mask.length];
    for (int i = 0; i < mask.length; i++) {
      out[i] = best != 0 && label[i] == best;
    }
    return out;
  }
}
