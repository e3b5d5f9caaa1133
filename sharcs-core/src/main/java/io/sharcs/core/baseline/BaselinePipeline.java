package io.sharcs.core.baseline;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.sharcs.api.EncoderPurpose;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.EpochReport;
import io.sharcs.core.ModalityBinding;
import io.sharcs.core.Mode;
import io.sharcs.core.ModelConfig;
import io.sharcs.core.Protocol;
import io.sharcs.core.RunResult;
import io.sharcs.core.RunSettings;
import io.sharcs.core.SharcsPipeline;
import io.sharcs.core.baseline.EmbeddingNetwork.Fusion;
import io.sharcs.core.eval.AnalysisRows;
import io.sharcs.core.eval.Batches;
import io.sharcs.core.eval.ConceptBank;
import io.sharcs.core.eval.Inference;
import io.sharcs.core.eval.MissingModalityEvaluator;
import io.sharcs.core.model.LocalEncoders;
import io.sharcs.core.model.Logits;
import io.sharcs.core.train.PreparedData;
import io.sharcs.core.train.PreparedData.Slot;
import io.sharcs.core.train.PreparedData.Split;
import io.sharcs.core.train.Seeds;
import io.sharcs.core.train.TaskLoss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The non-concept baselines of the paper, each trained and evaluated in one call (method spec 4;
 * choices in {@code docs/decisions.md}, "Baselines"):
 *
 * <ul>
 *   <li>{@link Mode#UNIMODAL}: one network per modality (plain embedding encoder, head), trained
 *       jointly on the summed task losses; the multimodal prediction is the most confident head's
 *       ({@link Vote}).
 *   <li>{@link Mode#CONCAT}: the plain embeddings concatenated into a predictor of SHARCS's
 *       shape, trained end to end.
 *   <li>{@link Mode#ANCHORS}: relative representations. The unimodal networks as above, then
 *       parallel anchors ({@link ParallelAnchors}), each embedding replaced by its cosine
 *       similarities to its modality's anchors ({@link RelativeRepresentation}), and a predictor
 *       on the concatenated relative vectors ({@link RelativePredictor}); missing-modality
 *       retrieval runs in the relative space ({@link AnchorSpace}).
 * </ul>
 */
public final class BaselinePipeline {

  /** The file name stem of the anchors baseline's predictor inside the model directory. */
  public static final String ANCHOR_PREDICTOR_NAME = "anchor-predictor";

  /** The file listing the anchors baseline's anchor sample ids, one per line. */
  public static final String ANCHORS_FILE = "anchors.txt";

  private BaselinePipeline() {}

  /**
   * Runs one baseline experiment; the contract of {@link SharcsPipeline#run}.
   *
   * @throws IllegalArgumentException if the mode is not a baseline of this class
   * @throws io.sharcs.api.InvalidInputException if the data does not fit the bindings, or (anchors)
   *     has no counterpart renderings to build parallel anchors from
   */
  public static RunResult run(
      MultimodalDataset dataset,
      List<ModalityBinding> bindings,
      RunSettings settings,
      Consumer<EpochReport> progress,
      Path modelDirectory) {
    Mode mode = settings.mode();
    if (mode.conceptBased()) {
      throw new IllegalArgumentException("mode " + mode + " is not a non-concept baseline");
    }
    long start = System.nanoTime();
    PreparedData data = PreparedData.prepare(dataset, bindings);
    Engine engine = Engine.getInstance();
    // Reseed before building the model: DJL's generator is JVM-global.
    engine.setRandomSeed(Seeds.engineSeed(settings.seed()));
    boolean reference = settings.protocol() == Protocol.REFERENCE;
    int stepsPerBatch = settings.protocol().adamStepsPerBatch();
    ModelConfig model = settings.model();
    // The anchors' unimodal networks get the reference's number of Adam updates by default: with
    // one step per batch, 150 epochs leave their embeddings too little separated (docs).
    int epochs =
        mode == Mode.ANCHORS
            ? model.unimodalEpochsForAnchors(settings.training().epochs(), stepsPerBatch)
            : settings.training().epochs();
    int predictorEpochs = mode == Mode.ANCHORS ? model.anchorPredictorEpochs() : 0;
    int reportedEpochs = epochs + predictorEpochs;
    double[] epochSeconds = new double[reportedEpochs];
    TaskLoss loss =
        new TaskLoss(
            settings.training().classWeights()
                ? TaskLoss.classWeights(data.train().labels(), data.classes())
                : null);
    List<String> names = data.slots().stream().map(Slot::name).toList();
    Map<String, Double> metrics = new TreeMap<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      Assembled assembled =
          build(data, settings, mode == Mode.CONCAT ? Fusion.CONCAT : Fusion.HEADS, manager);
      EmbeddingNetwork network = assembled.network();
      MiniBatchLoop loop =
          new MiniBatchLoop(
              network,
              settings.training().learningRate(),
              stepsPerBatch,
              settings.training().gradientClip(),
              settings.training().batchSize(),
              new SplittableRandom(Seeds.derive(settings.seed(), "shuffle")),
              manager);
      long trainStart = System.nanoTime();
      double finalLoss = Double.NaN;
      for (int e = 1; e <= epochs; e++) {
        EpochReport report =
            loop.epoch(e, reportedEpochs, data.train().size(), step(network, data, loss));
        epochSeconds[e - 1] = report.seconds();
        finalLoss = report.loss();
        progress.accept(report);
      }

      // The baseline networks have no batch norm and no sampling, so evaluation mode is what the
      // reference's training-mode accuracies compute too (decisions: "Baselines").
      EmbeddingInference inference = new EmbeddingInference(network, data, manager);
      List<float[][]> trainEmbeddings = embedAll(inference, data, data.train());
      List<float[][]> testEmbeddings = embedAll(inference, data, data.test());
      int[] trainLabels = data.train().labels();
      int[] testLabels = data.test().labels();
      RelativePredictor predictor = null;
      ParallelAnchors anchors = null;
      if (mode == Mode.CONCAT) {
        metrics.put(
            "accuracy.train", accuracy(inference.fusedLogits(trainEmbeddings), trainLabels));
        metrics.put("accuracy.test", accuracy(inference.fusedLogits(testEmbeddings), testLabels));
      } else {
        List<float[][]> trainHeads = new ArrayList<>();
        List<float[][]> testHeads = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
          trainHeads.add(inference.headLogits(m, trainEmbeddings.get(m)));
          testHeads.add(inference.headLogits(m, testEmbeddings.get(m)));
          String prefix = "accuracy.unimodal." + names.get(m);
          metrics.put(prefix + ".train", accuracy(trainHeads.get(m), trainLabels));
          metrics.put(prefix + ".test", accuracy(testHeads.get(m), testLabels));
        }
        if (mode == Mode.UNIMODAL) {
          metrics.put("accuracy.train", Matrices.accuracy(Vote.predict(trainHeads), trainLabels));
          metrics.put("accuracy.test", Matrices.accuracy(Vote.predict(testHeads), testLabels));
        }
      }

      if (mode == Mode.ANCHORS) {
        anchors =
            ParallelAnchors.select(
                data.train(),
                names,
                model.anchorFraction(),
                new SplittableRandom(Seeds.derive(settings.seed(), "anchors")),
                "data set '" + data.name() + "'");
        List<float[][]> anchorEmbeddings = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
          anchorEmbeddings.add(inference.embed(m, anchors.inputs().get(m)));
        }
        int n = anchors.size();
        predictor = new RelativePredictor(names.size() * n, n, data.classes(), manager);
        AnchorSpace space = new AnchorSpace(inference::embed, anchorEmbeddings, predictor::predict);
        List<float[][]> trainRelative = new ArrayList<>();
        List<float[][]> testRelative = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
          trainRelative.add(space.relative(m, trainEmbeddings.get(m)));
          testRelative.add(space.relative(m, testEmbeddings.get(m)));
        }
        MiniBatchLoop predictorLoop =
            new MiniBatchLoop(
                predictor.block(),
                settings.training().learningRate(),
                stepsPerBatch,
                settings.training().gradientClip(),
                settings.training().batchSize(),
                RelativePredictor.shuffleStream(settings.seed()),
                manager);
        finalLoss =
            predictor.train(
                Matrices.concatColumns(trainRelative),
                trainLabels,
                loss,
                predictorEpochs,
                predictorLoop,
                epochs + 1,
                reportedEpochs,
                progress,
                epochSeconds);
        metrics.put(
            "accuracy.train",
            Matrices.accuracy(space.predict(trainRelative), trainLabels));
        metrics.put(
            "accuracy.test", Matrices.accuracy(space.predict(testRelative), testLabels));
        metrics.put("anchors.count", (double) n);
        List<ConceptBank> banks = banks(trainRelative, testRelative, reference, data, settings);
        new MissingModalityEvaluator(space, data)
            .evaluate(banks, data.test())
            .forEach((name, acc) -> metrics.put("missing_modality_accuracy." + name, acc));
      }
      double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
      save(network, predictor, anchors, data, settings, modelDirectory);

      metrics.putAll(data.preprocessingReport());
      metrics.put("loss.train_final_epoch", finalLoss);
      metrics.put("timing.train_epoch_seconds_median", median(epochSeconds));
      metrics.put("timing.train_seconds", trainSeconds);
      metrics.put("timing.pretrain_seconds", assembled.pretrainSeconds());
      metrics.put("timing.total_seconds", (System.nanoTime() - start) / 1e9);
      return new RunResult(new TreeMap<>(metrics), SharcsPipeline.engineFacts(engine));
    }
  }

  /** The training step of the embedding network: summed task losses of the heads, or f's. */
  private static MiniBatchLoop.Step step(EmbeddingNetwork network, PreparedData data, TaskLoss loss) {
    return (rows, ps, batch) -> {
      List<NDList> inputs = new ArrayList<>(data.slots().size());
      for (int m = 0; m < data.slots().size(); m++) {
        inputs.add(data.batch(m, data.train(), rows, batch));
      }
      int[] labels = data.train().labels(rows);
      List<NDArray> logits = network.logits(ps, inputs, true);
      NDArray total = loss.compute(logits.get(0), labels);
      for (int h = 1; h < logits.size(); h++) {
        total = total.add(loss.compute(logits.get(h), labels));
      }
      long correct;
      if (logits.size() == 1) {
        correct = Logits.countCorrect(logits.get(0), labels);
      } else {
        List<float[][]> heads = new ArrayList<>();
        for (NDArray l : logits) {
          heads.add(Matrices.copyRows(l, new float[rows.length][]));
        }
        correct = Matrices.countEqual(Vote.predict(heads), labels);
      }
      return new MiniBatchLoop.Outcome(total, correct);
    };
  }

  /**
   * The anchors baseline's retrieval banks, one per slot: the relative vectors of the training
   * split (clean), or of the reference's analysis subset, a random 10% of train plus the first
   * 10% of test (reference; the test rows leak into retrieval, as in the reference).
   */
  private static List<ConceptBank> banks(
      List<float[][]> trainRelative,
      List<float[][]> testRelative,
      boolean reference,
      PreparedData data,
      RunSettings settings) {
    List<ConceptBank> banks = new ArrayList<>();
    AnalysisRows rows =
        reference
            ? AnalysisRows.referenceSubset(
                data.train().size(), data.test().size(), settings.seed())
            : null;
    for (int m = 0; m < trainRelative.size(); m++) {
      float[][] bank =
          reference
              ? Matrices.concatRows(
                  pick(trainRelative.get(m), rows.train()), pick(testRelative.get(m), rows.test()))
              : trainRelative.get(m);
      banks.add(new ConceptBank(bank));
    }
    return banks;
  }

  private static float[][] pick(float[][] matrix, int[] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = matrix[rows[i]];
    }
    return out;
  }

  private static List<float[][]> embedAll(
      EmbeddingInference inference, PreparedData data, Split split) {
    List<float[][]> out = new ArrayList<>();
    for (int m = 0; m < data.slots().size(); m++) {
      out.add(inference.embed(m, Inference.inputs(m, split, Batches.range(split.size()))));
    }
    return out;
  }

  private static double accuracy(float[][] logits, int[] labels) {
    return Matrices.accuracy(Matrices.argMax(logits), labels);
  }

  /** The initialised (and pretrained) network, and how long the encoders' pretraining took. */
  private record Assembled(EmbeddingNetwork network, double pretrainSeconds) {}

  private static Assembled build(
      PreparedData data, RunSettings settings, Fusion fusion, NDManager manager) {
    ModelConfig model = settings.model();
    // Embedding encoders have no concept sampling; the protocol's setting is passed for form.
    LocalEncoders local =
        LocalEncoders.create(
            data,
            model.concepts(),
            settings.protocol().conceptSampling(),
            EncoderPurpose.EMBEDDING,
            manager);
    EmbeddingNetwork network =
        new EmbeddingNetwork(
            local.encoders(), local.arity(), model.concepts(), model.predictorHidden(),
            data.classes(), fusion);
    network.initialize(manager, local.shapes());
    double pretrainSeconds = local.pretrain(data, manager, settings.seed());
    return new Assembled(network, pretrainSeconds);
  }

  private static void save(
      EmbeddingNetwork network,
      RelativePredictor predictor,
      ParallelAnchors anchors,
      PreparedData data,
      RunSettings settings,
      Path directory) {
    try {
      Files.createDirectories(directory);
      data.savePreprocessing(directory);
      saveBlock(network, SharcsPipeline.MODEL_NAME, settings, directory);
      if (predictor != null) {
        saveBlock(predictor.block(), ANCHOR_PREDICTOR_NAME, settings, directory);
        Files.write(directory.resolve(ANCHORS_FILE), anchors.ids());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + directory, e);
    }
  }

  private static void saveBlock(Block block, String name, RunSettings settings, Path directory)
      throws IOException {
    try (Model model = Model.newInstance(name)) {
      model.setBlock(block);
      model.setProperty("mode", settings.mode().id());
      model.setProperty("protocol", settings.protocol().id());
      model.setProperty("seed", Long.toString(settings.seed()));
      model.save(directory, name);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
