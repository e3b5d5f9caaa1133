package io.sharcs.core.saved;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sharcs.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@value #FILE}: what a model folder holds and what is needed to rebuild the model from it
 * without the training data. Versioned like Tribuo's persisted models: a reader refuses files of
 * another format and of a newer version, each with one line.
 *
 * @param format always {@value #FORMAT}
 * @param version the format version, {@value #VERSION} for files this class writes
 * @param sharcsVersion the version of sharcs that wrote the folder
 * @param mode the mode's id ({@code sharcs}, {@code multi-cbm}, ...)
 * @param protocol the protocol's id
 * @param seed the run's master seed
 * @param network what rebuilds the network; null for modes whose models cannot be loaded yet
 * @param classNames one name per class, as the data set names them; index = label
 * @param dataset the data set the model was trained on
 * @param modalities the modalities in slot order
 * @param files every other file of the folder, sorted by name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(
    String format,
    int version,
    String sharcsVersion,
    String mode,
    String protocol,
    long seed,
    Network network,
    List<String> classNames,
    Dataset dataset,
    List<Modality> modalities,
    List<String> files) {

  /** The file name inside the model folder. */
  public static final String FILE = "model.json";
  /** The {@code format} field. */
  public static final String FORMAT = "sharcs-model";
  /** The format version this class writes and reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ModelManifest {
    classNames = List.copyOf(classNames);
    modalities = List.copyOf(modalities);
    files = List.copyOf(files);
  }

  /**
   * The constructor arguments of the network beyond the plugins' encoders.
   *
   * @param parameters the file name stem of the DJL parameters ({@code <stem>-0000.params})
   * @param concepts k
   * @param steepness a of every concept sigmoid
   * @param projectionHidden hidden width of each projection
   * @param predictorHidden hidden width of the label predictor
   * @param sharedSpace whether the network has a shared concept space (SHARCS) or not (multi-CBM)
   * @param sharedSpaceActive whether the shared space was switched on at the end of training
   * @param localHeadHidden the hidden width of the local heads, or null for a network without
   *     local heads (then the key is absent, as in folders written before local heads existed);
   *     which modalities have one, and of how many classes, is {@link Modality#localClasses}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Network(
      String parameters,
      int concepts,
      double steepness,
      int projectionHidden,
      int predictorHidden,
      boolean sharedSpace,
      boolean sharedSpaceActive,
      Integer localHeadHidden) {

    /** A network without local heads. */
    public Network(
        String parameters,
        int concepts,
        double steepness,
        int projectionHidden,
        int predictorHidden,
        boolean sharedSpace,
        boolean sharedSpaceActive) {
      this(
          parameters, concepts, steepness, projectionHidden, predictorHidden, sharedSpace,
          sharedSpaceActive, null);
    }
  }

  /**
   * @param name the data set's name
   * @param fingerprint its content hash
   */
  public record Dataset(String name, String fingerprint) {}

  /**
   * One modality slot.
   *
   * @param name the modality name in the data set
   * @param plugin the plugin id
   * @param pluginVersion the plugin's version
   * @param inputShapes the shapes of an example batch of the slot (two rows), which initialise
   *     the network before its parameters are loaded
   * @param bank the file of the slot's retrieval bank, or null without one
   * @param localClasses the number of classes of the slot's local head, or null without one
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Modality(
      String name,
      String plugin,
      String pluginVersion,
      List<List<Long>> inputShapes,
      String bank,
      Integer localClasses) {
    public Modality {
      inputShapes = inputShapes.stream().map(List::copyOf).toList();
    }

    /** A slot without a local head. */
    public Modality(
        String name,
        String plugin,
        String pluginVersion,
        List<List<Long>> inputShapes,
        String bank) {
      this(name, plugin, pluginVersion, inputShapes, bank, null);
    }
  }

  /** Writes this manifest to {@code directory}/{@value #FILE}. */
  public void write(Path directory) throws IOException {
    Files.writeString(directory.resolve(FILE), JSON.writeValueAsString(this) + "\n");
  }

  /**
   * Reads {@code directory}/{@value #FILE}.
   *
   * @throws InvalidInputException naming the file when it is missing, not JSON, of another format
   *     or of a newer version, or malformed
   */
  public static ModelManifest read(Path directory) {
    Path file = directory.resolve(FILE);
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new InvalidInputException(file + ": file not found, expected a saved sharcs model");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": not JSON (" + firstLine(e) + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(file + ": not a JSON object, expected a sharcs model");
    }
    String format = root.path("format").asText("");
    if (!FORMAT.equals(format)) {
      throw new InvalidInputException(
          file + ": format '" + format + "', expected '" + FORMAT + "'");
    }
    JsonNode version = root.path("version");
    if (!version.canConvertToInt()) {
      throw new InvalidInputException(
          file + ": version " + version + ", expected an integer format version");
    }
    if (version.intValue() != VERSION) {
      throw new InvalidInputException(
          file + ": format version " + version.intValue() + ", this sharcs reads version "
              + VERSION);
    }
    try {
      ModelManifest manifest = JSON.treeToValue(root, ModelManifest.class);
      manifest.requireComplete(file);
      return manifest;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException i) {
        throw i;
      }
      throw new InvalidInputException(file + ": malformed (" + firstLine(e) + ")", e);
    }
  }

  private void requireComplete(Path file) {
    if (mode == null || protocol == null || dataset == null || modalities.isEmpty()
        || classNames.size() < 2) {
      throw new InvalidInputException(
          file + ": mode, protocol, dataset, modalities and at least two class_names are"
              + " required");
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
