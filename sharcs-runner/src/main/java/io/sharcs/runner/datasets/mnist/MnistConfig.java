package io.sharcs.runner.datasets.mnist;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.InvalidConfigException;

/**
 * Options of the {@code mnist-superpixels} and {@code half-mnist} data sets; in files {@code
 * root}, {@code images}, {@code labels}, {@code digits}, {@code train_fraction}, {@code
 * superpixels} ({@code segments}, {@code compactness}, {@code iterations}, {@code edges}, {@code
 * neighbours}) and {@code cache}.
 * Nothing in these data sets is random, so they have no seed.
 *
 * @param root the folder of the MNIST IDX files; relative paths resolve against the experiment
 *     file's folder
 * @param images the image file inside {@code root} (null: the first of {@code
 *     train-images-idx3-ubyte[.gz]}, {@code images-idx3-ubyte[.gz]} there); given with {@code
 *     labels}, e.g. to use the 10,000 test digits ({@code t10k-images-idx3-ubyte.gz})
 * @param labels the label file inside {@code root}, given with {@code images} (null: the one
 *     paired with the image file found)
 * @param digits how many digits to use, the first of the files; at least 2, at most what the
 *     files hold (the reference: 60,000)
 * @param trainFraction the fraction of samples, in order, that form the training split, in (0,
 *     1) (the reference: 0.8)
 * @param superpixels the SLIC options
 * @param cache the folder for the superpixel cache (null: {@code root} if it may be written
 *     there, else {@code .sharcs-cache} in the working directory)
 */
public record MnistConfig(
    String root,
    String images,
    String labels,
    int digits,
    double trainFraction,
    SuperpixelOptions superpixels,
    String cache)
    implements DatasetConfig {

  /** The defaults: the reference's 60,000 digits, 80% for training, 75 segments. */
  public static final Defaults DEFAULTS = new Defaults(60_000, 0.8, SuperpixelOptions.DEFAULTS);

  public MnistConfig {
    if (root == null || root.isBlank()) {
      throw new InvalidConfigException("root", "missing, expected the folder of the MNIST IDX"
          + " files (relative to the experiment file's folder), e.g."
          + " --set dataset.root=path/to/mnist");
    }
    if ((images == null) != (labels == null)) {
      throw new InvalidConfigException(images == null ? "images" : "labels",
          "missing, expected both images and labels or neither (then the files are found in"
              + " root by their usual names)");
    }
    if (images != null && (images.isBlank() || labels.isBlank())) {
      throw new InvalidConfigException(images.isBlank() ? "images" : "labels",
          "got an empty name, expected a file name inside root");
    }
    if (digits < 2) {
      throw new InvalidConfigException(
          "digits", "got " + digits + ", expected an integer >= 2 (one training and one test"
              + " sample at least)");
    }
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new InvalidConfigException(
          "train_fraction", "got " + trainFraction + ", expected a number in (0, 1)");
    }
    int train = trainSize(digits, trainFraction);
    if (train < 1 || train >= digits) {
      throw new InvalidConfigException("digits", "got " + digits + " with train_fraction "
          + trainFraction + ", which gives " + train + " training samples, expected at least one"
          + " sample in each split");
    }
    if (superpixels == null) {
      superpixels = SuperpixelOptions.DEFAULTS;
    }
    if (cache != null && cache.isBlank()) {
      throw new InvalidConfigException("cache", "got an empty name, expected a folder or none");
    }
  }

  /** The number of training samples: the first {@code floor(fraction * digits)}. */
  public int trainSize() {
    return trainSize(digits, trainFraction);
  }

  private static int trainSize(int digits, double fraction) {
    return (int) (fraction * digits);
  }

  /**
   * The values of the keys an experiment file may leave out; {@code root} has none, so the
   * defaults are a partial config of their own type. {@code images}, {@code labels} and {@code
   * cache} default to none.
   *
   * @param digits the number of digits
   * @param trainFraction the training fraction
   * @param superpixels the SLIC options
   */
  public record Defaults(int digits, double trainFraction, SuperpixelOptions superpixels)
      implements DatasetConfig {}
}
