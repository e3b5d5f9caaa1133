package io.sharcs.runner.datasets.mnist;

import io.sharcs.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * MNIST digits read from a pair of IDX files: the images and one label per image.
 *
 * @param images the image file's content
 * @param labels the label file's content, as many as images
 */
public record MnistDigits(IdxFile.Images images, IdxFile.Labels labels) {

  /**
   * The file names looked for in a root folder, images then labels, in this order: the full
   * MNIST training set's names (the reference uses its 60,000 training digits) and the names of a
   * single-set folder such as {@code mnist-10k}; each gzip-compressed or plain.
   */
  static final List<List<String>> KNOWN_NAMES = List.of(
      List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
      List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
      List.of("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"),
      List.of("images-idx3-ubyte", "labels-idx1-ubyte"));

  public MnistDigits {
    if (labels.labels().length != images.count()) {
      throw new InvalidInputException(labels.file() + ": holds " + labels.labels().length
          + " labels but " + images.file() + " holds " + images.count()
          + " images, expected one label per image");
    }
  }

  /**
   * Reads the digits of {@code root}: the files {@code images} and {@code labels} inside it when
   * given (both or neither), else the first pair of {@link #KNOWN_NAMES} whose image file exists.
   *
   * @throws InvalidInputException naming the file and what was expected
   */
  public static MnistDigits read(Path root, String images, String labels) {
    if (images != null) {
      return new MnistDigits(
          IdxFile.readImages(root.resolve(images)), IdxFile.readLabels(root.resolve(labels)));
    }
    if (!Files.isDirectory(root)) {
      throw new InvalidInputException(root + ": no such folder, expected the folder of the MNIST"
          + " IDX files (dataset.root)");
    }
    for (List<String> names : KNOWN_NAMES) {
      if (Files.isRegularFile(root.resolve(names.get(0)))) {
        return new MnistDigits(IdxFile.readImages(root.resolve(names.get(0))),
            IdxFile.readLabels(root.resolve(names.get(1))));
      }
    }
    throw new InvalidInputException(root + ": holds none of train-images-idx3-ubyte[.gz],"
        + " images-idx3-ubyte[.gz], expected MNIST IDX files there (or name them with"
        + " dataset.images and dataset.labels)");
  }

  /** The number of digits. */
  public int count() {
    return images.count();
  }

  /** The number of pixels of one image. */
  public int pixelsPerImage() {
    return images.rows() * images.columns();
  }

  /** The digit (label) of image {@code i}. */
  public int digit(int i) {
    return labels.labels()[i];
  }

  /**
   * Checks that the files hold at least {@code wanted} digits.
   *
   * @throws InvalidInputException naming the image file otherwise
   */
  public void requireAtLeast(int wanted) {
    if (wanted > count()) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "%s: holds %,d digits, expected at least %,d (the digits option)",
          images.file(), count(), wanted));
    }
  }

  /** The SHA-256 (hex) of the first {@code n} images' pixels and labels, for fingerprints. */
  public String sha256(int n) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(images.pixels(), 0, n * pixelsPerImage());
      sha.update(labels.labels(), 0, n);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
