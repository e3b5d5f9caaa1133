package io.sharcs.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Small helpers to move between Java matrices and NDArrays in tests. */
final class Arrays2 {

  private Arrays2() {}

  static NDArray matrix(NDManager manager, float[][] rows) {
    int k = rows[0].length;
    float[] flat = new float[rows.length * k];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * k, k);
    }
    return manager.create(flat, new Shape(rows.length, k));
  }

  static float[][] rows(NDArray array) {
    int n = (int) array.getShape().get(0);
    int k = (int) array.getShape().get(1);
    float[] flat = array.toFloatArray();
    float[][] out = new float[n][k];
    for (int r = 0; r < n; r++) {
      System.arraycopy(flat, r * k, out[r], 0, k);
    }
    return out;
  }

  static double[] columnMeans(float[][] x) {
    double[] mean = new double[x[0].length];
    for (float[] row : x) {
      for (int c = 0; c < row.length; c++) {
        mean[c] += row[c];
      }
    }
    for (int c = 0; c < mean.length; c++) {
      mean[c] /= x.length;
    }
    return mean;
  }

  /** Column variances; biased (divide by n) or unbiased (divide by n - 1). */
  static double[] columnVariances(float[][] x, boolean unbiased) {
    double[] mean = columnMeans(x);
    double[] var = new double[mean.length];
    for (float[] row : x) {
      for (int c = 0; c < row.length; c++) {
        double d = row[c] - mean[c];
        var[c] += d * d;
      }
    }
    for (int c = 0; c < var.length; c++) {
      var[c] /= unbiased ? x.length - 1 : x.length;
    }
    return var;
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** sigmoid(a * (x - mean) / sqrt(var + 1e-5)) column-wise, in double precision. */
  static float[][] conceptLayer(float[][] x, double[] mean, double[] var, double steepness) {
    float[][] out = new float[x.length][x[0].length];
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < x[r].length; c++) {
        out[r][c] = (float) sigmoid(steepness * (x[r][c] - mean[c]) / Math.sqrt(var[c] + 1e-5));
      }
    }
    return out;
  }

  static float[][] concatRows(float[][]... parts) {
    int n = 0;
    for (float[][] p : parts) {
      n += p.length;
    }
    float[][] out = new float[n][];
    int at = 0;
    for (float[][] p : parts) {
      for (float[] row : p) {
        out[at++] = row;
      }
    }
    return out;
  }

  static float[] flat(float[][] x) {
    int k = x[0].length;
    float[] out = new float[x.length * k];
    for (int r = 0; r < x.length; r++) {
      System.arraycopy(x[r], 0, out, r * k, k);
    }
    return out;
  }

  static boolean allFinite(float[] v) {
    for (float x : v) {
      if (!Float.isFinite(x)) {
        return false;
      }
    }
    return true;
  }
}
