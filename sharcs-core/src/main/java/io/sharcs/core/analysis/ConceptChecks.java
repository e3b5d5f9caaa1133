package io.sharcs.core.analysis;

/** Shape checks shared by the concept analyses, so every entry point fails with the same words. */
final class ConceptChecks {

  /** The threshold the paper discretises concepts at: {@code value > 0.5} is an active concept. */
  static final float ACTIVE_THRESHOLD = 0.5f;

  private ConceptChecks() {}

  /**
   * Checks that {@code matrix} is a non-empty, non-ragged matrix with at least one column.
   *
   * @return its width
   */
  static int width(String name, float[][] matrix) {
    if (matrix == null) {
      throw new IllegalArgumentException(name + " is null");
    }
    if (matrix.length == 0) {
      throw new IllegalArgumentException(name + " has no rows");
    }
    if (matrix[0] == null || matrix[0].length == 0) {
      throw new IllegalArgumentException(name + " has no columns");
    }
    int width = matrix[0].length;
    for (int i = 1; i < matrix.length; i++) {
      if (matrix[i] == null || matrix[i].length != width) {
        throw new IllegalArgumentException(
            name
                + " is ragged: row "
                + i
                + " has "
                + (matrix[i] == null ? "no array" : matrix[i].length + " columns")
                + ", row 0 has "
                + width);
      }
    }
    return width;
  }

  /** Checks that there is exactly one label per row. */
  static void labelsMatch(String matrixName, float[][] matrix, String labelsName, int[] labels) {
    if (labels == null) {
      throw new IllegalArgumentException(labelsName + " is null");
    }
    if (labels.length != matrix.length) {
      throw new IllegalArgumentException(
          matrixName
              + " has "
              + matrix.length
              + " rows but "
              + labelsName
              + " has "
              + labels.length
              + " labels");
    }
  }

  /** Whether a concept activation counts as "on" once discretised. */
  static boolean active(float value) {
    return value > ACTIVE_THRESHOLD;
  }
}
