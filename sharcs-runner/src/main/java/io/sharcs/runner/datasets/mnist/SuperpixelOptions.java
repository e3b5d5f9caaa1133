package io.sharcs.runner.datasets.mnist;

import io.sharcs.api.InvalidConfigException;
import java.util.Locale;

/**
 * Options of the SLIC superpixels ({@code dataset.superpixels}); see {@link Slic}, and of the
 * edges of their graphs; see {@link SuperpixelGraph}.
 *
 * @param segments the number of SLIC seeds, about the number of superpixels (nodes) per digit, in
 *     [2, 784]; 75 as in PyG's MNISTSuperpixels
 * @param compactness the weight of spatial distance against intensity distance (intensities in
 *     [0, 1], distances in units of the seed spacing): larger gives more regular, grid-like
 *     regions, smaller regions that follow the strokes more closely; in (0, 100]
 * @param iterations the number of SLIC assignment and update rounds, in [1, 100]
 * @param edges which superpixels an edge joins: {@value #ADJACENCY} (those that touch, the region
 *     adjacency graph) or {@value #KNN} (each to its {@code neighbours} nearest by centroid, made
 *     symmetric); case-insensitive, kept in lower case
 * @param neighbours the k of {@value #KNN}, in [1, 32]; unused by {@value #ADJACENCY}
 */
public record SuperpixelOptions(
    int segments, double compactness, int iterations, String edges, int neighbours) {

  /** The {@code edges} value of the region adjacency graph. */
  public static final String ADJACENCY = "adjacency";

  /** The {@code edges} value of the symmetric k-nearest-neighbour graph. */
  public static final String KNN = "knn";

  /** The largest {@code neighbours}. */
  public static final int MAX_NEIGHBOURS = 32;

  /**
   * The defaults: 75 segments; compactness 0.35, whose superpixels followed the strokes best of
   * the values from 0.1 to 1 measured on all 70,000 digits (docs/results/mnist.md); 10
   * iterations (SLIC's usual number); adjacency edges (kNN with 8 neighbours when chosen).
   */
  public static final SuperpixelOptions DEFAULTS =
      new SuperpixelOptions(75, 0.35, 10, ADJACENCY, 8);

  public SuperpixelOptions {
    if (segments < 2 || segments > IdxFile.SIDE * IdxFile.SIDE) {
      throw new InvalidConfigException("segments", "got " + segments
          + ", expected an integer in [2, " + IdxFile.SIDE * IdxFile.SIDE + "] (at most one per"
          + " pixel)");
    }
    if (!(compactness > 0 && compactness <= 100)) {
      throw new InvalidConfigException(
          "compactness", "got " + compactness + ", expected a number in (0, 100]");
    }
    if (iterations < 1 || iterations > 100) {
      throw new InvalidConfigException(
          "iterations", "got " + iterations + ", expected an integer in [1, 100]");
    }
    String norm = edges == null ? null : edges.trim().toLowerCase(Locale.ROOT);
    if (!ADJACENCY.equals(norm) && !KNN.equals(norm)) {
      throw new InvalidConfigException("edges", "got " + (edges == null ? "null" : "'" + edges
          + "'") + ", expected " + ADJACENCY + " or " + KNN);
    }
    edges = norm;
    if (neighbours < 1 || neighbours > MAX_NEIGHBOURS) {
      throw new InvalidConfigException("neighbours", "got " + neighbours
          + ", expected an integer in [1, " + MAX_NEIGHBOURS + "]");
    }
  }

  /** These options with SLIC's three and the default edges ({@link #DEFAULTS}). */
  public static SuperpixelOptions slic(int segments, double compactness, int iterations) {
    return new SuperpixelOptions(
        segments, compactness, iterations, DEFAULTS.edges(), DEFAULTS.neighbours());
  }

  /** These options with other edges. */
  public SuperpixelOptions withEdges(String edges, int neighbours) {
    return new SuperpixelOptions(segments, compactness, iterations, edges, neighbours);
  }

  /** Whether edges join nearest neighbours ({@value #KNN}) rather than touching superpixels. */
  public boolean knn() {
    return KNN.equals(edges);
  }

  /** The edges of the segmentation's region adjacency {@code graph} as these options want them. */
  public SuperpixelGraph edgesOf(SuperpixelGraph graph) {
    return knn() ? graph.nearest(neighbours) : graph;
  }
}
