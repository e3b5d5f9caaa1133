package io.sharcs.modality.image;

import io.sharcs.api.InvalidInputException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an {@link ImageSample} into planar pixels in [0, 255]: grey images as one channel, every
 * other kind (RGB, RGBA, palette, CMYK JPEG...) as three sRGB channels. Alpha is dropped without
 * compositing, as PIL's {@code convert("RGB")} does.
 */
final class ImageDecoder {

  private ImageDecoder() {}

  /**
   * Decoded pixels.
   *
   * @param width the width in pixels
   * @param height the height in pixels
   * @param channels 1 (grey) or 3 (RGB)
   * @param planes {@code channels} planes of {@code height x width} values in [0, 255], row major
   * @param kind a short description of the source, e.g. {@code "RGBA"} or {@code "grey"}
   */
  record Pixels(int width, int height, int channels, float[] planes, String kind) {}

  /**
   * Decodes {@code sample}.
   *
   * @param maxPixels the largest file accepted, in pixels (option {@code max_pixels}); checked
   *     on the header, before the pixels are decoded
   * @throws InvalidInputException naming the file (or the in-memory image) when it is missing,
   *     a directory, unreadable, not a PNG/JPEG, corrupt or above {@code maxPixels}
   */
  static Pixels decode(ImageSample sample, long maxPixels) {
    BufferedImage image =
        sample.image().orElseGet(() -> read(sample.file().orElseThrow(), maxPixels));
    return pixels(image);
  }

  /**
   * What is wrong with {@code file} as an image, found from its header alone (no pixel is
   * decoded, so it is cheap): missing, a directory, unreadable, or no decoder recognises it or
   * can read its size; null when nothing is. The size limit and the pixels are checked when the
   * image is decoded.
   */
  static String headerProblem(Path file) {
    if (Files.isDirectory(file)) {
      return "is a directory";
    }
    if (!Files.exists(file)) {
      return "file not found";
    }
    if (!Files.isReadable(file)) {
      return "cannot be read (permission denied)";
    }
    try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
      if (stream == null) {
        return "cannot be read (no input stream)";
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
      if (!readers.hasNext()) {
        return "not a PNG or JPEG image (no decoder recognises its content)";
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        reader.getWidth(0);
        reader.getHeight(0);
      } catch (IOException | RuntimeException e) {
        return "cannot be decoded, the file is corrupt or not a PNG/JPEG (" + describe(e) + ")";
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      return "cannot be read (" + describe(e) + ")";
    }
    return null;
  }

  /** Reads the file with the default pixel limit. */
  static BufferedImage read(Path file) {
    return read(file, ImageEncoderConfig.DEFAULT_MAX_PIXELS);
  }

  /**
   * Reads the file, turning every failure into one clear message. The size comes from the
   * image's header first ({@link ImageReader#getWidth}, no pixel decoded), so that an image
   * above {@code maxPixels} (or a header that claims one) is refused before its raster is
   * allocated.
   */
  static BufferedImage read(Path file, long maxPixels) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(
          "image " + file + ": is a directory, expected a PNG or JPEG file");
    }
    if (!Files.exists(file)) {
      throw new InvalidInputException("image " + file + ": file not found");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidInputException("image " + file + ": cannot be read (permission denied)");
    }
    // What ImageIO.read(File) does, with the size check between the header and the pixels.
    // From a File, the stream reads directly; from an InputStream it would copy to a cache file.
    try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
      if (stream == null) {
        throw new InvalidInputException("image " + file + ": cannot be read (no input stream)");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
      if (!readers.hasNext()) {
        throw new InvalidInputException(
            "image " + file + ": not a PNG or JPEG image (no decoder recognises its content)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        int width;
        int height;
        try {
          width = reader.getWidth(0);
          height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
          throw corrupt(file, e);
        }
        requireAtMost(file, width, height, maxPixels);
        try {
          return reader.read(0, reader.getDefaultReadParam());
        } catch (IOException | RuntimeException e) {
          throw corrupt(file, e);
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw corrupt(file, e);
    }
  }

  /**
   * Refuses a {@code width x height} image above {@code maxPixels}: {@code image /a.png:
   * 8000x8000 = 64.0 megapixels, expected at most 40.0 (option max_pixels)}.
   */
  static void requireAtMost(Path file, int width, int height, long maxPixels) {
    long pixels = (long) width * height;
    if (pixels > maxPixels) {
      throw new InvalidInputException(
          "image " + file + ": " + width + "x" + height + " = " + megapixels(pixels)
              + " megapixels, expected at most " + megapixels(maxPixels)
              + " (option max_pixels)");
    }
  }

  /** {@code 64.0}, {@code 0.25}: one decimal, more only when needed to show a small value. */
  static String megapixels(long pixels) {
    BigDecimal mp = BigDecimal.valueOf(pixels).movePointLeft(6);
    BigDecimal one = mp.setScale(1, RoundingMode.HALF_UP);
    if (one.compareTo(mp) == 0 || pixels >= 1_000_000) {
      return one.toPlainString();
    }
    return mp.stripTrailingZeros().toPlainString();
  }

  // ImageIO reports truncated or damaged data as IIOException, and some decoders fail with
  // runtime exceptions (ArrayIndexOutOfBounds on a broken palette, say).
  private static InvalidInputException corrupt(Path file, Exception e) {
    return new InvalidInputException(
        "image " + file + ": cannot be decoded, the file is corrupt or not a PNG/JPEG ("
            + describe(e) + ")", e);
  }

  /** Converts a decoded image to planar grey or RGB values. */
  static Pixels pixels(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    ColorModel cm = image.getColorModel();
    boolean alpha = cm.hasAlpha();
    if (cm instanceof ComponentColorModel && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
      // Raw samples: getRGB would pass grey through Java's linear grey colour space and brighten
      // it, while PNG and JPEG grey values are already gamma encoded, as PIL reads them.
      Raster raster = image.getRaster();
      int bits = cm.getComponentSize(0);
      float scale = 255f / ((1L << bits) - 1);
      float[] plane = new float[w * h];
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          plane[y * w + x] = row[x] * scale;
        }
      }
      return new Pixels(w, h, 1, plane, alpha ? "grey with alpha" : "grey");
    }
    int n = w * h;
    String kind = cm instanceof IndexColorModel ? "palette" : alpha ? "RGBA" : "RGB";
    if (cm instanceof ComponentColorModel && cm.getColorSpace().isCS_sRGB()
        && !cm.isAlphaPremultiplied() && cm.getComponentSize(0) == 8
        && cm.getComponentSize(1) == 8 && cm.getComponentSize(2) == 8) {
      // What PNG and JPEG decoders produce: raster bands are R, G, B (, A) whatever the byte
      // layout. Reading bands is several times faster than getRGB's per-pixel conversion.
      Raster raster = image.getRaster();
      float[] planes = new float[3 * n];
      int[] band = new int[n];
      for (int c = 0; c < 3; c++) {
        raster.getSamples(0, 0, w, h, c, band);
        for (int i = 0; i < n; i++) {
          planes[c * n + i] = band[i];
        }
      }
      return new Pixels(w, h, 3, planes, kind);
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    float[] planes = new float[3 * n];
    for (int i = 0; i < n; i++) {
      int p = argb[i];
      planes[i] = (p >> 16) & 0xff;
      planes[n + i] = (p >> 8) & 0xff;
      planes[2 * n + i] = p & 0xff;
    }
    return new Pixels(w, h, 3, planes, kind);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }
}
