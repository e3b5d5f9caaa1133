package io.sharcs.core;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.sharcs.api.EncoderPurpose;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.Permutations;
import io.sharcs.core.baseline.BaselinePipeline;
import io.sharcs.core.eval.AnalysisRows;
import io.sharcs.core.eval.Batches;
import io.sharcs.core.eval.ConceptReport;
import io.sharcs.core.eval.ConceptTables;
import io.sharcs.core.eval.CrossModalRetrieval;
import io.sharcs.core.eval.Inference;
import io.sharcs.core.eval.MissingModalityEvaluator;
import io.sharcs.core.eval.RobustnessEvaluator;
import io.sharcs.core.model.LocalEncoders;
import io.sharcs.core.model.SharcsNetwork;
import io.sharcs.core.train.PreparedData;
import io.sharcs.core.train.PreparedData.Slot;
import io.sharcs.core.train.Seeds;
import io.sharcs.core.train.SharcsTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Trains one model on a data set and evaluates it: the whole method in one call. */
public final class SharcsPipeline {

  /** The file name stem of the saved model parameters inside the model directory. */
  public static final String MODEL_NAME = "sharcs";

  private SharcsPipeline() {}

  /**
   * Runs one experiment. The non-concept baselines (anchors, unimodal, concat) run in {@link
   * BaselinePipeline}.
   *
   * @param dataset the data, already loaded
   * @param bindings one binding per modality of the data set, in slot order
   * @param settings seed, mode, protocol and hyper-parameters
   * @param progress receives one report per epoch
   * @param modelDirectory where the trained model is saved (created if missing)
   * @return metrics and engine facts
   * @throws io.sharcs.api.InvalidInputException if the data does not fit the bindings
   */
  public static RunResult run(
      MultimodalDataset dataset,
      List<ModalityBinding> bindings,
      RunSettings settings,
      Consumer<EpochReport> progress,
      Path modelDirectory) {
    if (!settings.mode().conceptBased()) {
      return BaselinePipeline.run(dataset, bindings, settings, progress, modelDirectory);
    }
    long start = System.nanoTime();
    PreparedData data = PreparedData.prepare(dataset, bindings);
    Engine engine = Engine.getInstance();
    // Reseed before building the model: DJL's generator is JVM-global.
    engine.setRandomSeed(Seeds.engineSeed(settings.seed()));
    boolean reference = settings.protocol() == Protocol.REFERENCE;
    try (NDManager manager = NDManager.newBaseManager()) {
      Assembled assembled = build(data, settings, manager);
      SharcsNetwork network = assembled.network();
      SharcsTrainer trainer =
          new SharcsTrainer(
              network, data, settings.training(), settings.protocol().adamStepsPerBatch(),
              settings.seed(), manager);
      Inference inference = new Inference(network, data, manager);
      SplittableRandom referenceEvalRng =
          new SplittableRandom(Seeds.derive(settings.seed(), "reference-eval"));
      int batchSize = settings.training().batchSize();
      double[] epochSeconds = new double[settings.training().epochs()];
      double trainAccuracy = Double.NaN;
      double testAccuracy = Double.NaN;
      double finalLoss = Double.NaN;
      long trainStart = System.nanoTime();
      for (int e = 1; e <= settings.training().epochs(); e++) {
        EpochReport report = trainer.epoch(e, progress);
        epochSeconds[e - 1] = report.seconds();
        finalLoss = report.loss();
        if (reference) {
          // The reference measures accuracy every epoch in training mode; its last values are
          // the ones it reports, and these passes also move the batch-norm running statistics.
          trainAccuracy =
              inference.accuracy(
                  data.train(),
                  Permutations.shuffled(data.train().size(), referenceEvalRng),
                  true,
                  batchSize);
          testAccuracy =
              inference.accuracy(data.test(), Batches.range(data.test().size()), true, batchSize);
        }
      }
      double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
      if (!reference) {
        trainAccuracy =
            inference.accuracy(data.train(), Batches.range(data.train().size()), false, batchSize);
        testAccuracy =
            inference.accuracy(data.test(), Batches.range(data.test().size()), false, batchSize);
      }
      int trainSize = data.train().size();
      int testSize = data.test().size();
      AnalysisRows rows =
          reference
              ? AnalysisRows.referenceSubset(trainSize, testSize, settings.seed())
              : AnalysisRows.full(trainSize, testSize);
      ConceptTables tables = ConceptTables.extract(inference, data, rows);
      MissingModalityEvaluator missingModality = new MissingModalityEvaluator(inference, data);
      List<float[][]> testShared = missingModality.represent(data.test());
      Map<String, Double> missing =
          missingModality.evaluate(tables.banks(reference), data.test(), testShared);
      Map<String, Double> retrieval =
          CrossModalRetrieval.evaluate(data, tables, reference, data.test(), testShared);
      long robustnessStart = System.nanoTime();
      Map<String, Double> robustness =
          new RobustnessEvaluator(
                  inference,
                  data,
                  RobustnessEvaluator.Settings.reference(
                      settings.model().concepts(), batchSize, settings.seed()))
              .evaluate(tables.banks(reference), data.test());
      double robustnessSeconds = (System.nanoTime() - robustnessStart) / 1e9;
      Map<String, Double> concepts =
          ConceptReport.metrics(
              tables, data.slots().stream().map(Slot::name).toList(), settings.seed());
      save(network, data, settings, modelDirectory);

      Map<String, Double> metrics = new TreeMap<>();
      metrics.put("accuracy.train", trainAccuracy);
      metrics.put("accuracy.test", testAccuracy);
      missing.forEach((name, acc) -> metrics.put("missing_modality_accuracy." + name, acc));
      metrics.putAll(retrieval);
      metrics.putAll(robustness);
      metrics.put("timing.robustness_seconds", robustnessSeconds);
      metrics.putAll(concepts);
      metrics.putAll(data.preprocessingReport());
      metrics.put("loss.train_final_epoch", finalLoss);
      metrics.put("timing.train_epoch_seconds_median", median(epochSeconds));
      metrics.put("timing.train_seconds", trainSeconds);
      metrics.put("timing.pretrain_seconds", assembled.pretrainSeconds());
      metrics.put("timing.total_seconds", (System.nanoTime() - start) / 1e9);
      return new RunResult(new TreeMap<>(metrics), engineFacts(engine));
    }
  }

  /** The initialised (and pretrained) network, and how long the encoders' pretraining took. */
  private record Assembled(SharcsNetwork network, double pretrainSeconds) {}

  private static Assembled build(PreparedData data, RunSettings settings, NDManager manager) {
    ModelConfig model = settings.model();
    LocalEncoders local =
        LocalEncoders.create(
            data,
            model.concepts(),
            settings.protocol().conceptSampling(),
            EncoderPurpose.CONCEPTS,
            manager);
    SharcsNetwork network =
        new SharcsNetwork(
            local.encoders(),
            local.arity(),
            model.concepts(),
            model.steepness(),
            model.projectionHidden(),
            model.predictorHidden(),
            data.classes(),
            settings.mode() == Mode.SHARCS);
    network.initialize(manager, local.shapes());
    double pretrainSeconds = local.pretrain(data, manager, settings.seed());
    return new Assembled(network, pretrainSeconds);
  }

  private static void save(
      SharcsNetwork network, PreparedData data, RunSettings settings, Path directory) {
    try {
      Files.createDirectories(directory);
      data.savePreprocessing(directory);
      try (Model model = Model.newInstance(MODEL_NAME)) {
        model.setBlock(network);
        model.setProperty("mode", settings.mode().id());
        model.setProperty("protocol", settings.protocol().id());
        model.setProperty("seed", Long.toString(settings.seed()));
        model.save(directory, MODEL_NAME);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + directory, e);
    }
  }

  private static double median(double[] values) {
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
