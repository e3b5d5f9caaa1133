package io.sharcs.runner.datasets.mnist;

import io.sharcs.api.InvalidConfigException;

/**
 * Options of the SLIC superpixels ({@code dataset.superpixels}); see {@link Slic}.
 *
 * @param segments the number of SLIC seeds, about the number of superpixels (nodes) per digit, in
 *     [2, 784]; 75 as in PyG's MNISTSuperpixels
 * @param compactness the weight of spatial distance against intensity distance (intensities in
 *     [0, 1], distances in units of the seed spacing): larger gives more regular, grid-like
 *     regions, smaller regions that follow the strokes more closely; in (0, 100]
 * @param iterations the number of SLIC assignment and update rounds, in [1, 100]
 */
public record SuperpixelOptions(int segments, double compactness, int iterations) {

  /**
   * The defaults: 75 segments; compactness 0.35, whose superpixels followed the strokes best of
   * the values from 0.1 to 1 measured on all 70,000 digits (docs/results/mnist.md); 10
   * iterations (SLIC's usual number).
   */
  public static final SuperpixelOptions DEFAULTS = new SuperpixelOptions(75, 0.35, 10);

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
  }
}
