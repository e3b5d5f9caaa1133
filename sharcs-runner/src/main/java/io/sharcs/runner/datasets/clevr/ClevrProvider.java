package io.sharcs.runner.datasets.clevr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.DatasetGenerator;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.Excerpt;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityReaders;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.runner.datasets.DatasetDigest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Single-object CLEVR ({@code dataset: {type: clevr, root: ...}}): the official question and
 * image files, or the built-in generator's (method spec section 1.4).
 *
 * <p>One sample per question. Modalities in slot order: {@value #TEXT} (the question), {@value
 * #IMAGE} (its scene) and, with {@code statistics_modality}, {@value #STATS} (statistics of the
 * scene's pixels, {@link ClevrImageStatistics}). Label 1 when the question describes the scene's
 * object. Content keys are {@link ClevrAttributes}: the question's for the text, the object's for
 * the image and the statistics (from the scene file, or from the image's true questions); an image
 * whose object is not known has no key. Counterparts, per sample (see {@link ClevrContent}):
 * the image's content as text is a true description of it, the question's content as an image is
 * an image it is true for (as statistics: that image's statistics); the statistics are the
 * image's, so each renders the other as the same picture.
 */
public final class ClevrProvider implements DatasetProvider {

  /** The {@code dataset.type} of this provider and the name of its data sets. */
  public static final String ID = "clevr";

  /** The question modality (slot 1). */
  public static final String TEXT = "text";

  /** The image modality (slot 2). */
  public static final String IMAGE = "image";

  /** The image-statistics modality (slot 3, with {@code statistics_modality}). */
  public static final String STATS = "stats";

  /** The class names: label 0 is "no" (the question is false for the image), 1 is "yes". */
  public static final List<String> CLASSES = List.of("no", "yes");

  // Bump when what is read from the same files changes, so old fingerprints stop matching.
  private static final String FORMAT = "clevr/1";

  /** Used by {@link java.util.ServiceLoader}. */
  public ClevrProvider() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "CLEVR single-object scenes: question text + image (+ image statistics);"
        + " label = the question describes the object";
  }

  @Override
  public Class<ClevrConfig> configType() {
    return ClevrConfig.class;
  }

  @Override
  public ClevrConfig.Defaults defaultConfig() {
    return ClevrConfig.DEFAULTS;
  }

  /** {@code sharcs generate clevr --questions N [--seed S] [--negatives uniform|near]}. */
  @Override
  public Optional<DatasetGenerator<?>> generator() {
    return Optional.of(new Generation());
  }

  /** {@value #TEXT}, {@value #IMAGE} and, with {@code statistics_modality}, {@value #STATS}. */
  @Override
  public Optional<List<String>> modalities(DatasetConfig config) {
    return config instanceof ClevrConfig options
        ? Optional.of(modalityNames(options.statisticsModality()))
        : Optional.empty();
  }

  /**
   * The question is for the {@code text} plugin, the image for {@code image}, the statistics for
   * {@code tabular}.
   */
  @Override
  public Map<String, String> plugins(DatasetConfig config) {
    return Map.of(TEXT, "text", IMAGE, "image", STATS, "tabular");
  }

  private static List<String> modalityNames(boolean statisticsModality) {
    return statisticsModality ? List.of(TEXT, IMAGE, STATS) : List.of(TEXT, IMAGE);
  }

  @Override
  public MultimodalDataset load(DatasetConfig config, DatasetContext context) {
    if (!(config instanceof ClevrConfig options)) {
      throw new IllegalArgumentException(
          ID + " expects a " + ClevrConfig.class.getSimpleName() + ", got "
              + (config == null ? "null" : config.getClass().getName()));
    }
    Path base = context.baseDirectory() == null ? Path.of("") : context.baseDirectory();
    Path root = base.resolve(options.root()).toAbsolutePath().normalize();
    Path questionFile = root.resolve(options.questions());
    if (!Files.exists(questionFile) && options.generate() != null) {
      // Ask before the first write: the runner allows only the places the user asked for.
      context.writes().check(root, "root");
      try {
        ClevrGenerator generator = new ClevrGenerator(
            options.generate().questions(),
            options.generate().seed(),
            options.generate().negativeKind());
        generator.requireSpace(root);
        context.progress().accept("generating " + generator.plan() + " into " + root);
        generator.writeTo(root);
      } catch (InvalidInputException e) {
        // Another run (a sweep) may have generated the same data meanwhile: then read it.
        if (!Files.isRegularFile(questionFile)) {
          throw e;
        }
      }
    }
    if (!Files.isRegularFile(questionFile)) {
      throw new InvalidInputException(
          questionFile + ": no such file (dataset.root '" + options.root() + "' resolved against "
              + base.toAbsolutePath().normalize() + "), expected a CLEVR question file;"
              + " set dataset.generate to create a data set there");
    }
    Path imageFolder = root.resolve(options.images());
    if (!Files.isDirectory(imageFolder)) {
      throw new InvalidInputException(
          imageFolder + ": no such folder, expected the CLEVR image folder (dataset.images)");
    }
    byte[] questionBytes = read(questionFile);
    List<ClevrQuestion> questions = ClevrQuestionFile.parse(questionBytes, questionFile);
    Map<String, Long> imageSizes = imageSizes(questions, imageFolder, questionFile);

    Path sceneFile = options.scenes() == null ? null : root.resolve(options.scenes());
    byte[] sceneBytes = sceneFile == null ? null : read(sceneFile);
    Map<String, ClevrAttributes> scenes =
        sceneFile == null ? Map.of() : ClevrSceneFile.parse(sceneBytes, sceneFile);
    ClevrContent content = ClevrContent.of(questions, scenes, questionFile, sceneFile);

    int trainSize = (int) (options.trainFraction() * questions.size());
    if (trainSize < 1 || trainSize >= questions.size()) {
      throw new InvalidInputException(
          questionFile + ": " + questions.size() + " questions with train_fraction "
              + options.trainFraction() + " give " + trainSize
              + " training questions, expected at least one question in each split");
    }
    Map<String, float[]> stats = options.statisticsModality()
        ? statistics(imageSizes.keySet(), imageFolder)
        : Map.of();
    SampleFactory factory = new SampleFactory(
        options.questions(), imageFolder, content, options.statisticsModality() ? stats : null,
        context.readers(), questionFile.toString());
    List<MultimodalSample> samples = new ArrayList<>(questions.size());
    for (ClevrQuestion q : questions) {
      samples.add(factory.sample(q));
    }
    List<String> modalities = modalityNames(options.statisticsModality());
    String fingerprint = new DatasetDigest()
        .add(FORMAT)
        .add(sha256(questionBytes))
        .add(sceneBytes == null ? "" : sha256(sceneBytes))
        .add(new TreeMap<>(imageSizes).toString())
        .add(trainSize)
        .add(modalities.toString())
        .hex();
    return new MultimodalDataset(
        ID, modalities, CLASSES, samples.subList(0, trainSize),
        samples.subList(trainSize, samples.size()), fingerprint);
  }

  /** Checks that every referenced image exists; returns the file sizes by name, in first use. */
  private static Map<String, Long> imageSizes(
      List<ClevrQuestion> questions, Path imageFolder, Path questionFile) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (ClevrQuestion q : questions) {
      if (sizes.containsKey(q.imageFilename())) {
        continue;
      }
      Path image = imageFolder.resolve(q.imageFilename());
      if (!Files.isRegularFile(image)) {
        throw new InvalidInputException(
            imageFolder.resolve(Excerpt.of(q.imageFilename())) + ": no such image file (question "
                + q.index() + " of " + questionFile + "), expected the image of every question");
      }
      try {
        sizes.put(q.imageFilename(), Files.size(image));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the size of "
            + imageFolder.resolve(Excerpt.of(q.imageFilename())), e);
      }
    }
    return sizes;
  }

  /** The statistics of every image; images are independent, so they are computed in parallel. */
  private static Map<String, float[]> statistics(Collection<String> images, Path folder) {
    // A list splits evenly; a linked key set hardly does.
    return List.copyOf(images).parallelStream().collect(Collectors.toMap(
        name -> name, name -> ClevrImageStatistics.of(decode(folder, name))));
  }

  private static BufferedImage decode(Path folder, String name) {
    Path file = folder.resolve(name);
    Path shown = folder.resolve(Excerpt.of(name));
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new InvalidInputException(shown + ": cannot decode (" + Excerpt.of(e.getMessage())
          + "), expected a PNG or JPEG image", e);
    }
    if (image == null) {
      throw new InvalidInputException(shown + ": not a readable image, expected a PNG or JPEG");
    }
    return image;
  }

  private static byte[] read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": no such file, expected a CLEVR JSON file");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /**
   * Builds the samples through the plugins bound to the modalities: one image sample per image
   * file, shared by its questions (as are its statistics).
   */
  private static final class SampleFactory {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String questionFileName;
    private final Path imageFolder;
    private final ClevrContent content;
    private final Map<String, float[]> stats;
    private final ModalityReaders readers;
    private final String where;
    private final Map<String, Object> images = new HashMap<>();
    private final Map<String, Object> statsSamples = new HashMap<>();

    SampleFactory(String questionFileName, Path imageFolder, ClevrContent content,
        Map<String, float[]> stats, ModalityReaders readers, String where) {
      this.questionFileName = questionFileName;
      this.imageFolder = imageFolder;
      this.content = content;
      this.stats = stats;
      this.readers = readers;
      this.where = where;
    }

    MultimodalSample sample(ClevrQuestion q) {
      String image = q.imageFilename();
      String at = where + " question " + q.index();
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put(TEXT, text(q.text(), at));
      inputs.put(IMAGE, image(image));
      Map<String, Object> keys = new LinkedHashMap<>();
      keys.put(TEXT, q.attributes());
      Optional<ClevrAttributes> imageKey = content.imageKey(image);
      imageKey.ifPresent(k -> keys.put(IMAGE, k));

      Optional<Object> description = content.descriptionOfImage(q.index())
          .map(d -> text(d, at + " image description"));
      Optional<String> auxImage = content.imageForQuestion(q.index());
      Map<String, Object> imageAs = new LinkedHashMap<>();
      description.ifPresent(d -> imageAs.put(TEXT, d));
      Map<String, Object> textAs = new LinkedHashMap<>();
      auxImage.ifPresent(a -> textAs.put(IMAGE, image(a)));
      Map<String, Map<String, Object>> counterparts = new LinkedHashMap<>();
      if (stats != null) {
        inputs.put(STATS, stats(image));
        imageKey.ifPresent(k -> keys.put(STATS, k));
        // The statistics are computed from the sample's own image: each renders the other.
        imageAs.put(STATS, stats(image));
        Map<String, Object> statsAs = new LinkedHashMap<>();
        statsAs.put(IMAGE, image(image));
        description.ifPresent(d -> statsAs.put(TEXT, d));
        counterparts.put(STATS, statsAs);
        auxImage.ifPresent(a -> textAs.put(STATS, stats(a)));
      }
      if (!imageAs.isEmpty()) {
        counterparts.put(IMAGE, imageAs);
      }
      if (!textAs.isEmpty()) {
        counterparts.put(TEXT, textAs);
      }
      return new MultimodalSample(questionFileName + "#" + q.index(), q.answer(), inputs, keys,
          counterparts);
    }

    private Object text(String text, String at) {
      return readers.read(TEXT, JSON.textNode(text), at);
    }

    /** The image's sample, read from its absolute path. */
    private Object image(String name) {
      return images.computeIfAbsent(name, n -> readers.read(
          IMAGE, JSON.textNode(imageFolder.resolve(n).toAbsolutePath().toString()),
          where + " image " + n));
    }

    /** The image's statistics as a table row of float nodes (read back to the same bits). */
    private Object stats(String name) {
      return statsSamples.computeIfAbsent(name, n -> {
        ArrayNode row = JSON.arrayNode();
        for (float value : stats.get(n)) {
          row.add(value);
        }
        return readers.read(STATS, row, where + " statistics of image " + n);
      });
    }
  }

  /**
   * Writes single-object CLEVR scenes (320x240) with two questions each, one true and one false,
   * in CLEVR's formats; the options are those of an experiment file's {@code dataset.generate}.
   */
  private static final class Generation implements DatasetGenerator<ClevrConfig.Generate> {
    @Override
    public Class<ClevrConfig.Generate> optionsType() {
      return ClevrConfig.Generate.class;
    }

    @Override
    public Map<String, Object> defaults() {
      return Map.of("seed", 0L, "negatives", ClevrNegatives.UNIFORM.id());
    }

    @Override
    public String usage() {
      return String.join("\n",
          "--questions N: the number of questions (2 to "
              + String.format(Locale.ROOT, "%,d", ClevrConfig.Generate.MAX_QUESTIONS)
              + "); scenes = ceil(N / 2)",
          "--seed S: the seed (default 0); the same seed and N give identical files",
          "--negatives KIND: the false questions, uniform (any other description, as real CLEVR;"
              + " default) or near (half differ from the object in one attribute only)",
          "writes images/CLEVR_new_NNNNNN.png, questions.json and scenes.json");
    }

    @Override
    public Optional<String> plan(ClevrConfig.Generate options) {
      return Optional.of(new ClevrGenerator(options.questions(), options.seed(),
          options.negativeKind()).plan());
    }

    /**
     * The folder itself, with its scene file for the image keys, as {@code examples/clevr.yaml}
     * reads it.
     */
    @Override
    public Optional<Map<String, Object>> readBack(ClevrConfig.Generate options) {
      return Optional.of(Map.of(
          "root", ".", "questions", ClevrGenerator.QUESTIONS, "images", ClevrGenerator.IMAGES,
          "scenes", ClevrGenerator.SCENES));
    }

    @Override
    public String generate(ClevrConfig.Generate options, Path out) {
      ClevrGenerator generator =
          new ClevrGenerator(options.questions(), options.seed(), options.negativeKind());
      generator.writeTo(out);
      return options.questions() + " questions about " + generator.scenes() + " scenes ("
          + ClevrGenerator.IMAGES + "/, " + ClevrGenerator.QUESTIONS + ", "
          + ClevrGenerator.SCENES + ")";
    }
  }
}
