package io.sharcs.core.pipeline;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.config.Seeds;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.saved.SavedModel;
import io.sharcs.core.train.EpochReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains one model on a data set and evaluates it, in one call: the model pipeline of the run's
 * mode, chosen from one table, inside the skeleton every mode shares (data preparation, engine
 * seeding, the run's manager, saving the model, the run's report).
 */
public final class Pipelines {

  /** The file name stem of the saved model parameters inside the model directory. */
  public static final String MODEL_NAME = "sharcs";

  /** The file name stem of the anchors baseline's predictor inside the model directory. */
  public static final String ANCHOR_PREDICTOR_NAME = "anchor-predictor";

  /** The file listing the anchors baseline's anchor sample ids, one per line. */
  public static final String ANCHORS_FILE = "anchors.txt";

  /** The model pipeline of each mode. */
  private static final Map<Mode, ModelPipeline> BY_MODE = table();

  private Pipelines() {}

  private static Map<Mode, ModelPipeline> table() {
    Map<Mode, ModelPipeline> table = new EnumMap<>(Mode.class);
    table.put(Mode.SHARCS, new SharcsPipeline());
    table.put(Mode.MULTI_CBM, new SharcsPipeline());
    table.put(Mode.ANCHORS, new AnchorsPipeline());
    table.put(Mode.UNIMODAL, new UnimodalPipeline());
    table.put(Mode.CONCAT, new ConcatPipeline());
    if (table.size() != Mode.values().length) {
      throw new IllegalStateException("a mode without a pipeline: " + table.keySet());
    }
    return table;
  }

  /**
   * Runs one experiment.
   *
   * @param dataset the data, already loaded
   * @param bindings one binding per modality of the data set, in slot order
   * @param settings seed, mode, protocol and hyper-parameters
   * @param progress receives one report per epoch
   * @param modelDirectory where the trained model is saved (created if missing)
   * @return metrics and engine facts
   * @throws io.sharcs.api.InvalidInputException if the data does not fit the bindings, or (anchors)
   *     has no counterpart renderings to build parallel anchors from
   */
  public static RunResult run(
      MultimodalDataset dataset,
      List<ModalityBinding> bindings,
      RunSettings settings,
      Consumer<EpochReport> progress,
      Path modelDirectory) {
    requireTrainable(dataset, settings);
    ModelPipeline pipeline = BY_MODE.get(settings.mode());
    long start = System.nanoTime();
    PreparedData data = PreparedData.prepare(dataset, bindings);
    Engine engine = Engine.getInstance();
    // Reseed before building the model: DJL's generator is JVM-global.
    engine.setRandomSeed(Seeds.engineSeed(settings.seed()));
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelPipeline.Trained trained =
          pipeline.run(new ModelPipeline.Setup(data, settings, progress, manager));
      save(trained, data, settings, modelDirectory);
      RunReport report =
          new RunReport(
              trained.results(),
              data.preprocessingReport(),
              (System.nanoTime() - start) / 1e9);
      return RunResult.of(report, engineFacts(engine), trained.tables());
    }
  }

  /**
   * Checks, before anything trains, that {@code dataset} can be trained and evaluated with {@code
   * settings}: its splits are large enough ({@link #requireTrainable(int, int, RunSettings)}), and
   * where a phase of a concept model has local supervision, the data set has auxiliary labels and
   * every training sample has one for each modality that has them.
   *
   * @throws InvalidConfigException naming the field ({@code dataset}, or the first phase with
   *     {@code loss: local}) when the data set cannot be used so
   * @throws io.sharcs.api.InvalidInputException naming the first training sample without a local
   *     label
   */
  public static void requireTrainable(MultimodalDataset dataset, RunSettings settings) {
    requireTrainable(dataset.train().size(), dataset.test().size(), settings);
    int phase = settings.training().firstLocalPhase();
    if (phase < 0 || !settings.mode().conceptBased()) {
      // The non-concept baselines train end to end, as the reference's, and ignore phases.
      return;
    }
    String field = "training.phases[" + phase + "].loss";
    if (dataset.localClassNames().isEmpty()) {
      throw new InvalidConfigException(
          field,
          "got local, but data set '" + dataset.name() + "' has no local labels (a label of each"
              + " modality's own content), expected task, or a data set with local labels");
    }
    for (MultimodalSample s : dataset.train()) {
      for (String modality : dataset.modalities()) {
        if (dataset.localClassNames().containsKey(modality) && s.localLabel(modality).isEmpty()) {
          throw new InvalidInputException(
              "data set '" + dataset.name() + "' sample " + s.id() + ": no local label for"
                  + " modality '" + modality + "', expected one for every training sample ("
                  + field + " is local)");
        }
      }
    }
  }

  /**
   * Checks, before anything trains, that splits of these sizes can be trained and evaluated with
   * {@code settings}: every batch normalisation pass in training mode needs two samples, so the
   * training split needs two (a data set has at least one sample in each split, {@link
   * MultimodalDataset}); the reference protocol of the concept models also measures the test
   * accuracy in training mode, so there the test split needs two as well.
   *
   * @throws InvalidConfigException naming {@code dataset} when it cannot
   */
  public static void requireTrainable(int trainSize, int testSize, RunSettings settings) {
    int minTrain = TrainingConfig.MIN_BATCH_SIZE;
    if (trainSize < minTrain) {
      throw new InvalidConfigException(
          "dataset",
          "the training split has " + trainSize + " sample" + (trainSize == 1 ? "" : "s")
              + ", expected at least " + minTrain
              + " (batch normalisation needs two samples per batch)");
    }
    int minTest =
        settings.protocol() == Protocol.REFERENCE && settings.mode().conceptBased() ? 2 : 1;
    if (testSize < minTest) {
      throw new InvalidConfigException(
          "dataset",
          "the test split has " + testSize + " sample" + (testSize == 1 ? "" : "s")
              + ", expected at least " + minTest
              + (minTest == 2
                  ? " with protocol reference in mode " + settings.mode().id() + " (it measures"
                      + " the test accuracy in training mode, where batch normalisation needs two"
                      + " samples per batch)"
                  : ""));
    }
  }

  private static void save(
      ModelPipeline.Trained trained, PreparedData data, RunSettings settings, Path directory) {
    try {
      Files.createDirectories(directory);
      data.savePreprocessing(directory);
      for (ModelPipeline.Saved saved : trained.blocks()) {
        try (Model model = Model.newInstance(saved.name())) {
          model.setBlock(saved.block());
          model.setProperty("mode", settings.mode().id());
          model.setProperty("protocol", settings.protocol().id());
          model.setProperty("seed", Long.toString(settings.seed()));
          model.save(directory, saved.name());
        }
      }
      for (Map.Entry<String, List<String>> file : trained.textFiles().entrySet()) {
        Files.write(directory.resolve(file.getKey()), file.getValue());
      }
      // Last: the description lists every file written before it.
      SavedModel.write(directory, settings, data, MODEL_NAME, trained.concept());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + directory, e);
    }
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Facts about the numeric engine for a {@link RunResult}: name, versions, threads. */
  public static Map<String, String> engineFacts(Engine engine) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("engine", engine.getEngineName());
    facts.put("engine_version", engine.getVersion());
    facts.put("djl_version", Engine.getDjlVersion());
    facts.put("num_threads", String.valueOf(System.getProperty("ai.djl.pytorch.num_threads")));
    facts.put(
        "num_interop_threads",
        String.valueOf(System.getProperty("ai.djl.pytorch.num_interop_threads")));
    return facts;
  }
}
