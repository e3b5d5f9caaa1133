package io.sharcs.core.eval;

import io.sharcs.core.fixtures.TwoVectorModalities;
import io.sharcs.core.fixtures.TwoViewXorData;

import io.sharcs.core.config.Mode;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.core.pipeline.Pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.data.Batches;
import io.sharcs.core.data.PreparedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceTest {

  private static final String LONE_ROW =
      "batch norm with batch statistics rejects a single row, so a lone trailing row must join"
          + " the chunk before it";

  @Test
  void evalModeAccuracyDoesNotDependOnTheBatchSize() {
    PreparedData data = PreparedData.prepare(TwoViewXorData.generate(60, 40, 2), TwoVectorModalities.bindings());
    try (NDManager manager = NDManager.newBaseManager()) {
      Inference inference = new Inference(TwoVectorModalities.network(data, manager, 17), data, manager);
      int[] rows = Batches.range(data.test().size());
      double a = inference.accuracy(data.test(), rows, false, 3);
      double b = inference.accuracy(data.test(), rows, false, 64);
      assertThat(a).isBetween(0.0, 1.0).isEqualTo(b);
      float[][] s = inference.sharedConcepts(1, data.test());
      assertThat(s).hasNumberOfRows(20);
      assertThat(s[0]).hasSize(4);
      // predicting from the slots' own eval-mode shared concepts is the eval forward pass
      int[] predicted = inference.predict(List.of(inference.sharedConcepts(0, data.test()), s));
      long correct = 0;
      for (int r = 0; r < predicted.length; r++) {
        correct += predicted[r] == data.test().label(r) ? 1 : 0;
      }
      assertThat(correct / 20.0).isCloseTo(a, within(1e-9));
    }
  }

  /**
   * The one-pass accuracies give the task accuracy of the evaluation-mode pass and, per local
   * head, what scoring the head alone gives; a test row without a local label is left out.
   */
  @Test
  void onePassAccuraciesAgreeWithTheTaskPassAndEachLocalHead() {
    // Test sample 35 has no label for modality b.
    PreparedData data = PreparedData.prepare(
        io.sharcs.core.fixtures.DigitSumData.generate(60, 30, 3, 35, "b"),
        TwoVectorModalities.bindings());
    try (NDManager manager = NDManager.newBaseManager()) {
      Inference inference = new Inference(
          TwoVectorModalities.network(data, manager, 17, true, true), data, manager);
      int[] rows = Batches.range(data.test().size());
      Inference.PassAccuracies a = inference.accuracies(data.test(), rows);

      assertThat(a.task()).isEqualTo(inference.accuracy(data.test(), rows, false, 16));
      assertThat(a.localHeads()).hasSize(2);
      for (int m = 0; m < 2; m++) {
        assertThat(a.localHeads().get(m).getAsDouble())
            .isEqualTo(inference.localHeadAccuracy(m, data.test()).getAsDouble());
      }
      // A network without local heads scores none.
      Inference plain = new Inference(
          TwoVectorModalities.network(data, manager, 17, true, false), data, manager);
      assertThat(plain.accuracies(data.test(), rows).localHeads())
          .allSatisfy(h -> assertThat(h).isEmpty());
    }
  }

  /**
   * Training-mode accuracy (the REFERENCE protocol's final metrics) batches rows in chunks of the
   * batch size; a trailing chunk of one row cannot be batch-normalised with batch statistics.
   */
  @Test
  void trainingModeAccuracyCopesWithALoneTrailingRow() {
    PreparedData data = PreparedData.prepare(TwoViewXorData.generate(60, 40, 2), TwoVectorModalities.bindings());
    try (NDManager manager = NDManager.newBaseManager()) {
      Inference inference = new Inference(TwoVectorModalities.network(data, manager, 17), data, manager);
      // 20 test rows in batches of 19: the last batch holds a single row
      double[] accuracy = new double[1];
      assertThatCode(() -> accuracy[0] = inference.accuracy(data.test(), Batches.range(20), true, 19))
          .as(LONE_ROW)
          .doesNotThrowAnyException();
      assertThat(accuracy[0]).isBetween(0.0, 1.0);
    }
  }

  /** The same, end to end: 65 training rows with batch size 32 under the REFERENCE protocol. */
  @Test
  void referenceProtocolRunsWhenASplitLeavesOneRowOver(@TempDir Path dir) {
    MultimodalDataset data = TwoViewXorData.generate(65 + 40, 65, 4);
    RunSettings settings =
        new RunSettings(
            1, Mode.SHARCS, Protocol.REFERENCE, new ModelConfig(4, 5, 4, 6),
            new TrainingConfig(1, 32, 1e-3, 0.1, 0.1, false));
    RunResult[] result = new RunResult[1];
    assertThatCode(
            () ->
                result[0] =
                    Pipelines.run(data, TwoVectorModalities.bindings(), settings, r -> {}, dir.resolve("model")))
        .as(LONE_ROW)
        .doesNotThrowAnyException();
    assertThat(result[0].metrics().get("accuracy.train")).isBetween(0.0, 1.0);
  }
}
