package io.sharcs.core.pipeline;

import ai.djl.ndarray.NDArray;
import io.sharcs.api.nn.Tensors;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.config.Seeds;
import io.sharcs.core.data.ParallelAnchors;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.data.PreparedData.Slot;
import io.sharcs.core.eval.Accuracies;
import io.sharcs.core.eval.AnalysisRows;
import io.sharcs.core.eval.AnchorSpace;
import io.sharcs.core.eval.ConceptBank;
import io.sharcs.core.eval.Matrices;
import io.sharcs.core.eval.MissingModalityEvaluator;
import io.sharcs.core.eval.MissingModalityResult;
import io.sharcs.core.model.EmbeddingNetwork.Fusion;
import io.sharcs.core.model.Logits;
import io.sharcs.core.model.RelativePredictor;
import io.sharcs.core.train.EpochListener;
import io.sharcs.core.train.EpochReport;
import io.sharcs.core.train.MiniBatchLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The anchors baseline: relative representations (Moschella et al.). The unimodal networks as in
 * {@link UnimodalPipeline}, then parallel anchors ({@link ParallelAnchors}), each embedding
 * replaced by its cosine similarities to its modality's anchors, and a predictor on the
 * concatenated relative vectors ({@link RelativePredictor}); missing-modality retrieval runs in
 * the relative space ({@link AnchorSpace}).
 */
final class AnchorsPipeline implements ModelPipeline {

  @Override
  public Trained run(Setup setup) {
    RunSettings settings = setup.settings();
    PreparedData data = setup.data();
    ModelConfig model = settings.model();
    // The unimodal networks get the reference's number of Adam updates by default: with one step
    // per batch, 150 epochs leave their embeddings too little separated (docs).
    int epochs =
        model.unimodalEpochsForAnchors(
            settings.training().epochs(), settings.protocol().adamStepsPerBatch());
    int predictorEpochs = model.anchorPredictorEpochs();
    int reportedEpochs = epochs + predictorEpochs;
    EmbeddingStage stage = new EmbeddingStage(setup, Fusion.HEADS, epochs, reportedEpochs);
    EmbeddingStage.Heads heads = stage.heads();
    List<String> names = data.slots().stream().map(Slot::name).toList();
    int[] trainLabels = data.train().labels();
    int[] testLabels = data.test().labels();

    ParallelAnchors anchors =
        ParallelAnchors.select(
            data.train(),
            names,
            model.anchorFraction(),
            new SplittableRandom(Seeds.derive(settings.seed(), "anchors")),
            "data set '" + data.name() + "'");
    List<float[][]> anchorEmbeddings = new ArrayList<>();
    for (int m = 0; m < names.size(); m++) {
      anchorEmbeddings.add(stage.inference.embed(m, anchors.inputs().get(m)));
    }
    int n = anchors.size();
    RelativePredictor predictor =
        new RelativePredictor(names.size() * n, n, data.classes(), setup.manager());
    AnchorSpace space =
        new AnchorSpace(stage.inference::embed, anchorEmbeddings, predictor::predict);
    List<float[][]> trainRelative = new ArrayList<>();
    List<float[][]> testRelative = new ArrayList<>();
    for (int m = 0; m < names.size(); m++) {
      trainRelative.add(space.relative(m, stage.trainEmbeddings.get(m)));
      testRelative.add(space.relative(m, stage.testEmbeddings.get(m)));
    }
    MiniBatchLoop predictorLoop =
        EmbeddingStage.loop(
            predictor.block(),
            new SplittableRandom(Seeds.derive(settings.seed(), "anchor-predictor")),
            setup);
    float[][] features = Matrices.concatColumns(trainRelative);
    double finalLoss = stage.finalLoss;
    for (int e = 0; e < predictorEpochs; e++) {
      int epoch = epochs + 1 + e;
      EpochListener.starting(setup.progress(), epoch);
      EpochReport report =
          predictorLoop.epoch(
              epoch,
              reportedEpochs,
              features.length,
              (rows, ps, batch) -> {
                float[][] x = new float[rows.length][];
                int[] y = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                  x[i] = features[rows[i]];
                  y[i] = trainLabels[rows[i]];
                }
                NDArray logits = predictor.logits(ps, Tensors.create(batch, x), true);
                return new MiniBatchLoop.Outcome(
                    stage.loss.compute(logits, y), Logits.countCorrect(logits, y));
              });
      stage.epochSeconds[epoch - 1] = report.seconds();
      finalLoss = report.loss();
      setup.progress().accept(report);
    }
    Accuracies accuracy =
        new Accuracies(
            Matrices.accuracy(space.predict(trainRelative), trainLabels),
            Matrices.accuracy(space.predict(testRelative), testLabels),
            heads.accuracies());
    boolean reference = settings.protocol() == Protocol.REFERENCE;
    List<ConceptBank> banks = banks(trainRelative, testRelative, reference, data, settings);
    List<MissingModalityResult> missing =
        new MissingModalityEvaluator(space, data).evaluate(banks, data.test());
    Timings timings = stage.timings();
    ModelResults results =
        new ModelResults(
            accuracy, missing, List.of(), List.of(), Optional.empty(), OptionalInt.of(n),
            finalLoss, timings);
    return new Trained(
        results,
        List.of(
            new Saved(Pipelines.MODEL_NAME, stage.network),
            new Saved(Pipelines.ANCHOR_PREDICTOR_NAME, predictor.block())),
        Map.of(Pipelines.ANCHORS_FILE, anchors.ids()));
  }

  /**
   * The retrieval banks, one per slot: the relative vectors of the training split (clean), or of
   * the reference's analysis subset, a random 10% of train plus the first 10% of test
   * (reference; the test rows leak into retrieval, as in the reference).
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
}
