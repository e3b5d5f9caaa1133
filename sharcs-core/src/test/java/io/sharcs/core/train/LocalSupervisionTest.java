package io.sharcs.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.sharcs.core.config.LearningRates;
import io.sharcs.core.config.NetworkPart;
import io.sharcs.core.config.PhaseLoss;
import io.sharcs.core.config.SeparationConfig;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.config.TrainingPhase;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.fixtures.DigitSumData;
import io.sharcs.core.fixtures.TwoVectorModalities;
import io.sharcs.core.model.SharcsNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The reference's MNIST schedule (method spec 3.2) as phases: local supervision first (encoders
 * and local heads in the loss, the shared path and f only forward), then the encoders and heads
 * frozen while the projections and f learn the task.
 */
class LocalSupervisionTest {

  private static final PreparedData DATA =
      PreparedData.prepare(DigitSumData.generate(240, 192, 3), TwoVectorModalities.bindings());

  /** {@code local} epochs of local supervision, then {@code task} epochs of h and f. */
  private static TrainingConfig mnistSchedule(
      int local, int task, List<NetworkPart> secondPhase, boolean classWeights) {
    return new TrainingConfig(
        local + task, 32, 2e-2, 0.1, 0.5, classWeights,
        List.of(
            new TrainingPhase(local, true, null, List.of(PhaseLoss.LOCAL)),
            new TrainingPhase(task, true, secondPhase, null)),
        0,
        SeparationConfig.OFF);
  }

  @Test
  void localPhaseTrainsEncodersAndHeadsOnlyThenTheFrozenPartsStayWhileTheTaskTrains() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = TwoVectorModalities.network(DATA, manager, 4, true, true);
      TrainingConfig config =
          mnistSchedule(10, 3, List.of(NetworkPart.PROJECTIONS, NetworkPart.PREDICTOR), true);
      SharcsTrainer trainer = new SharcsTrainer(net, DATA, config, 1, 9, manager);
      Snapshot start = Snapshot.of(net);

      List<EpochReport> reports = new ArrayList<>();
      for (int e = 1; e <= 10; e++) {
        trainer.epoch(e, reports::add);
      }
      Snapshot afterLocal = Snapshot.of(net);
      // Not in the local loss: the shared path and f ran forward only.
      assertThat(afterLocal.get(NetworkPart.PROJECTIONS))
          .containsExactly(start.get(NetworkPart.PROJECTIONS));
      assertThat(afterLocal.get(NetworkPart.PREDICTOR))
          .containsExactly(start.get(NetworkPart.PREDICTOR));
      assertThat(afterLocal.get(NetworkPart.ENCODERS))
          .isNotEqualTo(start.get(NetworkPart.ENCODERS));
      assertThat(afterLocal.get(NetworkPart.LOCAL_HEADS))
          .isNotEqualTo(start.get(NetworkPart.LOCAL_HEADS));
      // Each head's loss falls and it learns its view's digit; the loss is their sum, and no
      // pairs are drawn (d = 0) without the task term.
      for (String m : List.of("a", "b")) {
        assertThat(local(reports.get(9), m).loss())
            .isLessThan(local(reports.get(0), m).loss() * 0.5);
        assertThat(local(reports.get(9), m).accuracy()).isGreaterThan(0.8);
      }
      EpochReport last = reports.get(9);
      assertThat(last.loss())
          .isCloseTo(local(last, "a").loss() + local(last, "b").loss(), Offset.offset(1e-5));
      assertThat(reports).allSatisfy(r -> assertThat(r.distance()).isZero());

      for (int e = 11; e <= 13; e++) {
        trainer.epoch(e, reports::add);
      }
      Snapshot afterTask = Snapshot.of(net);
      assertThat(afterTask.get(NetworkPart.ENCODERS))
          .containsExactly(afterLocal.get(NetworkPart.ENCODERS));
      assertThat(afterTask.get(NetworkPart.LOCAL_HEADS))
          .containsExactly(afterLocal.get(NetworkPart.LOCAL_HEADS));
      assertThat(afterTask.get(NetworkPart.PROJECTIONS))
          .isNotEqualTo(afterLocal.get(NetworkPart.PROJECTIONS));
      assertThat(afterTask.get(NetworkPart.PREDICTOR))
          .isNotEqualTo(afterLocal.get(NetworkPart.PREDICTOR));
      // The task phase reports no local heads and has the regulariser on.
      assertThat(reports.subList(10, 13)).allSatisfy(r -> assertThat(r.local()).isEmpty());
      assertThat(reports.subList(10, 13)).anySatisfy(r -> assertThat(r.distance()).isPositive());
    }
  }

  @Test
  void multiCbmFreezesTheSameWayWithoutASharedSpace() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = TwoVectorModalities.network(DATA, manager, 4, false, true);
      TrainingConfig config = mnistSchedule(3, 2, List.of(NetworkPart.PREDICTOR), true);
      SharcsTrainer trainer = new SharcsTrainer(net, DATA, config, 1, 9, manager);
      Snapshot start = Snapshot.of(net);
      for (int e = 1; e <= 3; e++) {
        trainer.epoch(e, r -> {});
      }
      Snapshot afterLocal = Snapshot.of(net);
      assertThat(afterLocal.get(NetworkPart.PREDICTOR))
          .containsExactly(start.get(NetworkPart.PREDICTOR));
      for (int e = 4; e <= 5; e++) {
        trainer.epoch(e, r -> {});
      }
      Snapshot end = Snapshot.of(net);
      assertThat(end.get(NetworkPart.ENCODERS))
          .containsExactly(afterLocal.get(NetworkPart.ENCODERS));
      assertThat(end.get(NetworkPart.LOCAL_HEADS))
          .containsExactly(afterLocal.get(NetworkPart.LOCAL_HEADS));
      assertThat(end.get(NetworkPart.PREDICTOR))
          .isNotEqualTo(afterLocal.get(NetworkPart.PREDICTOR));
    }
  }

  @Test
  void classWeightsDoNotEnterTheLocalLoss() {
    // Local supervision alone: with and without class weights the same parameters result.
    float[][] trained = new float[2][];
    for (int w = 0; w < 2; w++) {
      try (NDManager manager = NDManager.newBaseManager()) {
        SharcsNetwork net = TwoVectorModalities.network(DATA, manager, 4, true, true);
        SharcsTrainer trainer =
            new SharcsTrainer(net, DATA, mnistSchedule(2, 1, null, w == 1), 1, 9, manager);
        trainer.epoch(1, r -> {});
        trainer.epoch(2, r -> {});
        trained[w] = Snapshot.of(net).get(NetworkPart.ENCODERS);
      }
    }
    assertThat(trained[1]).containsExactly(trained[0]);
  }

  @Test
  void taskAndLocalTogetherTrainEveryPart() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = TwoVectorModalities.network(DATA, manager, 4, true, true);
      TrainingConfig config =
          new TrainingConfig(
              1, 32, 5e-3, 0.1, 0.5, false,
              List.of(new TrainingPhase(1, true, null, List.of(PhaseLoss.TASK, PhaseLoss.LOCAL))),
              0,
              SeparationConfig.OFF);
      Snapshot start = Snapshot.of(net);
      List<EpochReport> reports = new ArrayList<>();
      new SharcsTrainer(net, DATA, config, 1, 9, manager).epoch(1, reports::add);
      Snapshot end = Snapshot.of(net);
      for (NetworkPart part : NetworkPart.values()) {
        assertThat(end.get(part)).as(part.id()).isNotEqualTo(start.get(part));
      }
      EpochReport r = reports.get(0);
      assertThat(r.local()).extracting(EpochReport.Local::modality).containsExactly("a", "b");
      assertThat(r.loss()).isGreaterThan(local(r, "a").loss() + local(r, "b").loss());
    }
  }

  @Test
  void aTinyLearningRateOnOnePartLeavesItAlmostUnchangedWhileTheRestMoves() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = TwoVectorModalities.network(DATA, manager, 4, true, true);
      TrainingConfig config =
          new TrainingConfig(
              2, 32, 5e-3, 0.1, 0.5, false, List.of(), 0, SeparationConfig.OFF,
              new LearningRates(Map.of("encoders.a", 1e-9, "local_heads", 0.05)));
      List<Parameter> encoderA = net.localEncoder(0).getParameters().values();
      List<Parameter> encoderB = net.localEncoder(1).getParameters().values();
      float[] a0 = Snapshot.values(encoderA);
      float[] b0 = Snapshot.values(encoderB);
      SharcsTrainer trainer = new SharcsTrainer(net, DATA, config, 1, 9, manager);
      trainer.epoch(1, r -> {});
      trainer.epoch(2, r -> {});
      // An Adam step moves a weight by about the learning rate: 12 steps of 1e-9 stay within a
      // few float32 ulps of weights around 0.1-1.
      assertThat(maxChange(a0, Snapshot.values(encoderA))).isLessThan(1e-6f);
      assertThat(maxChange(b0, Snapshot.values(encoderB))).isGreaterThan(1e-2f);
    }
  }

  private static float maxChange(float[] before, float[] after) {
    float max = 0;
    for (int i = 0; i < before.length; i++) {
      max = Math.max(max, Math.abs(after[i] - before[i]));
    }
    return max;
  }

  private static EpochReport.Local local(EpochReport report, String modality) {
    return report.local().stream()
        .filter(l -> l.modality().equals(modality))
        .findFirst()
        .orElseThrow();
  }

  /** Every part's parameter values, copied out. */
  private record Snapshot(Map<NetworkPart, float[]> values) {

    static Snapshot of(SharcsNetwork net) {
      Map<NetworkPart, float[]> out = new java.util.EnumMap<>(NetworkPart.class);
      for (NetworkPart part : NetworkPart.values()) {
        out.put(part, values(net.parameters(part)));
      }
      return new Snapshot(out);
    }

    float[] get(NetworkPart part) {
      return values.get(part);
    }

    static float[] values(List<Parameter> parameters) {
      List<Float> all = new ArrayList<>();
      for (Parameter p : parameters) {
        for (float v : p.getArray().toFloatArray()) {
          all.add(v);
        }
      }
      float[] out = new float[all.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = all.get(i);
      }
      return out;
    }
  }
}
