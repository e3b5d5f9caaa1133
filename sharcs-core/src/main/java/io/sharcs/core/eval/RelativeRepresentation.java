package io.sharcs.core.eval;

/**
 * Relative representations (Moschella et al., the reference's anchors baseline): an embedding is
 * described by its cosine similarity to each anchor of its own modality, so embeddings of
 * different modalities become comparable when their anchors are parallel (anchor j shows the
 * same content in every modality).
 *
 * <p>Cosine similarity as PyTorch's {@code cosine_similarity} with eps {@value #EPS}: {@code x . a
 * / (max(|x|, eps) * max(|a|, eps))}, so a (near) zero vector has similarity 0 to everything
 * rather than NaN. Computed in double precision.
 */
public final class RelativeRepresentation {

  /** The norm floor, as the reference's {@code eps=1e-6}. */
  public static final double EPS = 1e-6;

  private RelativeRepresentation() {}

  /**
   * @param embeddings (rows, k) embeddings of one modality
   * @param anchors (n, k) embeddings of that modality's anchors
   * @return (rows, n): row r holds the cosine similarity of embedding r to every anchor
   */
  public static float[][] of(float[][] embeddings, float[][] anchors) {
    double[] anchorNorms = new double[anchors.length];
    for (int j = 0; j < anchors.length; j++) {
      anchorNorms[j] = Math.max(norm(anchors[j]), EPS);
    }
    float[][] out = new float[embeddings.length][anchors.length];
    for (int r = 0; r < embeddings.length; r++) {
      float[] x = embeddings[r];
      double xNorm = Math.max(norm(x), EPS);
      for (int j = 0; j < anchors.length; j++) {
        float[] a = anchors[j];
        if (a.length != x.length) {
          throw new IllegalArgumentException(
              "embedding width " + x.length + " differs from anchor width " + a.length);
        }
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
          dot += (double) x[i] * a[i];
        }
        out[r][j] = (float) (dot / (xNorm * anchorNorms[j]));
      }
    }
    return out;
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float f : v) {
      s += (double) f * f;
    }
    return Math.sqrt(s);
  }
}
