package io.sharcs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * How a modality's {@link Preprocessor} is made from the training split, saved with a model and
 * loaded again. One path for every modality: a modality that learns only its input shape uses
 * {@link #stateless}; one that learns more (a vocabulary) implements the three methods.
 *
 * @param <S> the raw-sample type
 * @param <C> the encoder-options type (preprocessing options such as an image size live there)
 * @param <P> the plugin's preprocessor type
 */
public interface Preprocessing<S, C extends EncoderConfig, P extends Preprocessor<S>> {

  /**
   * Validates {@code data.all()} and makes this run's preprocessor, learning state from {@code
   * data.train()} only. The core calls it once per run, before the encoder is created.
   *
   * @throws InvalidInputException on the first invalid sample (named with {@link
   *     PreprocessingData#at}), or if the training data cannot support the preprocessing (an
   *     empty vocabulary, say)
   */
  P fit(PreprocessingData<S> data, C options);

  /**
   * Writes {@code preprocessor}'s state into {@code directory} (a model folder), in files whose
   * names start with {@code modality}.
   */
  void save(P preprocessor, Path directory, String modality) throws IOException;

  /**
   * Reads what {@link #save} wrote, so a saved model can be used without its training data.
   *
   * @throws InvalidInputException when the files are missing, of another format or version, or
   *     malformed, naming the file
   */
  P load(Path directory, String modality, C options) throws IOException;

  /**
   * Preprocessing for a modality that learns only its input shape: {@code inspect} validates the
   * samples and returns the preprocessor, a record whose components (the shape) are saved as
   * JSON in {@code <modality>.preprocessing.json} and bound back on load.
   *
   * @param type the preprocessor's record class
   * @param inspect validates {@code data.all()} and makes the preprocessor
   */
  static <S, C extends EncoderConfig, P extends Record & Preprocessor<S>>
      Preprocessing<S, C, P> stateless(
          Class<P> type, BiFunction<PreprocessingData<S>, C, P> inspect) {
    return new Preprocessing<>() {
      @Override
      public P fit(PreprocessingData<S> data, C options) {
        return inspect.apply(data, options);
      }

      @Override
      public void save(P preprocessor, Path directory, String modality) throws IOException {
        ObjectNode root = StatelessFile.JSON.createObjectNode();
        root.put("format", StatelessFile.FORMAT);
        root.put("version", StatelessFile.VERSION);
        root.put("type", type.getName());
        root.set("state", StatelessFile.JSON.valueToTree(preprocessor));
        Files.createDirectories(directory);
        StatelessFile.JSON.writeValue(StatelessFile.path(directory, modality).toFile(), root);
      }

      @Override
      public P load(Path directory, String modality, C options) throws IOException {
        return StatelessFile.read(StatelessFile.path(directory, modality), type);
      }
    };
  }

  /** The file format of {@link #stateless} preprocessing. */
  final class StatelessFile {
    /** The {@code format} field of the file. */
    public static final String FORMAT = "sharcs-preprocessing";
    /** The {@code version} field of the file; files of another version are refused. */
    public static final int VERSION = 1;

    static final ObjectMapper JSON =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatelessFile() {}

    /** The file of {@code modality} in {@code directory}. */
    public static Path path(Path directory, String modality) {
      return directory.resolve(modality + ".preprocessing.json");
    }

    static <P> P read(Path file, Class<P> type) throws IOException {
      JsonNode root;
      try {
        root = JSON.readTree(file.toFile());
      } catch (NoSuchFileException | java.io.FileNotFoundException e) {
        throw new InvalidInputException(file + ": file not found, expected saved preprocessing");
      } catch (IOException e) {
        throw new InvalidInputException(file + ": not JSON (" + e.getMessage() + ")", e);
      }
      String format = root.path("format").asText("");
      int version = root.path("version").asInt(-1);
      String saved = root.path("type").asText("");
      if (!FORMAT.equals(format) || version != VERSION || !type.getName().equals(saved)) {
        throw new InvalidInputException(
            file + ": found format '" + format + "' version " + version + " type '" + saved
                + "', expected '" + FORMAT + "' version " + VERSION + " type '"
                + type.getName() + "'");
      }
      try {
        return JSON.treeToValue(root.path("state"), type);
      } catch (IOException | RuntimeException e) {
        throw new InvalidInputException(
            file + ": field state is malformed (" + e.getMessage() + ")", e);
      }
    }
  }
}
