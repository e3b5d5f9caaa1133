package io.sharcs.core.train;

import io.sharcs.core.fixtures.TwoVectorModalities;
import io.sharcs.core.fixtures.TwoViewXorData;

import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.config.TrainingPhase;
import io.sharcs.core.config.NetworkPart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.sharcs.api.InvalidConfigException;

import io.sharcs.core.model.SharcsNetwork;
import io.sharcs.core.data.PreparedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-phase schedule of the reference's CLEVR training (section 3.2), declared as phases. */
class TrainingScheduleTest {

  private static final TrainingConfig TWO_PHASES =
      new TrainingConfig(
          4, 16, 5e-3, 0.1, 1.0, false,
          List.of(
              new TrainingPhase(2, false, null),
              new TrainingPhase(
                  2, true, List.of(NetworkPart.PROJECTIONS, NetworkPart.PREDICTOR))),
          0,
          null);

  @Test
  void firstPhaseSkipsTheSharedSpaceThenEncodersFreezeAndTheSharedSpaceTrains() {
    var data =
        PreparedData.prepare(TwoViewXorData.generate(80, 64, 2), TwoVectorModalities.bindings());
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = TwoVectorModalities.network(data, manager, 3);
      SharcsTrainer trainer = new SharcsTrainer(net, data, TWO_PHASES, 1, 5, manager);

      float[] projection0 = snapshot(net, NetworkPart.PROJECTIONS);
      List<EpochReport> reports = new ArrayList<>();
      trainer.epoch(1, reports::add);
      trainer.epoch(2, reports::add);
      assertThat(net.usesSharedSpace()).isFalse();
      // Off the shared space the projections get no gradient and d is never computed.
      assertThat(snapshot(net, NetworkPart.PROJECTIONS)).containsExactly(projection0);
      assertThat(reports).allSatisfy(r -> assertThat(r.distance()).isZero());

      float[] encoders2 = snapshot(net, NetworkPart.ENCODERS);
      float[] projection2 = snapshot(net, NetworkPart.PROJECTIONS);
      float[] predictor2 = snapshot(net, NetworkPart.PREDICTOR);
      trainer.epoch(3, reports::add);
      trainer.epoch(4, reports::add);
      assertThat(net.usesSharedSpace()).isTrue();
      assertThat(snapshot(net, NetworkPart.ENCODERS)).containsExactly(encoders2);
      assertThat(snapshot(net, NetworkPart.PROJECTIONS)).isNotEqualTo(projection2);
      assertThat(snapshot(net, NetworkPart.PREDICTOR)).isNotEqualTo(predictor2);
      assertThat(reports.subList(2, 4)).allSatisfy(r -> assertThat(r.distance()).isPositive());
      assertThat(net.parameters(NetworkPart.ENCODERS))
          .allSatisfy(p -> assertThat(p.requiresGradient()).isFalse());
    }
  }

  @Test
  void phasesMustAddUpToTheEpochs() {
    assertThatThrownBy(
            () ->
                new TrainingConfig(
                    10, 16, 1e-3, 0.1, 0.1, false,
                    List.of(new TrainingPhase(3, true, null), new TrainingPhase(4, true, null)),
                    0,
                    null))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("add up to 7 epochs but epochs is 10");
    assertThatThrownBy(() -> new TrainingPhase(1, true, List.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("encoders, projections, predictor");
    assertThat(NetworkPart.parse(" Encoders ")).isEqualTo(NetworkPart.ENCODERS);
    assertThatThrownBy(() -> NetworkPart.parse("heads"))
        .hasMessageContaining("got 'heads', expected one of encoders, projections, predictor");
  }

  @Test
  void withoutPhasesEveryEpochTrainsEverything() {
    TrainingConfig plain = new TrainingConfig(5, 16, 1e-3, 0.1, 0.1, false);
    assertThat(plain.phaseOf(1)).isEqualTo(TrainingPhase.full(5));
    assertThat(TWO_PHASES.phaseOf(2).sharedSpace()).isFalse();
    assertThat(TWO_PHASES.phaseOf(3).sharedSpace()).isTrue();
  }

  private static float[] snapshot(SharcsNetwork net, NetworkPart part) {
    List<Float> values = new ArrayList<>();
    for (Parameter p : net.parameters(part)) {
      for (float v : p.getArray().toFloatArray()) {
        values.add(v);
      }
    }
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
