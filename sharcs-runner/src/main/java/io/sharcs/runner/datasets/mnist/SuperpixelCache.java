package io.sharcs.runner.datasets.mnist;

import io.sharcs.api.Excerpt;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps the {@link Segmentations} of an image file in a binary file, so the superpixels of a
 * data set are computed once.
 *
 * <p>The file is named after the image file and the first 16 hex digits of the
 * {@linkplain Segmentations#key key} ({@code train-images-idx3-ubyte.gz.superpixels-<key>.bin}),
 * so a changed image, option or code version looks for another file. Its layout: the magic
 * {@code SPX1}, the format version, the whole 32-byte key, count, width and height and the
 * length of the rest (ints, big-endian), then a gzip stream holding, per image, its region count (unsigned short) and its
 * labels (one byte each when it has at most 256 regions, else two). the length given catches a cut
 * file or bytes after the end, gzip's CRC a damaged one, the labels are checked to be numbered in raster order, and nothing may
 * follow; a file that fails any check is computed again and replaced, never an error. Files are
 * written to a temporary name and moved into place, so a reader never sees half a file (two runs
 * of a sweep may write the same cache; both write the same bytes).
 */
public final class SuperpixelCache {

  private static final int MAGIC = 0x53505831;
  private static final int FORMAT = 1;
  // magic, format, key, count, width, height, payload length
  private static final int HEADER_BYTES = 4 + 4 + 32 + 4 + 4 + 4 + 4;

  private SuperpixelCache() {}

  /**
   * The segmentations of every image of {@code images}: read from the cache in {@code folder},
   * or computed (and written there). With {@code folder} null, computed and kept in memory only.
   *
   * @param progress takes one line when the superpixels are computed, read or cannot be cached
   */
  public static Segmentations load(IdxFile.Images images, SuperpixelOptions options, Path folder,
      Consumer<String> progress) {
    byte[] key = Segmentations.key(images, options);
    Path file = folder == null ? null : file(folder, images, key);
    if (file != null && Files.isRegularFile(file)) {
      try {
        Segmentations cached = read(file, key, images);
        progress.accept("superpixels of " + images.file().getFileName() + " read from " + file);
        return cached;
      } catch (Damaged e) {
        progress.accept("superpixel cache " + file + " is unusable (" + e.getMessage()
            + "); computing it again");
      }
    }
    long start = System.nanoTime();
    Segmentations computed = Segmentations.compute(images, options);
    String took = String.format(Locale.ROOT, "computed the superpixels of %,d digits in %.1f s"
        + " (%d threads)", images.count(), (System.nanoTime() - start) / 1e9,
        Segmentations.THREADS);
    if (file == null) {
      progress.accept(took + "; no place to cache them (set dataset.cache to a writable folder)");
      return computed;
    }
    try {
      write(file, key, computed);
      progress.accept(took + "; cached in " + file);
    } catch (IOException e) {
      progress.accept(took + "; cannot write the cache " + file + " ("
          + Excerpt.of(String.valueOf(e.getMessage())) + "), kept in memory only");
    }
    return computed;
  }

  /** The cache file of {@code images}' segmentations with {@code key} in {@code folder}. */
  public static Path file(Path folder, IdxFile.Images images, byte[] key) {
    return folder.resolve(images.file().getFileName() + ".superpixels-"
        + HexFormat.of().formatHex(key, 0, 8) + ".bin");
  }

  /**
   * Reads a cache file.
   *
   * @throws Damaged if it is not the cache of {@code key}, or is damaged or cut
   */
  static Segmentations read(Path file, byte[] key, IdxFile.Images images) throws Damaged {
    int w = images.columns();
    int h = images.rows();
    int pixels = w * h;
    int count = images.count();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      DataInputStream header = new DataInputStream(raw);
      if (header.readInt() != MAGIC || header.readInt() != FORMAT) {
        throw new Damaged("not a superpixel cache of format " + FORMAT);
      }
      byte[] stored = new byte[key.length];
      header.readFully(stored);
      if (!Arrays.equals(stored, key) || header.readInt() != count || header.readInt() != w
          || header.readInt() != h) {
        throw new Damaged("written for other images or options");
      }
      long payload = header.readInt() & 0xffffffffL;
      long size = Files.size(file);
      if (size != HEADER_BYTES + payload) {
        throw new Damaged(size + " bytes, expected " + (HEADER_BYTES + payload));
      }
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
      int[] regions = new int[count];
      char[] labels = new char[count * pixels];
      byte[] row = new byte[2 * pixels];
      for (int i = 0; i < count; i++) {
        int n = in.readUnsignedShort();
        if (n < 1 || n > pixels) {
          throw new Damaged("image " + i + " has " + n + " regions");
        }
        regions[i] = n;
        int width = n <= 256 ? 1 : 2;
        in.readFully(row, 0, width * pixels);
        int next = 0;
        for (int p = 0; p < pixels; p++) {
          int label = width == 1 ? row[p] & 0xff
              : ((row[2 * p] & 0xff) << 8) | (row[2 * p + 1] & 0xff);
          // Regions are numbered in the raster order of their first pixel.
          if (label > next || label >= n) {
            throw new Damaged("image " + i + " has label " + label + " at pixel " + p);
          }
          if (label == next) {
            next++;
          }
          labels[i * pixels + p] = (char) label;
        }
        if (next != n) {
          throw new Damaged("image " + i + " uses " + next + " of its " + n + " regions");
        }
      }
      if (in.read() != -1) {
        throw new Damaged("data after the last image");
      }
      return new Segmentations(count, w, h, regions, labels);
    } catch (EOFException e) {
      throw new Damaged("cut short");
    } catch (IOException e) {
      throw new Damaged(Excerpt.of(String.valueOf(e.getMessage())));
    }
  }

  /** Writes {@code s} to {@code file} through a temporary file in the same folder. */
  static void write(Path file, byte[] key, Segmentations s) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
    try {
      // Compressed in memory first, so the header can give the payload's length: a cut file or
      // bytes after the end are then found before anything is decompressed.
      ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 20);
      try (DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(new GZIPOutputStream(payload, 1 << 16), 1 << 16))) {
        int pixels = s.width() * s.height();
        for (int i = 0; i < s.count(); i++) {
          int n = s.regions()[i];
          out.writeShort(n);
          for (int p = 0; p < pixels; p++) {
            char label = s.labels()[i * pixels + p];
            if (n <= 256) {
              out.writeByte(label);
            } else {
              out.writeChar(label);
            }
          }
        }
      }
      try (DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.write(key);
        out.writeInt(s.count());
        out.writeInt(s.width());
        out.writeInt(s.height());
        out.writeInt(payload.size());
        payload.writeTo(out);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** A cache file that cannot be used; the message says why. */
  static final class Damaged extends Exception {
    private static final long serialVersionUID = 1L;

    Damaged(String message) {
      super(message);
    }
  }
}
