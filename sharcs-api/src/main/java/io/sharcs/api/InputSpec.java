package io.sharcs.api;

/**
 * The common shape of a modality's samples, found by {@link ModalityPlugin#inspect}.
 *
 * @param featureWidth width of one feature vector (table width, node-feature width, channels...)
 * @param maxElements the largest number of elements in one sample (nodes of a graph, tokens...),
 *     or 1 for fixed-size inputs
 * @param summary a short description for logs and provenance, e.g. {@code "6 columns"}
 */
public record InputSpec(int featureWidth, int maxElements, String summary) {
  public InputSpec {
    if (featureWidth <= 0 || maxElements <= 0) {
      throw new IllegalArgumentException(
          "featureWidth and maxElements must be > 0, got " + featureWidth + ", " + maxElements);
    }
  }
}
