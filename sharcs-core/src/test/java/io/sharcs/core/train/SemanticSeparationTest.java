package io.sharcs.core.train;

import io.sharcs.core.fixtures.TwoVectorModalities;
import io.sharcs.core.fixtures.TwoViewXorData;

import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.config.SeparationConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.core.model.SharcsNetwork;
import io.sharcs.core.data.PreparedData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The semantic regulariser's separating term, wired into training. */
class SemanticSeparationTest {

  private static final int EPOCHS = 8;

  private static TrainingConfig config(SeparationConfig separation) {
    return new TrainingConfig(EPOCHS, 32, 5e-3, 0.1, 0.1, false, List.of(), 0, separation);
  }

  /** Trains on the two-view XOR data and returns the term's value on the whole training split. */
  private static double trainedSeparation(SeparationConfig separation, double margin) {
    var data =
        PreparedData.prepare(TwoViewXorData.generate(240, 200, 3), TwoVectorModalities.bindings());
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = TwoVectorModalities.network(data, manager, 4);
      SharcsTrainer trainer = new SharcsTrainer(net, data, config(separation), 1, 11, manager);
      for (int e = 1; e <= EPOCHS; e++) {
        trainer.epoch(e, r -> {});
      }
      int[] rows = IntStream.range(0, data.train().size()).toArray();
      List<NDList> inputs = new ArrayList<>();
      for (int m = 0; m < data.slots().size(); m++) {
        inputs.add(data.batch(m, data.train(), rows, manager));
      }
      var forward = net.forward(new ParameterStore(manager, false), inputs, false);
      return SemanticRegulariser.separation(
              forward.stackedShared(), data.train().keys(rows), margin)
          .getFloat();
    }
  }

  @Test
  void theTermPushesNonMatchingSharedConceptsApartAndIsOffByDefault() {
    double margin = 1.5;
    double off = trainedSeparation(SeparationConfig.OFF, margin);
    double on = trainedSeparation(new SeparationConfig(1.0, margin), margin);
    assertThat(new TrainingConfig(5, 16, 1e-3, 0.1, 0.1, false).separation())
        .isEqualTo(SeparationConfig.OFF);
    assertThat(SeparationConfig.OFF.enabled()).isFalse();
    assertThat(on).as("shortfall below the margin with the term on vs off (%s)", off)
        .isLessThan(0.8 * off);
  }

  @Test
  void weightAndMarginAreValidated() {
    assertThatThrownBy(() -> new SeparationConfig(-0.1, 1))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("got -0.1, expected a number >= 0");
    assertThatThrownBy(() -> new SeparationConfig(1, 0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("got 0.0, expected a number > 0");
  }
}
