package io.sharcs.core.pipeline;

import ai.djl.ndarray.NDManager;
import io.sharcs.core.data.EncoderRole;
import io.sharcs.api.Permutations;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.config.Seeds;
import io.sharcs.core.data.Batches;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.data.PreparedData.Slot;
import io.sharcs.core.eval.Accuracies;
import io.sharcs.core.eval.AnalysisRows;
import io.sharcs.core.eval.ConceptReport;
import io.sharcs.core.eval.ConceptResults;
import io.sharcs.core.eval.ConceptTables;
import io.sharcs.core.eval.CrossModalRetrieval;
import io.sharcs.core.eval.Inference;
import io.sharcs.core.eval.MissingModalityEvaluator;
import io.sharcs.core.eval.MissingModalityResult;
import io.sharcs.core.eval.RetrievalResult;
import io.sharcs.core.eval.RobustnessEvaluator;
import io.sharcs.core.eval.RobustnessResult;
import io.sharcs.core.model.LocalEncoders;
import io.sharcs.core.model.SharcsNetwork;
import io.sharcs.core.train.EpochReport;
import io.sharcs.core.train.SharcsTrainer;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.MultimodalSample;
import io.sharcs.core.eval.ConceptBank;
import io.sharcs.core.explain.ExplanationBuilder;
import io.sharcs.core.explain.Explanations;
import io.sharcs.core.saved.PredictionsCsv;
import io.sharcs.core.saved.Prediction;
import io.sharcs.core.saved.SamplePredictor;
import io.sharcs.core.saved.SavedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The concept models: SHARCS (local concepts, projections into the shared concept space, the
 * semantic regulariser) and multi-CBM (SHARCS without the shared space). Trains, then evaluates
 * accuracy, missing-modality and cross-modal retrieval, robustness and the concept metrics.
 */
final class SharcsPipeline implements ModelPipeline {

  @Override
  public Trained run(Setup setup) {
    PreparedData data = setup.data();
    RunSettings settings = setup.settings();
    NDManager manager = setup.manager();
    boolean reference = settings.protocol() == Protocol.REFERENCE;
    Assembled assembled = build(setup);
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
    List<EpochHistory.Row> history = new ArrayList<>();
    long trainStart = System.nanoTime();
    double historyTestSeconds = 0;
    for (int e = 1; e <= settings.training().epochs(); e++) {
      EpochReport report = trainer.epoch(e, setup.progress());
      epochSeconds[e - 1] = report.seconds();
      finalLoss = report.loss();
      if (!reference) {
        // For history.csv only. Evaluation mode: batch-norm statistics stay as they are, and the
        // clean protocol's concepts are deterministic there, so no random stream moves and the
        // run's metrics do not change.
        long testStart = System.nanoTime();
        int[] testRows = Batches.range(data.test().size());
        double epochTest;
        List<EpochHistory.LocalTest> localTest = new ArrayList<>();
        if (report.local().isEmpty()) {
          epochTest = inference.accuracy(data.test(), testRows, false, batchSize);
        } else {
          // The local heads trained in this epoch are scored in the same pass.
          Inference.PassAccuracies a = inference.accuracies(data.test(), testRows);
          epochTest = a.task();
          for (int m = 0; m < data.slots().size(); m++) {
            String name = data.slots().get(m).name();
            boolean trained = report.local().stream().anyMatch(l -> l.modality().equals(name));
            if (trained && a.localHeads().get(m).isPresent()) {
              localTest.add(
                  new EpochHistory.LocalTest(name, a.localHeads().get(m).getAsDouble()));
            }
          }
        }
        historyTestSeconds += (System.nanoTime() - testStart) / 1e9;
        history.add(historyRow(report, epochTest, "eval", localTest));
      }
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
        history.add(historyRow(report, testAccuracy, "train", List.of()));
      }
    }
    double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
    Timings.Clock clock = new Timings.Clock();
    if (!reference) {
      // Inside training, but evaluation work: the per-epoch test accuracy of history.csv.
      clock.record("history_test_passes", historyTestSeconds);
    }
    int trainSize = data.train().size();
    int testSize = data.test().size();
    AnalysisRows rows =
        reference
            ? AnalysisRows.referenceSubset(trainSize, testSize, settings.seed())
            : AnalysisRows.full(trainSize, testSize);
    ConceptTables tables =
        ConceptTables.extract(
            inference, data, rows, !settings.protocol().stochasticWhenEvaluating());
    List<ConceptBank> banks = tables.banks(reference, data);
    clock.lap("concept_tables");
    if (!reference) {
      // The clean protocol's tables hold every row's shared concepts (evaluation mode, where
      // the joint normalisation treats each row on its own), so the predictor on them gives the
      // accuracies without passing the encoders over both splits again.
      trainAccuracy = inference.accuracy(tables.sharedTrain(), tables.trainLabels());
      testAccuracy = inference.accuracy(tables.sharedTest(), tables.testLabels());
    }
    clock.lap("accuracy");
    MissingModalityEvaluator missingModality = new MissingModalityEvaluator(inference, data);
    List<float[][]> testShared = missingModality.represent(data.test());
    List<MissingModalityResult> missing =
        missingModality.evaluate(banks, data.test(), testShared);
    clock.lap("missing_modality");
    List<RetrievalResult> retrieval =
        CrossModalRetrieval.evaluate(data, tables, reference, data.test(), testShared);
    clock.lap("retrieval");
    long robustnessStart = System.nanoTime();
    List<RobustnessResult> robustness =
        new RobustnessEvaluator(
                inference,
                data,
                RobustnessEvaluator.Settings.reference(
                    settings.model().concepts(), batchSize, settings.seed()))
            .evaluate(banks, data.test());
    double robustnessSeconds = (System.nanoTime() - robustnessStart) / 1e9;
    clock.lap("robustness");
    ConceptResults concepts =
        ConceptReport.metrics(
            tables, data.slots().stream().map(Slot::name).toList(), settings.seed());
    clock.lap("concept_report");
    // After every metric: under the reference protocol predicting reseeds the engine's generator.
    SamplePredictor predictor =
        new SamplePredictor(
            inference, data, banks, settings.seed(),
            settings.protocol().stochasticWhenEvaluating());
    List<PredictionsCsv.Row> predictions = testPredictions(predictor, data);
    clock.lap("predictions");
    Optional<Explanations> explanations = Optional.empty();
    if (settings.explain()) {
      int[] predicted = predictions.stream().mapToInt(r -> r.prediction().label()).toArray();
      explanations =
          Optional.of(
              ExplanationBuilder.build(
                  new ExplanationBuilder.Inputs(
                      inference, data, tables, banks, testShared, predicted, predictor,
                      network.hasSharedSpace(), settings.seed()),
                  ExplanationBuilder.Options.defaults()));
    }
    clock.lap("explanations");
    // Last: under the reference protocol the local concepts of a graph draw Gumbel noise from the
    // engine's generator even in evaluation mode, which must not move any metric above.
    List<Accuracies.Local> local = localHeadAccuracies(inference, network, data);
    clock.lap("local_heads");
    ModelResults results =
        new ModelResults(
            new Accuracies(trainAccuracy, testAccuracy).withLocal(local),
            missing,
            retrieval,
            robustness,
            Optional.of(concepts),
            OptionalInt.empty(),
            finalLoss,
            new Timings(
                Pipelines.median(epochSeconds),
                trainSeconds,
                assembled.pretrainSeconds(),
                OptionalDouble.of(robustnessSeconds),
                clock.laps()));
    return new Trained(
        results,
        List.of(new Saved(Pipelines.MODEL_NAME, network)),
        Map.of(),
        new SavedModel.ConceptParts(network, assembled.inputShapes(), banks),
        new RunTables(new EpochHistory(history), predictions, data.classNames(), explanations));
  }

  private static EpochHistory.Row historyRow(
      EpochReport report,
      double testAccuracy,
      String mode,
      List<EpochHistory.LocalTest> localTest) {
    return new EpochHistory.Row(
        report.epoch(), report.loss(), report.distance(), report.trainAccuracy(), testAccuracy,
        mode, report.seconds(), report.local(), localTest);
  }

  /** Each local head's accuracy on both splits, evaluation mode; empty without local heads. */
  private static List<Accuracies.Local> localHeadAccuracies(
      Inference inference, SharcsNetwork network, PreparedData data) {
    List<Accuracies.Local> out = new ArrayList<>();
    for (int m = 0; m < data.slots().size(); m++) {
      if (network.hasLocalHead(m)) {
        out.add(
            new Accuracies.Local(
                data.slots().get(m).name(),
                inference.localHeadAccuracy(m, data.train()).orElseThrow(),
                inference.localHeadAccuracy(m, data.test())));
      }
    }
    return out;
  }

  /** The model's prediction for every test sample, from its own inputs (all present). */
  private static List<PredictionsCsv.Row> testPredictions(
      SamplePredictor predictor, PreparedData data) {
    List<MultimodalSample> test = data.test().samples();
    List<Prediction> predicted = predictor.predictSplit(data.test());
    List<PredictionsCsv.Row> rows = new ArrayList<>(test.size());
    for (int r = 0; r < test.size(); r++) {
      rows.add(new PredictionsCsv.Row(test.get(r).id(), data.test().label(r), predicted.get(r)));
    }
    return rows;
  }

  /**
   * The initialised (and pretrained) network, the example batch shapes it was initialised with,
   * and how long the encoders' pretraining took.
   */
  private record Assembled(
      SharcsNetwork network, List<Shape[]> inputShapes, double pretrainSeconds) {}

  private static Assembled build(Setup setup) {
    PreparedData data = setup.data();
    RunSettings settings = setup.settings();
    NDManager manager = setup.manager();
    ModelConfig model = settings.model();
    LocalEncoders local = setup.encoders(EncoderRole.CONCEPTS);
    // Local heads only for experiments with local supervision: other networks, and their saved
    // parameter files, stay as they were.
    int[] localClasses = new int[data.slots().size()];
    if (settings.training().usesLocalLoss()) {
      for (int m = 0; m < localClasses.length; m++) {
        localClasses[m] = data.localClasses(m);
      }
    }
    SharcsNetwork network =
        new SharcsNetwork(
            local.encoders(),
            local.arity(),
            model.concepts(),
            model.steepness(),
            model.projectionHidden(),
            model.predictorHidden(),
            data.classes(),
            settings.mode() == Mode.SHARCS,
            localClasses,
            model.localHeadHidden());
    network.initialize(manager, local.shapes());
    double pretrainSeconds = local.pretrain(data, manager, settings.seed());
    return new Assembled(network, local.shapes(), pretrainSeconds);
  }
}
