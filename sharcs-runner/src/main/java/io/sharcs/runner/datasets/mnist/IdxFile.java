package io.sharcs.runner.datasets.mnist;

import io.sharcs.api.Excerpt;
import io.sharcs.api.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files MNIST is distributed in (LeCun's format: a big-endian magic number whose
 * third byte is the element type and fourth the number of dimensions, one big-endian int per
 * dimension, then the elements), gzip-compressed or plain (told apart by the gzip magic bytes, not
 * by the file name). Only the two kinds MNIST uses are accepted: unsigned-byte images of 3
 * dimensions (magic {@value #IMAGES_MAGIC}) and unsigned-byte labels of 1 dimension (magic
 * {@value #LABELS_MAGIC}).
 *
 * <p>Every problem is an {@link InvalidInputException} of one line that names the file, what was
 * found and what was expected: a missing file, damaged gzip data, a wrong magic number, a header
 * or body shorter than the header says, a label that is no digit.
 */
public final class IdxFile {

  /** The magic number of an IDX file of unsigned-byte images (3 dimensions). */
  public static final int IMAGES_MAGIC = 0x0803;

  /** The magic number of an IDX file of unsigned-byte labels (1 dimension). */
  public static final int LABELS_MAGIC = 0x0801;

  /** The image side MNIST digits have; other sizes are rejected. */
  public static final int SIDE = 28;

  private IdxFile() {}

  /**
   * Images of an IDX image file.
   *
   * @param file the file read
   * @param count the number of images
   * @param rows the image height
   * @param columns the image width
   * @param pixels {@code count * rows * columns} grey values (0-255 as unsigned bytes), image by
   *     image, row by row
   */
  public record Images(Path file, int count, int rows, int columns, byte[] pixels) {}

  /**
   * Labels of an IDX label file.
   *
   * @param file the file read
   * @param labels one digit 0-9 per image
   */
  public record Labels(Path file, byte[] labels) {}

  /** Reads an image file of {@value #SIDE}x{@value #SIDE} images. */
  public static Images readImages(Path file) {
    try (DataInputStream in = open(file)) {
      int[] header = header(in, file, IMAGES_MAGIC, 3, "images (unsigned bytes, 3 dimensions)");
      int count = header[0];
      int rows = header[1];
      int columns = header[2];
      if (rows != SIDE || columns != SIDE) {
        throw new InvalidInputException(file + ": images of " + columns + "x" + rows
            + " pixels in its header, expected " + SIDE + "x" + SIDE + " (MNIST digits)");
      }
      long bytes = (long) count * rows * columns;
      if (bytes > Integer.MAX_VALUE - 8) {
        throw new InvalidInputException(file + ": " + count + " images in its header, expected at"
            + " most " + (Integer.MAX_VALUE - 8) / (rows * columns));
      }
      byte[] pixels = body(in, file, (int) bytes,
          "pixel bytes (" + count + " images of " + columns + "x" + rows + " in its header)");
      return new Images(file, count, rows, columns, pixels);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }

  /** Reads a label file; every label must be a digit 0-9. */
  public static Labels readLabels(Path file) {
    try (DataInputStream in = open(file)) {
      int count = header(in, file, LABELS_MAGIC, 1, "labels (unsigned bytes, 1 dimension)")[0];
      byte[] labels = body(in, file, count, "labels (" + count + " in its header)");
      for (int i = 0; i < labels.length; i++) {
        int label = labels[i] & 0xff;
        if (label > 9) {
          throw new InvalidInputException(
              file + ": label " + label + " at index " + i + ", expected a digit 0-9");
        }
      }
      return new Labels(file, labels);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }

  /** Opens {@code file}, through a gzip decoder when it starts with the gzip magic bytes. */
  private static DataInputStream open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": no such file, expected an MNIST IDX file"
          + " (gzip-compressed or plain)");
    }
    try {
      BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      InputStream in = raw;
      if (b0 == 0x1f && b1 == 0x8b) {
        in = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
      }
      return new DataInputStream(in);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file, expected an MNIST IDX file", e);
    } catch (ZipException e) {
      throw damaged(file, e);
    } catch (EOFException e) {
      throw new InvalidInputException(file + ": the gzip header is cut short, expected a"
          + " gzip-compressed or plain IDX file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads and checks the magic number and the dimensions; returns the dimensions. */
  private static int[] header(
      DataInputStream in, Path file, int magic, int dimensions, String kind) {
    int headerBytes = 4 * (1 + dimensions);
    // The magic first: a file of another kind is named as such even when it is short.
    byte[] header = read(in, file, 4, "header");
    if (header.length == 4) {
      int found = readInt(header, 0);
      if (found != magic) {
        String hint = found == IMAGES_MAGIC ? " (an image file?)"
            : found == LABELS_MAGIC ? " (a label file?)" : "";
        throw new InvalidInputException(file + ": magic number " + found + hint + ", expected "
            + magic + ": IDX " + kind);
      }
      byte[] rest = read(in, file, headerBytes - 4, "header");
      header = Arrays.copyOf(header, 4 + rest.length);
      System.arraycopy(rest, 0, header, 4, rest.length);
    }
    if (header.length < headerBytes) {
      throw new InvalidInputException(file + ": ends after " + header.length + " bytes, expected"
          + " an IDX header of " + headerBytes + " bytes (magic " + magic + ", then "
          + dimensions + " dimension" + (dimensions == 1 ? "" : "s") + ")");
    }
    int[] dims = new int[dimensions];
    for (int d = 0; d < dimensions; d++) {
      dims[d] = readInt(header, 4 * (1 + d));
      if (dims[d] < 0) {
        throw new InvalidInputException(file + ": dimension " + d + " is " + dims[d]
            + " in its header, expected a size >= 0");
      }
    }
    return dims;
  }

  private static byte[] body(DataInputStream in, Path file, int bytes, String what) {
    byte[] data = read(in, file, bytes, "data");
    if (data.length < bytes) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "%s: ends after %,d of %,d %s, expected the whole file", file, data.length, bytes,
          what));
    }
    return data;
  }

  /** Up to {@code bytes} bytes of the {@code part}; fewer only at the end of the data. */
  private static byte[] read(DataInputStream in, Path file, int bytes, String part) {
    try {
      return in.readNBytes(bytes);
    } catch (ZipException e) {
      throw damaged(file, e);
    } catch (EOFException e) {
      // A gzip stream cut short ends with EOFException ("Unexpected end of ZLIB input stream").
      throw new InvalidInputException(file + ": the gzip data is cut short (in the " + part
          + "), expected the whole file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static InvalidInputException damaged(Path file, ZipException e) {
    return new InvalidInputException(file + ": damaged gzip data (" + Excerpt.of(e.getMessage())
        + "), expected a gzip-compressed or plain IDX file", e);
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }
}
