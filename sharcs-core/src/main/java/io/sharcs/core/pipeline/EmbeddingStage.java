package io.sharcs.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.sharcs.core.data.EncoderRole;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.config.Seeds;
import io.sharcs.core.data.Batches;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.data.PreparedData.Split;
import io.sharcs.core.eval.Accuracies;
import io.sharcs.core.eval.EmbeddingInference;
import io.sharcs.core.eval.Matrices;
import io.sharcs.core.eval.Vote;
import io.sharcs.core.model.EmbeddingNetwork;
import io.sharcs.core.model.EmbeddingNetwork.Fusion;
import io.sharcs.core.model.LocalEncoders;
import io.sharcs.core.model.Logits;
import io.sharcs.core.train.EpochListener;
import io.sharcs.core.train.EpochReport;
import io.sharcs.core.train.MiniBatchLoop;
import io.sharcs.core.train.TaskLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The stage the non-concept baselines share (method spec 4; {@code docs/decisions.md},
 * "Baselines"): the modalities' plain embedding encoders with per-modality heads or one fused
 * predictor ({@link EmbeddingNetwork}), trained on the summed task losses in the core's
 * mini-batch loop, then every split embedded in evaluation mode. The baseline networks have no
 * batch norm and no sampling, so evaluation mode is what the reference's training-mode accuracies
 * compute too.
 */
final class EmbeddingStage {

  final PreparedData data;
  final RunSettings settings;
  final TaskLoss loss;
  final EmbeddingNetwork network;
  final EmbeddingInference inference;
  final double pretrainSeconds;
  /** Per reported epoch (this stage's first), its wall time. */
  final double[] epochSeconds;
  final long trainStart;
  final List<float[][]> trainEmbeddings;
  final List<float[][]> testEmbeddings;
  double finalLoss = Double.NaN;

  /**
   * Builds and trains the embedding network, then embeds both splits.
   *
   * @param epochs this stage's training epochs
   * @param reportedEpochs the run's total epochs, for the progress reports
   */
  EmbeddingStage(ModelPipeline.Setup setup, Fusion fusion, int epochs, int reportedEpochs) {
    this.data = setup.data();
    this.settings = setup.settings();
    this.epochSeconds = new double[reportedEpochs];
    this.loss =
        new TaskLoss(
            settings.training().classWeights()
                ? TaskLoss.classWeights(data.train().labels(), data.classes())
                : null);
    NDManager manager = setup.manager();
    ModelConfig model = settings.model();
    // Embedding encoders have no concept sampling; the protocol's setting is passed for form.
    LocalEncoders local = setup.encoders(EncoderRole.EMBEDDING);
    this.network =
        new EmbeddingNetwork(
            local.encoders(), local.arity(), model.concepts(), model.predictorHidden(),
            data.classes(), fusion);
    network.initialize(manager, local.shapes());
    this.pretrainSeconds = local.pretrain(data, manager, settings.seed());
    MiniBatchLoop loop =
        loop(network, new SplittableRandom(Seeds.derive(settings.seed(), "shuffle")), setup);
    this.trainStart = System.nanoTime();
    for (int e = 1; e <= epochs; e++) {
      EpochListener.starting(setup.progress(), e);
      EpochReport report =
          loop.epoch(
              e,
              reportedEpochs,
              data.train().size(),
              (rows, into) -> data.batch(data.train(), rows, into),
              this::step);
      epochSeconds[e - 1] = report.seconds();
      finalLoss = report.loss();
      setup.progress().accept(report);
    }
    this.inference = new EmbeddingInference(network, data, manager);
    this.trainEmbeddings = embedAll(data.train());
    this.testEmbeddings = embedAll(data.test());
  }

  /** A mini-batch loop over {@code block} with the run's optimiser settings. */
  static MiniBatchLoop loop(
      Block block, SplittableRandom shuffle, ModelPipeline.Setup setup) {
    RunSettings settings = setup.settings();
    return new MiniBatchLoop(
        block,
        settings.training().learningRate(),
        settings.protocol().adamStepsPerBatch(),
        settings.training().gradientClip(),
        settings.training().batchSize(),
        shuffle,
        setup.manager());
  }

  /** The training step of the embedding network: summed task losses of the heads, or f's. */
  private MiniBatchLoop.Outcome step(
      int[] rows, List<NDList> inputs, ParameterStore ps, NDManager batch) {
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
    // With one head per modality, a head whose logits are not finite names its modality.
    return new MiniBatchLoop.Outcome(
        total,
        correct,
        0f,
        () ->
            logits.size() == data.slots().size()
                ? MiniBatchLoop.firstNonFinite(
                    logits, data.slots().stream().map(PreparedData.Slot::name).toList())
                : null);
  }

  private List<float[][]> embedAll(Split split) {
    List<float[][]> out = new ArrayList<>();
    for (int m = 0; m < data.slots().size(); m++) {
      out.add(inference.embed(m, split.inputs(m, Batches.range(split.size()))));
    }
    return out;
  }

  /**
   * Each modality's head on its own embeddings (heads networks only).
   *
   * @param train per slot, the head's logits on the training split
   * @param test per slot, on the test split
   * @param accuracies per slot, the head's accuracies
   */
  record Heads(List<float[][]> train, List<float[][]> test, List<Accuracies.Unimodal> accuracies) {}

  Heads heads() {
    List<float[][]> trainHeads = new ArrayList<>();
    List<float[][]> testHeads = new ArrayList<>();
    List<Accuracies.Unimodal> accuracies = new ArrayList<>();
    int[] trainLabels = data.train().labels();
    int[] testLabels = data.test().labels();
    for (int m = 0; m < data.slots().size(); m++) {
      trainHeads.add(inference.headLogits(m, trainEmbeddings.get(m)));
      testHeads.add(inference.headLogits(m, testEmbeddings.get(m)));
      accuracies.add(
          new Accuracies.Unimodal(
              data.slots().get(m).name(),
              accuracy(trainHeads.get(m), trainLabels),
              accuracy(testHeads.get(m), testLabels)));
    }
    return new Heads(trainHeads, testHeads, accuracies);
  }

  static double accuracy(float[][] logits, int[] labels) {
    return Matrices.accuracy(Matrices.argMax(logits), labels);
  }

  /**
   * What a baseline without retrieval hands back: {@code accuracy}, this stage's last loss and
   * timings (training measured until now), the network to save.
   */
  ModelPipeline.Trained trained(Accuracies accuracy) {
    ModelResults results =
        new ModelResults(
            accuracy, List.of(), List.of(), List.of(), Optional.empty(), OptionalInt.empty(),
            finalLoss, timings());
    return new ModelPipeline.Trained(
        results, List.of(new ModelPipeline.Saved(Pipelines.MODEL_NAME, network)), Map.of());
  }

  /** The stage's timings, training measured until now. */
  Timings timings() {
    return new Timings(
        Pipelines.median(epochSeconds),
        (System.nanoTime() - trainStart) / 1e9,
        pretrainSeconds,
        OptionalDouble.empty());
  }
}
