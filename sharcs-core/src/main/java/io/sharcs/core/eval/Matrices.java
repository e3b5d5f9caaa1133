package io.sharcs.core.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Row-major float matrices as Java arrays: copying out of tensors, joining, argmax, accuracy. */
public final class Matrices {

  private Matrices() {}

  /** Copies the rows of a (rows, cols) array into {@code out} from {@code offset}; the new end. */
  public static int copyRows(NDArray matrix, float[][] out, int offset) {
    Shape shape = matrix.getShape();
    int rows = (int) shape.get(0);
    int cols = (int) shape.get(1);
    float[] flat = matrix.toFloatArray();
    for (int r = 0; r < rows; r++) {
      float[] row = new float[cols];
      System.arraycopy(flat, r * cols, row, 0, cols);
      out[offset + r] = row;
    }
    return offset + rows;
  }

  /** {@link #copyRows(NDArray, float[][], int)} into a fresh {@code out}, which it returns. */
  public static float[][] copyRows(NDArray matrix, float[][] out) {
    copyRows(matrix, out, 0);
    return out;
  }

  /** Row r of the result is the concatenation of row r of every block, in order. */
  public static float[][] concatColumns(List<float[][]> blocks) {
    int rows = blocks.get(0).length;
    float[][] out = new float[rows][];
    for (int r = 0; r < rows; r++) {
      int width = 0;
      for (float[][] b : blocks) {
        width += b[r].length;
      }
      float[] row = new float[width];
      int at = 0;
      for (float[][] b : blocks) {
        System.arraycopy(b[r], 0, row, at, b[r].length);
        at += b[r].length;
      }
      out[r] = row;
    }
    return out;
  }

  /** The rows of {@code top} followed by those of {@code bottom} (not copied). */
  public static float[][] concatRows(float[][] top, float[][] bottom) {
    float[][] out = new float[top.length + bottom.length][];
    System.arraycopy(top, 0, out, 0, top.length);
    System.arraycopy(bottom, 0, out, top.length, bottom.length);
    return out;
  }

  /** Per row, the index of the largest value; ties go to the lowest index. */
  public static int[] argMax(float[][] logits) {
    int[] out = new int[logits.length];
    for (int r = 0; r < logits.length; r++) {
      out[r] = argMax(logits[r]);
    }
    return out;
  }

  public static int argMax(float[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  /** The fraction of predictions equal to their label (NaN for none). */
  public static double accuracy(int[] predicted, int[] labels) {
    if (predicted.length != labels.length) {
      throw new IllegalArgumentException(
          predicted.length + " predictions for " + labels.length + " labels");
    }
    return labels.length == 0 ? Double.NaN : countEqual(predicted, labels) / (double) labels.length;
  }

  /** How many predictions equal their label. */
  public static long countEqual(int[] predicted, int[] labels) {
    long correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predicted[i] == labels[i]) {
        correct++;
      }
    }
    return correct;
  }
}
