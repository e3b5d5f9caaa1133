package io.sharcs.runner.datasets.mnist;

import static io.sharcs.runner.datasets.mnist.MnistTestData.gzip;
import static io.sharcs.runner.datasets.mnist.MnistTestData.images;
import static io.sharcs.runner.datasets.mnist.MnistTestData.labels;
import static io.sharcs.runner.datasets.mnist.MnistTestData.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading MNIST IDX files, and one clear line for every kind of bad file. */
class IdxFileTest {

  @TempDir Path dir;

  private final byte[] pixels = MnistTestData.syntheticPixels(3);
  private final byte[] digits = {7, 0, 9};

  @Test
  void readsGzipAndPlainFilesAlike() {
    Path plain = write(dir.resolve("plain-images"), images(3, 28, pixels));
    Path zipped = write(dir.resolve("zipped-images.gz"), gzip(images(3, 28, pixels)));
    // The name does not decide: a plain file named .gz is read as plain.
    Path misnamed = write(dir.resolve("plain.gz"), images(3, 28, pixels));
    for (Path file : new Path[] {plain, zipped, misnamed}) {
      IdxFile.Images read = IdxFile.readImages(file);
      assertThat(read.count()).isEqualTo(3);
      assertThat(read.rows()).isEqualTo(28);
      assertThat(read.columns()).isEqualTo(28);
      assertThat(read.pixels()).isEqualTo(pixels);
    }
    IdxFile.Labels read = IdxFile.readLabels(write(dir.resolve("l.gz"), gzip(labels(digits))));
    assertThat(read.labels()).isEqualTo(digits);
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("absent-images");
    assertOneLine(() -> IdxFile.readImages(file),
        file + ": no such file, expected an MNIST IDX file (gzip-compressed or plain)");
  }

  @Test
  void wrongMagic() {
    Path labelsAsImages = write(dir.resolve("images.gz"), gzip(labels(digits)));
    assertOneLine(() -> IdxFile.readImages(labelsAsImages), labelsAsImages
        + ": magic number 2049 (a label file?), expected 2051: IDX images (unsigned bytes,"
        + " 3 dimensions)");
    Path text = write(dir.resolve("labels"), "not an IDX file at all".getBytes());
    assertOneLine(() -> IdxFile.readLabels(text), text + ": magic number 1852797984, expected"
        + " 2049: IDX labels (unsigned bytes, 1 dimension)");
  }

  @Test
  void truncatedBody() {
    byte[] whole = images(3, 28, pixels);
    Path plain = write(dir.resolve("cut"), Arrays.copyOf(whole, whole.length - 784));
    assertOneLine(() -> IdxFile.readImages(plain), plain + ": ends after 1,568 of 2,352 pixel"
        + " bytes (3 images of 28x28 in its header), expected the whole file");
    byte[] zipped = gzip(whole);
    Path cutZip = write(dir.resolve("cut.gz"), Arrays.copyOf(zipped, zipped.length / 2));
    assertOneLine(() -> IdxFile.readImages(cutZip),
        cutZip + ": the gzip data is cut short (in the data), expected the whole file");
    Path labels = write(dir.resolve("cut-labels"), Arrays.copyOf(labels(digits), 10));
    assertOneLine(() -> IdxFile.readLabels(labels),
        labels + ": ends after 2 of 3 labels (3 in its header), expected the whole file");
  }

  @Test
  void truncatedHeader() {
    Path file = write(dir.resolve("short"), Arrays.copyOf(images(3, 28, pixels), 6));
    assertOneLine(() -> IdxFile.readImages(file), file + ": ends after 6 bytes, expected an IDX"
        + " header of 16 bytes (magic 2051, then 3 dimensions)");
  }

  @Test
  void damagedGzip() {
    byte[] zipped = gzip(images(3, 28, pixels));
    for (int i = 10; i < 40; i++) {
      zipped[i] ^= (byte) 0x5a;
    }
    Path file = write(dir.resolve("damaged.gz"), zipped);
    assertThatThrownBy(() -> IdxFile.readImages(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": damaged gzip data (")
        .hasMessageEndingWith("), expected a gzip-compressed or plain IDX file")
        .hasMessageNotContaining("\n");
  }

  @Test
  void otherImageSize() {
    Path file = write(dir.resolve("big"), images(1, 32, new byte[32 * 32]));
    assertOneLine(() -> IdxFile.readImages(file),
        file + ": images of 32x32 pixels in its header, expected 28x28 (MNIST digits)");
  }

  @Test
  void labelThatIsNoDigit() {
    Path file = write(dir.resolve("labels"), labels(new byte[] {3, 12, 4}));
    assertOneLine(() -> IdxFile.readLabels(file),
        file + ": label 12 at index 1, expected a digit 0-9");
  }

  @Test
  void countsDisagree() {
    Path images = write(dir.resolve("images"), images(3, 28, pixels));
    Path labels = write(dir.resolve("labels"), labels(new byte[] {1, 2}));
    assertOneLine(() -> new MnistDigits(IdxFile.readImages(images), IdxFile.readLabels(labels)),
        labels + ": holds 2 labels but " + images + " holds 3 images, expected one label per"
            + " image");
  }

  @Test
  void moreDigitsThanTheFilesHold() {
    Path images = write(dir.resolve("images-idx3-ubyte.gz"), gzip(images(3, 28, pixels)));
    write(dir.resolve("labels-idx1-ubyte.gz"), gzip(labels(digits)));
    MnistDigits read = MnistDigits.read(dir, null, null);
    read.requireAtLeast(3);
    assertOneLine(() -> read.requireAtLeast(60_000), images + ": holds 3 digits, expected at"
        + " least 60,000 (the digits option)");
  }

  @Test
  void findsTheKnownNamesAndSaysWhatItLookedFor() {
    assertOneLine(() -> MnistDigits.read(dir, null, null), dir + ": holds none of"
        + " train-images-idx3-ubyte[.gz], images-idx3-ubyte[.gz], expected MNIST IDX files there"
        + " (or name them with dataset.images and dataset.labels)");
    write(dir.resolve("train-images-idx3-ubyte"), images(3, 28, pixels));
    assertOneLine(() -> MnistDigits.read(dir, null, null), dir.resolve("train-labels-idx1-ubyte")
        + ": no such file, expected an MNIST IDX file (gzip-compressed or plain)");
    write(dir.resolve("train-labels-idx1-ubyte"), labels(digits));
    assertThat(MnistDigits.read(dir, null, null).digit(2)).isEqualTo(9);
    Path missing = dir.resolve("nothing-here");
    assertOneLine(() -> MnistDigits.read(missing, null, null), missing + ": no such folder,"
        + " expected the folder of the MNIST IDX files (dataset.root)");
  }

  private static void assertOneLine(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class).hasMessage(message);
  }
}
