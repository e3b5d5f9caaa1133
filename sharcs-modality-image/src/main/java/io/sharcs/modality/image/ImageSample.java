package io.sharcs.modality.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One raw image: a PNG or JPEG file read when the modality's preprocessing needs it, or an image
 * already in memory. Two samples of the same file are equal, so a data set may hand the same
 * picture to many samples and the preprocessing decodes it once.
 */
public final class ImageSample {

  private final Path file;
  private final BufferedImage image;
  private final String name;

  private ImageSample(Path file, BufferedImage image, String name) {
    this.file = file;
    this.image = image;
    this.name = name;
  }

  /** An image stored in {@code file} (PNG or JPEG, grey or colour). */
  public static ImageSample ofFile(Path file) {
    Objects.requireNonNull(file, "file");
    Path normal = file.toAbsolutePath().normalize();
    return new ImageSample(normal, null, normal.toString());
  }

  /** An image already in memory; {@code name} identifies it in messages. */
  public static ImageSample ofImage(BufferedImage image, String name) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(name, "name");
    return new ImageSample(null, image, name);
  }

  /** The file, for file-backed samples. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The in-memory image, for samples made with {@link #ofImage}. */
  public Optional<BufferedImage> image() {
    return Optional.ofNullable(image);
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
    return file != null ? file.equals(other.file) : image == other.image && other.file == null;
  }

  @Override
  public int hashCode() {
    return file != null ? file.hashCode() : System.identityHashCode(image);
  }

  @Override
  public String toString() {
    return "ImageSample[" + name + "]";
  }
}
