package io.sharcs.core.eval;

/**
 * A bank of shared concept vectors of one modality, searched by Euclidean distance. It is what
 * missing-modality retrieval looks the missing modality up in.
 */
public final class ConceptBank {

  private final float[][] vectors;

  /** @param vectors one row per bank entry, all of the same width */
  public ConceptBank(float[][] vectors) {
    if (vectors.length == 0) {
      throw new IllegalArgumentException("a concept bank needs at least one vector");
    }
    this.vectors = vectors.clone();
  }

  /** The number of entries. */
  public int size() {
    return vectors.length;
  }

  /** Entry {@code i} (not a copy: callers must not modify it). */
  public float[] get(int i) {
    return vectors[i];
  }

  /** The index of the entry nearest to {@code query} (L2); ties go to the lowest index. */
  public int nearest(float[] query) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < vectors.length; i++) {
      double d = 0;
      float[] v = vectors[i];
      for (int j = 0; j < v.length; j++) {
        double diff = v[j] - query[j];
        d += diff * diff;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }
}
