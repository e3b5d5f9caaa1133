package io.sharcs.modality.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One raw image: a PNG or JPEG file read when the modality's preprocessing needs it, an image
 * already in memory, or an inline raster of 8-bit pixels. Two samples of the same file are
 * equal, and so are two rasters of the same size and pixels, so a data set may hand the same
 * picture to many samples and the preprocessing decodes it once.
 */
public final class ImageSample {

  private final Path file;
  private final BufferedImage image;
  private final Raster raster;
  private final String name;

  /**
   * An inline raster: {@code width x height x channels} unsigned bytes, row major, channels last
   * (grey, or R, G, B per pixel). Kept as bytes (784 for an MNIST digit): the conversion to
   * floats happens at batch time.
   */
  static final class Raster {
    private final int width;
    private final int height;
    private final int channels;
    private final byte[] pixels;
    private final int hash;

    Raster(int width, int height, int channels, byte[] pixels) {
      this.width = width;
      this.height = height;
      this.channels = channels;
      this.pixels = pixels;
      this.hash = 31 * Objects.hash(width, height, channels) + Arrays.hashCode(pixels);
    }

    int width() {
      return width;
    }

    int height() {
      return height;
    }

    int channels() {
      return channels;
    }

    /** Pixel value {@code (x, y)} of channel {@code c}, 0..255. */
    int value(int x, int y, int c) {
      return pixels[(y * width + x) * channels + c] & 0xff;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Raster r && hash == r.hash && width == r.width && height == r.height
          && channels == r.channels && Arrays.equals(pixels, r.pixels);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private ImageSample(Path file, BufferedImage image, Raster raster, String name) {
    this.file = file;
    this.image = image;
    this.raster = raster;
    this.name = name;
  }

  /** An image stored in {@code file} (PNG or JPEG, grey or colour). */
  public static ImageSample ofFile(Path file) {
    Objects.requireNonNull(file, "file");
    Path normal = file.toAbsolutePath().normalize();
    return new ImageSample(normal, null, null, normal.toString());
  }

  /** An image already in memory; {@code name} identifies it in messages. */
  public static ImageSample ofImage(BufferedImage image, String name) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(name, "name");
    return new ImageSample(null, image, null, name);
  }

  /**
   * An inline raster of 8-bit pixels (copied): {@code width x height x channels} bytes, row
   * major, channels last.
   *
   * @param channels 1 (grey) or 3 (RGB)
   * @throws IllegalArgumentException when a size is not positive, {@code channels} is neither 1
   *     nor 3, or {@code pixels} does not hold {@code width x height x channels} bytes
   */
  public static ImageSample ofRaster(int width, int height, int channels, byte[] pixels) {
    Objects.requireNonNull(pixels, "pixels");
    if (width <= 0 || height <= 0 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException("expected width, height > 0 and 1 or 3 channels, got "
          + width + "x" + height + "x" + channels);
    }
    if ((long) width * height * channels != pixels.length) {
      throw new IllegalArgumentException("expected " + width + "x" + height + "x" + channels
          + " = " + ((long) width * height * channels) + " bytes, got " + pixels.length);
    }
    return new ImageSample(null, null, new Raster(width, height, channels, pixels.clone()),
        "inline " + width + "x" + height + (channels == 1 ? " grey" : " RGB") + " image");
  }

  /** The file, for file-backed samples. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The in-memory image, for samples made with {@link #ofImage}. */
  public Optional<BufferedImage> image() {
    return Optional.ofNullable(image);
  }

  /** The inline raster, for samples made with {@link #ofRaster}. */
  Optional<Raster> raster() {
    return Optional.ofNullable(raster);
  }

  /** The file path or the given name, for messages. */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ImageSample other)) {
      return false;
    }
    if (file != null) {
      return file.equals(other.file);
    }
    if (raster != null) {
      return raster.equals(other.raster);
    }
    return image == other.image && other.file == null && other.raster == null;
  }

  @Override
  public int hashCode() {
    if (file != null) {
      return file.hashCode();
    }
    return raster != null ? raster.hashCode() : System.identityHashCode(image);
  }

  @Override
  public String toString() {
    return "ImageSample[" + name + "]";
  }
}
