package io.sharcs.core.analysis;

import java.util.List;

/**
 * Builds the concept sets the paper reports concept completeness and concept clusters for (method
 * spec §5.2, §5.3): the "shared" set stacks every modality's shared concepts as separate rows, the
 * "combined" set puts them side by side in one row per sample.
 */
public final class ConceptSets {

  private ConceptSets() {}

  /**
   * The "shared" concept set: all modalities' rows stacked, modality-major ({@code [s1; s2; ...]}).
   * Pair it with {@link #repeatLabels(int[], int)} for its labels.
   *
   * @param perModality one concept matrix per modality, all of the same width
   * @return a new matrix with the rows of every modality, first modality first (rows are copied)
   * @throws IllegalArgumentException if the list is empty, a matrix is empty or ragged, or the
   *     widths differ
   */
  public static float[][] stackRows(List<float[][]> perModality) {
    checkNonEmpty(perModality);
    int width = ConceptChecks.width("modality 0", perModality.get(0));
    int rows = 0;
    for (int m = 0; m < perModality.size(); m++) {
      int w = ConceptChecks.width("modality " + m, perModality.get(m));
      if (w != width) {
        throw new IllegalArgumentException(
            "modality " + m + " has " + w + " concept columns but modality 0 has " + width);
      }
      rows += perModality.get(m).length;
    }
    float[][] stacked = new float[rows][];
    int r = 0;
    for (float[][] matrix : perModality) {
      for (float[] row : matrix) {
        stacked[r++] = row.clone();
      }
    }
    return stacked;
  }

  /**
   * The "combined" concept set: the modalities' concept vectors concatenated column-wise, one row
   * per sample ({@code [s1 | s2 | ...]}).
   *
   * @param perModality one concept matrix per modality, all with the same number of rows
   * @return a new matrix whose width is the sum of the modalities' widths
   * @throws IllegalArgumentException if the list is empty, a matrix is empty or ragged, or the row
   *     counts differ
   */
  public static float[][] concatColumns(List<float[][]> perModality) {
    checkNonEmpty(perModality);
    int rows = perModality.get(0) == null ? 0 : perModality.get(0).length;
    int width = 0;
    for (int m = 0; m < perModality.size(); m++) {
      width += ConceptChecks.width("modality " + m, perModality.get(m));
      if (perModality.get(m).length != rows) {
        throw new IllegalArgumentException(
            "modality "
                + m
                + " has "
                + perModality.get(m).length
                + " rows but modality 0 has "
                + rows);
      }
    }
    float[][] combined = new float[rows][width];
    for (int i = 0; i < rows; i++) {
      int offset = 0;
      for (float[][] matrix : perModality) {
        System.arraycopy(matrix[i], 0, combined[i], offset, matrix[i].length);
        offset += matrix[i].length;
      }
    }
    return combined;
  }

  /**
   * The labels of a stacked set: {@code labels} repeated {@code times} times, whole array after
   * whole array, matching {@link #stackRows(List)}'s modality-major order.
   *
   * @throws IllegalArgumentException if {@code labels} is null or {@code times < 1}
   */
  public static int[] repeatLabels(int[] labels, int times) {
    if (labels == null) {
      throw new IllegalArgumentException("labels is null");
    }
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1, got " + times);
    }
    int[] repeated = new int[labels.length * times];
    for (int t = 0; t < times; t++) {
      System.arraycopy(labels, 0, repeated, t * labels.length, labels.length);
    }
    return repeated;
  }

  private static void checkNonEmpty(List<float[][]> perModality) {
    if (perModality == null || perModality.isEmpty()) {
      throw new IllegalArgumentException("at least one modality's concepts are needed");
    }
  }
}
