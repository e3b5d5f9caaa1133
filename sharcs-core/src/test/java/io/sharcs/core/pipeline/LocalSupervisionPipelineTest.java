package io.sharcs.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.core.config.LearningRates;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.NetworkPart;
import io.sharcs.core.config.PhaseLoss;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.config.SeparationConfig;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.config.TrainingPhase;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.fixtures.DigitSumData;
import io.sharcs.core.fixtures.TwoVectorModalities;
import io.sharcs.core.fixtures.TwoViewXorData;
import io.sharcs.core.saved.LoadedModel;
import io.sharcs.core.saved.ModelManifest;
import io.sharcs.core.saved.PredictionsCsv;
import io.sharcs.core.saved.SavedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with the reference's MNIST schedule on the digit-sum fixture: local supervision, then the
 * task with frozen encoders and heads; what it reports and saves, and the errors of a data set
 * that cannot be trained so.
 */
class LocalSupervisionPipelineTest {

  private static final MultimodalDataset DATA = DigitSumData.generate(240, 192, 3);

  /** 10 epochs of local supervision, then 6 of the task on h and f (multi-CBM: f). */
  private static RunSettings settings(Mode mode, Protocol protocol) {
    List<NetworkPart> second =
        mode == Mode.SHARCS
            ? List.of(NetworkPart.PROJECTIONS, NetworkPart.PREDICTOR)
            : List.of(NetworkPart.PREDICTOR);
    return new RunSettings(
        5, mode, protocol, new ModelConfig(4, 5, 6, 12, 0.1, 100, 0, 16),
        new TrainingConfig(
            16, 32, 2e-2, 0.1, 0.5, true,
            List.of(
                new TrainingPhase(10, true, null, List.of(PhaseLoss.LOCAL)),
                new TrainingPhase(6, true, second, null)),
            0,
            SeparationConfig.OFF,
            new LearningRates(Map.of("encoders.a", 0.01))));
  }

  @Test
  void aRunReportsItsLocalHeadsAndItsModelReloadsWithThem(@TempDir Path dir) {
    RunSettings s = settings(Mode.SHARCS, Protocol.CLEAN);
    List<io.sharcs.core.train.EpochReport> reports = new ArrayList<>();
    RunResult run = Pipelines.run(DATA, TwoVectorModalities.bindings(), s, reports::add, dir);

    assertThat(reports).hasSize(16);
    assertThat(run.metrics()).containsKeys(
        "accuracy.local.a.train", "accuracy.local.a.test", "accuracy.local.b.train",
        "accuracy.local.b.test");
    assertThat(run.metrics().get("accuracy.local.a.test")).isGreaterThan(0.8);
    assertThat(run.metrics().get("accuracy.local.b.test")).isGreaterThan(0.8);
    assertThat(run.metrics().values()).allSatisfy(v -> assertThat(v).isFinite());

    List<String> history = run.tables().history().lines();
    assertThat(history.get(0))
        .isEqualTo("epoch,loss,d,train_accuracy,test_accuracy,test_accuracy_mode,seconds,"
            + "local_loss.a,local_accuracy.a,local_test_accuracy.a,"
            + "local_loss.b,local_accuracy.b,local_test_accuracy.b");
    // Local columns filled in the 10 local epochs, empty in the 6 task epochs.
    assertThat(history.subList(1, 11)).allSatisfy(l -> assertThat(l).doesNotEndWith(","));
    assertThat(history.subList(11, 17)).allSatisfy(l -> assertThat(l).endsWith(",,,,,,"));
    // The heads' test accuracy climbs over the local stage (it starts near chance, 1 in 10).
    EpochHistory parsed = EpochHistory.parse(history);
    for (String m : List.of("a", "b")) {
      assertThat(parsed.rows().get(0).localTest(m)).isLessThan(0.5);
      assertThat(parsed.rows().get(9).localTest(m)).isGreaterThan(0.8);
      assertThat(parsed.rows().get(10).localTest(m)).isNull();
    }
    // What history.csv holds reads back to the same lines.
    assertThat(parsed.lines()).isEqualTo(history);

    ModelManifest manifest = ModelManifest.read(dir);
    assertThat(manifest.network().localHeadHidden()).isEqualTo(16);
    assertThat(manifest.modalities())
        .extracting(ModelManifest.Modality::localClasses)
        .containsExactly(DigitSumData.DIGITS, DigitSumData.DIGITS);
    try (LoadedModel loaded = SavedModel.load(dir, TwoVectorModalities.bindings(), s)) {
      List<PredictionsCsv.Row> rows = new ArrayList<>();
      var predicted = loaded.predictSamples(DATA.test());
      for (int r = 0; r < predicted.size(); r++) {
        MultimodalSample sample = DATA.test().get(r);
        rows.add(new PredictionsCsv.Row(sample.id(), sample.label(), predicted.get(r)));
      }
      assertThat(PredictionsCsv.lines(rows, loaded.classNames()))
          .isEqualTo(PredictionsCsv.lines(run.tables().predictions(), DATA.classNames()));
    }
  }

  @Test
  void multiCbmTrainsTheSameScheduleAndRunsRepeatExactly(@TempDir Path dir) {
    RunSettings s = settings(Mode.MULTI_CBM, Protocol.REFERENCE);
    RunResult first = Pipelines.run(DATA, TwoVectorModalities.bindings(), s, r -> {},
        dir.resolve("1"));
    RunResult second = Pipelines.run(DATA, TwoVectorModalities.bindings(), s, r -> {},
        dir.resolve("2"));
    assertThat(withoutTimings(second)).isEqualTo(withoutTimings(first));
    assertThat(first.metrics().get("accuracy.local.b.train")).isGreaterThan(0.8);
    // The reference protocol makes no extra test pass: no local test column.
    assertThat(first.tables().history().lines().get(0))
        .endsWith("local_loss.a,local_accuracy.a,local_loss.b,local_accuracy.b");
  }

  @Test
  void aLocalPhaseNeedsADataSetWithLocalLabelsForEveryTrainingSample() {
    RunSettings s = settings(Mode.SHARCS, Protocol.CLEAN);
    InvalidConfigException none =
        catchThrowableOfType(
            InvalidConfigException.class,
            () -> Pipelines.requireTrainable(TwoViewXorData.generate(40, 32, 1), s));
    assertThat(none.field()).isEqualTo("training.phases[0].loss");
    assertThat(none.problem())
        .isEqualTo("got local, but data set 'two-view-xor' has no local labels (a label of each"
            + " modality's own content), expected task, or a data set with local labels");

    InvalidInputException missing =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> Pipelines.requireTrainable(DigitSumData.generate(40, 32, 1, 7, "b"), s));
    assertThat(missing.getMessage())
        .isEqualTo("data set 'digit-sum' sample d7: no local label for modality 'b', expected"
            + " one for every training sample (training.phases[0].loss is local)");
    // A test sample without one is fine: the local accuracy counts the samples that have one.
    Pipelines.requireTrainable(DigitSumData.generate(40, 32, 1, 35, "b"), s);
    // The non-concept baselines train end to end and ignore phases.
    RunSettings anchors =
        new RunSettings(5, Mode.ANCHORS, Protocol.CLEAN, s.model(), s.training());
    Pipelines.requireTrainable(TwoViewXorData.generate(40, 32, 1), anchors);
  }

  @Test
  void localLabelsOutOfRangeOrForAModalityWithoutClassesAreNamed() {
    MultimodalDataset good = DigitSumData.generate(10, 8, 1);
    MultimodalSample s = good.train().get(2);
    MultimodalSample outOfRange =
        new MultimodalSample(
            s.id(), s.label(), s.inputs(), s.contentKeys(), s.counterparts(),
            Map.of("a", 4, "b", 0));
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class,
                () -> PreparedData.prepare(replaced(good, 2, outOfRange, good.localClassNames()),
                    TwoVectorModalities.bindings())))
        .hasMessage("data set 'digit-sum' sample d2: local label 4 of modality 'a', expected 0..3");
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class,
                () -> PreparedData.prepare(
                    replaced(good, 2, s, Map.of("a", List.of("0", "1", "2", "3"))),
                    TwoVectorModalities.bindings())))
        .hasMessage("data set 'digit-sum' sample d0: local label for 'b', expected local labels"
            + " only for the modalities with local class names");
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class,
                () -> PreparedData.prepare(
                    replaced(good, 2, s, Map.of("c", List.of("x", "y"))),
                    TwoVectorModalities.bindings())))
        .hasMessage("data set 'digit-sum': local class names for 'c', expected them for its"
            + " modalities [a, b]");
  }

  private static MultimodalDataset replaced(
      MultimodalDataset data, int row, MultimodalSample sample, Map<String, List<String>> local) {
    List<MultimodalSample> train = new ArrayList<>(data.train());
    train.set(row, sample);
    return new MultimodalDataset(
        data.name(), data.modalities(), data.classNames(), train, data.test(), data.fingerprint(),
        local);
  }

  private static Map<String, Double> withoutTimings(RunResult r) {
    Map<String, Double> m = new java.util.TreeMap<>(r.metrics());
    m.keySet().removeIf(k -> k.startsWith("timing."));
    return m;
  }
}
