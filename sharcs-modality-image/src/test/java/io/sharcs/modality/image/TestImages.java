package io.sharcs.modality.image;

import io.sharcs.api.FittedModality;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.PreprocessingData;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Small hand-made images for tests, and the image modality as the runner sets it up. */
final class TestImages {

  /** What the image plugin contributes, as the runner sees it. */
  static final ModalityDefinition<ImageSample, ImageEncoderConfig> DEFINITION =
      ModalityDefinition.of(new ImagePlugin());

  private TestImages() {}

  /**
   * The image modality fitted for {@code config} on one small in-memory scene, for tests that
   * need an encoder (or the preprocessing) but not particular images.
   */
  static FittedModality<ImageSample, ImageEncoderConfig> fitted(ImageEncoderConfig config) {
    return fitted(config, List.of(ImageSample.ofImage(uniform(4, 3, 10, 20, 30), "scene")));
  }

  /** The image modality fitted for {@code config} on {@code train}. */
  static FittedModality<ImageSample, ImageEncoderConfig> fitted(
      ImageEncoderConfig config, List<ImageSample> train) {
    return DEFINITION.fit(PreprocessingData.of(train, "test images"), config);
  }

  /** An 8-bit grey image with {@code rows[y][x]} as its values. */
  static BufferedImage grey(int[][] rows) {
    int h = rows.length;
    int w = rows[0].length;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.getRaster().setSample(x, y, 0, rows[y][x]);
      }
    }
    return image;
  }

  /** An RGB image with {@code rgb[y][x]} = {r, g, b}. */
  static BufferedImage rgb(int[][][] rgb) {
    int h = rgb.length;
    int w = rgb[0].length;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int[] p = rgb[y][x];
        image.setRGB(x, y, (p[0] << 16) | (p[1] << 8) | p[2]);
      }
    }
    return image;
  }

  /** An RGBA image with {@code rgba[y][x]} = {r, g, b, a}. */
  static BufferedImage rgba(int[][][] rgba) {
    int h = rgba.length;
    int w = rgba[0].length;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int[] p = rgba[y][x];
        image.setRGB(x, y, (p[3] << 24) | (p[0] << 16) | (p[1] << 8) | p[2]);
      }
    }
    return image;
  }

  /** A palette image with the given colours ({r, g, b}) and {@code indices[y][x]}. */
  static BufferedImage palette(int[][] colours, int[][] indices) {
    byte[] r = new byte[colours.length];
    byte[] g = new byte[colours.length];
    byte[] b = new byte[colours.length];
    for (int i = 0; i < colours.length; i++) {
      r[i] = (byte) colours[i][0];
      g[i] = (byte) colours[i][1];
      b[i] = (byte) colours[i][2];
    }
    IndexColorModel cm = new IndexColorModel(8, colours.length, r, g, b);
    int h = indices.length;
    int w = indices[0].length;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.getRaster().setSample(x, y, 0, indices[y][x]);
      }
    }
    return image;
  }

  /** A uniform RGB image. */
  static BufferedImage uniform(int w, int h, int r, int g, int b) {
    int[][][] rgb = new int[h][w][];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        rgb[y][x] = new int[] {r, g, b};
      }
    }
    return rgb(rgb);
  }

  /** Writes {@code image} as {@code format} ("png" or "jpg") to {@code file}. */
  static Path write(BufferedImage image, String format, Path file) {
    try {
      if (!ImageIO.write(image, format, file.toFile())) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
