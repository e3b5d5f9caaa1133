package io.sharcs.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.InvalidConfigException;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.config.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Splits too small to train or evaluate are rejected before anything trains. */
class TrainableSplitsTest {

  private static RunSettings settings(Mode mode, Protocol protocol) {
    return new RunSettings(0, mode, protocol, ModelConfig.DEFAULTS, TrainingConfig.DEFAULTS);
  }

  @Test
  void aTrainingSplitOfOneSampleCannotTrain() {
    assertThatThrownBy(
            () -> Pipelines.requireTrainable(1, 10, settings(Mode.SHARCS, Protocol.CLEAN)))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
          assertThat(e.field()).isEqualTo("dataset");
          assertThat(e.problem()).isEqualTo(
              "the training split has 1 sample, expected at least 2 (batch normalisation needs"
                  + " two samples per batch)");
        });
  }

  @Test
  void theReferenceProtocolOfTheConceptModelsNeedsTwoTestSamples() {
    for (Mode mode : new Mode[] {Mode.SHARCS, Mode.MULTI_CBM}) {
      assertThatThrownBy(
              () -> Pipelines.requireTrainable(10, 1, settings(mode, Protocol.REFERENCE)))
          .isInstanceOf(InvalidConfigException.class)
          .hasMessageContaining("the test split has 1 sample, expected at least 2 with protocol"
              + " reference in mode " + mode.id());
      assertThatCode(() -> Pipelines.requireTrainable(10, 1, settings(mode, Protocol.CLEAN)))
          .doesNotThrowAnyException();
    }
    // The baselines have no batch normalisation to evaluate in training mode.
    assertThatCode(
            () -> Pipelines.requireTrainable(2, 1, settings(Mode.ANCHORS, Protocol.REFERENCE)))
        .doesNotThrowAnyException();
  }
}
