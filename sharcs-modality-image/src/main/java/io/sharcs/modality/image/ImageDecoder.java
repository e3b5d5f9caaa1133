package io.sharcs.modality.image;

import io.sharcs.api.InvalidInputException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

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
   * @throws InvalidInputException naming the file (or the in-memory image) when it is missing,
   *     a directory, unreadable, not a PNG/JPEG or corrupt
   */
  static Pixels decode(ImageSample sample) {
    BufferedImage image = sample.image().orElseGet(() -> read(sample.file().orElseThrow()));
    return pixels(image);
  }

  /** Reads the file, turning every failure into one clear message. */
  static BufferedImage read(Path file) {
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
    BufferedImage image;
    try {
      // From a File, ImageIO reads directly; from an InputStream it would copy to a cache file.
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      // ImageIO reports truncated or damaged data as IIOException, and some decoders fail
      // with runtime exceptions (ArrayIndexOutOfBounds on a broken palette, say).
      throw new InvalidInputException(
          "image " + file + ": cannot be decoded, the file is corrupt or not a PNG/JPEG ("
              + describe(e) + ")", e);
    }
    if (image == null) {
      throw new InvalidInputException(
          "image " + file + ": not a PNG or JPEG image (no decoder recognises its content)");
    }
    return image;
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
