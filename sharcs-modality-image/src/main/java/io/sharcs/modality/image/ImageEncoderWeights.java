package io.sharcs.modality.image;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.sharcs.api.Excerpt;
import io.sharcs.api.InvalidInputException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Weights files of the image concept encoder, to start an encoder from weights trained before
 * (the {@code weights} option).
 *
 * <p>Format (big-endian, {@link DataOutputStream}): the UTF string {@value #MAGIC}, the int
 * format version {@value #FORMAT_VERSION}, a UTF string describing the architecture (for
 * messages only), then DJL's {@link Block#saveParameters} stream of exactly this encoder:
 * every parameter (convolutions, batch-norm scales, shifts and running statistics, MLP) by name
 * and shape. A file loads into an encoder whose parameters have the same names and shapes; the
 * input size ({@code width}, {@code height}) may differ, since the global pooling makes the
 * parameters independent of it.
 */
public final class ImageEncoderWeights {

  /** The first field of every weights file. */
  public static final String MAGIC = "sharcs-image-encoder-weights";

  /** The format version written by {@link #save}. */
  public static final int FORMAT_VERSION = 1;

  private ImageEncoderWeights() {}

  /**
   * Writes the parameters of {@code encoder} to {@code file} (parent directories are created).
   *
   * @param encoder an initialised encoder made by the image plugin's encoder factory
   * @throws IllegalArgumentException if {@code encoder} is not an image concept encoder
   * @throws IllegalStateException if it is not initialised yet
   */
  public static void save(Block encoder, Path file) throws IOException {
    if (!(encoder instanceof ImageConceptEncoder image)) {
      throw new IllegalArgumentException(
          "expected an image concept encoder, got "
              + (encoder == null ? "null" : encoder.getClass().getSimpleName()));
    }
    if (!image.isInitialized()) {
      throw new IllegalStateException("the encoder has no parameters yet: initialise it first");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
      out.writeUTF(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeUTF(image.architecture());
      image.saveParameters(out);
    }
  }

  /**
   * Replaces every parameter of the initialised {@code encoder} with the values in {@code file}.
   * Nothing is changed unless the whole file matches.
   *
   * @param manager the manager the encoder's parameters belong to
   * @throws InvalidInputException naming the file when it is missing, unreadable, not a weights
   *     file, or holds other parameters than the encoder's (naming the parameter, the shape found
   *     and the shape expected)
   */
  static void load(ImageConceptEncoder encoder, Path file, NDManager manager) {
    String where = "image encoder weights " + file;
    byte[] bytes = readAll(file, where);
    ImageConceptEncoder twin = encoder.twin();
    try (NDManager scratch = manager.newSubManager()) {
      String writtenFor;
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        writtenFor = shown(readHeader(in, where));
        try {
          twin.loadParameters(scratch, in);
        } catch (OutOfMemoryError e) {
          // A length in the file far beyond its size (the file is in memory, so nothing else
          // can run out here): the file is not what it claims.
          throw new InvalidInputException(
              where + ": holds the weights of another encoder (file written for: " + writtenFor
                  + "; configured: " + encoder.architecture() + "): a length beyond the file's"
                  + " size");
        } catch (IOException | MalformedModelException | RuntimeException e) {
          throw new InvalidInputException(
              where + ": holds the weights of another encoder (file written for: " + writtenFor
                  + "; configured: " + encoder.architecture() + "): "
                  + Excerpt.of(e.getMessage()), e);
        }
        if (in.read() != -1) {
          throw new InvalidInputException(
              where + ": has data after the encoder's parameters, expected the weights of"
                  + " exactly this encoder (file written for: " + writtenFor + "; configured: "
                  + encoder.architecture() + ")");
        }
      } catch (IOException e) {
        throw new InvalidInputException(
            where + ": cannot be read (" + Excerpt.of(e.getMessage()) + ")", e);
      }
      PairList<String, Parameter> expected = encoder.getParameters();
      PairList<String, Parameter> found = twin.getParameters();
      for (int i = 0; i < expected.size(); i++) {
        String name = expected.keyAt(i);
        NDArray target = expected.valueAt(i).getArray();
        NDArray loaded = i < found.size() ? found.valueAt(i).getArray() : null;
        if (loaded == null || !found.keyAt(i).equals(name)) {
          throw new InvalidInputException(
              where + ": has no values for parameter '" + name + "', expected the weights of"
                  + " exactly this encoder (file written for: " + writtenFor + ")");
        }
        if (!loaded.getShape().equals(target.getShape())
            || loaded.getDataType() != target.getDataType()) {
          throw new InvalidInputException(
              where + ": parameter '" + name + "' is " + loaded.getDataType() + " "
                  + loaded.getShape() + " in the file, expected " + target.getDataType() + " "
                  + target.getShape() + " for the configured encoder (file written for: "
                  + writtenFor + "; configured: " + encoder.architecture() + ")");
        }
      }
      for (Pair<String, Parameter> pair : expected) {
        Parameter parameter = pair.getValue();
        NDArray target = parameter.getArray();
        // A copy in PyTorch-allocated memory (decoded arrays may wrap Java buffers), swapped in
        // as the parameter's tensor; the fresh tensor must be marked as a leaf with gradient.
        NDArray copy = found.get(pair.getKey()).getArray().duplicate();
        target.intern(copy);
        if (parameter.requiresGradient()) {
          target.setRequiresGradient(true);
        }
      }
    }
  }

  /** An architecture as written by {@link ImageConceptEncoder#architecture}. */
  private static final Pattern ARCHITECTURE = Pattern.compile(
      "channels \\d{1,9}, conv_channels \\[[\\d, ]{0,200}], kernel \\d{1,9}, batch_norm"
          + " (true|false), hidden \\[[\\d, ]{0,200}], concepts \\d{1,9}");

  /**
   * The architecture a file names, as messages show it: whole if it has the form sharcs writes,
   * otherwise (it is the file's content) a short token.
   */
  private static String shown(String architecture) {
    return ARCHITECTURE.matcher(architecture).matches() ? architecture
        : Excerpt.of(architecture);
  }

  private static byte[] readAll(Path file, String where) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(where + ": is a directory, expected a weights file");
    }
    if (!Files.exists(file)) {
      throw new InvalidInputException(where + ": file not found");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException(where + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static String readHeader(DataInputStream in, String where) throws IOException {
    String magic;
    try {
      magic = in.readUTF();
    } catch (IOException e) {
      magic = null;
    }
    if (!MAGIC.equals(magic)) {
      throw new InvalidInputException(
          where + ": not an image encoder weights file, expected one written by"
              + " ImageEncoderWeights.save");
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new InvalidInputException(
          where + ": format version " + version + ", expected " + FORMAT_VERSION);
    }
    return in.readUTF();
  }
}
