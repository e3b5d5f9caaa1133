package io.sharcs.core.eval;

import io.sharcs.core.eval.RobustnessEvaluator.Settings;
import io.sharcs.core.fixtures.TwoVectorModalities;
import io.sharcs.core.fixtures.TwoViewXorData;

import io.sharcs.core.pipeline.MetricNames;

import io.sharcs.core.config.Mode;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.core.pipeline.Pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.sharcs.core.data.Batches;
import io.sharcs.core.model.SharcsNetwork;
import io.sharcs.core.data.PreparedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Robustness tests: on the hand-wired network of {@link MissingModalityEvaluatorTest} (f reads
 * slot a only, k = 1, every full-input prediction right) the effect of noise and interventions on
 * each slot is known; on an untrained random network with k = 4 the accuracies are arbitrary, so
 * identities between them are checked exactly.
 */
class RobustnessEvaluatorTest {

  private static Map<String, Double> wired(
      boolean sharedSpace, boolean withCounterparts, Settings settings) {
    PreparedData data = MissingModalityEvaluatorTest.data(40, r -> withCounterparts);
    try (NDManager manager = NDManager.newBaseManager()) {
      Inference inference =
          new Inference(MissingModalityEvaluatorTest.wiredNetwork(manager, sharedSpace), data, manager);
      return MetricNames.robustness(
          new RobustnessEvaluator(inference, data, settings)
              .evaluate(MissingModalityEvaluatorTest.banks(inference), data.test()));
    }
  }

  @Test
  void noiseReachesOnlyTheChosenModality() {
    for (boolean sharedSpace : new boolean[] {true, false}) {
      Map<String, Double> m = wired(sharedSpace, true, new Settings(0.25, 0, 8, 3));
      assertThat(m.keySet())
          .containsExactlyInAnyOrder(
              "robustness.noise.a",
              "robustness.intervention_clean.a",
              "robustness.intervention_retrieved.a",
              "robustness.noise.b",
              "robustness.intervention_clean.b",
              "robustness.intervention_retrieved.b");
      // f reads slot a only: noise on b changes nothing, noise on a flips some predictions
      assertThat(m.get("robustness.noise.b")).as("shared space %s", sharedSpace).isEqualTo(1.0);
      assertThat(m.get("robustness.noise.a")).as("shared space %s", sharedSpace).isLessThan(0.95);
      // no intervened index (p = floor(1/2) = 0): the interventions are the noisy prediction
      assertThat(m.get("robustness.intervention_clean.a")).isEqualTo(m.get("robustness.noise.a"));
      assertThat(m.get("robustness.intervention_retrieved.a"))
          .isEqualTo(m.get("robustness.noise.a"));
      // without noise nothing changes
      Map<String, Double> quiet = wired(sharedSpace, true, new Settings(0, 0, 8, 3));
      assertThat(quiet.get("robustness.noise.a")).isEqualTo(1.0);
    }
  }

  @Test
  void interveningOnEveryConceptUsesTheCleanOrTheRetrievedValues() {
    for (boolean sharedSpace : new boolean[] {true, false}) {
      Settings all = new Settings(0.25, 1, 8, 3);
      Map<String, Double> m = wired(sharedSpace, true, all);
      assertThat(m.get("robustness.intervention_clean.a")).isEqualTo(1.0);
      // the counterpart query retrieves F(label) for slot a
      assertThat(m.get("robustness.intervention_retrieved.a")).isEqualTo(1.0);
      // without counterparts the query is b's own concept, which retrieves the wrong a
      Map<String, Double> fallback = wired(sharedSpace, false, all);
      assertThat(fallback.get("robustness.intervention_retrieved.a")).isEqualTo(0.0);
      assertThat(fallback.get("robustness.intervention_clean.a")).isEqualTo(1.0);
    }
  }

  @Test
  void withNoiseClampsToTheUnitIntervalAndLeavesItsInputAlone() {
    float[][] concepts = {{0f, 0.5f, 1f}, {0.2f, 0.8f, 0.5f}};
    float[][] noisy = RobustnessEvaluator.withNoise(concepts, 10, new SplittableRandom(1));
    assertThat(concepts[0]).containsExactly(0f, 0.5f, 1f);
    Set<Float> seen = new HashSet<>();
    for (float[] row : noisy) {
      for (float v : row) {
        assertThat(v).isBetween(0f, 1f);
        seen.add(v);
      }
    }
    // std 10 pushes almost every value out of [0, 1], so the clamp shows as both ends
    assertThat(seen).contains(0f, 1f);
    float[][] small = RobustnessEvaluator.withNoise(concepts, 0.25, new SplittableRandom(1));
    assertThat(small[0][1]).isNotEqualTo(0.5f).isBetween(0f, 1f);
    assertThat(RobustnessEvaluator.withNoise(concepts, 0, new SplittableRandom(1)))
        .isDeepEqualTo(concepts);
  }

  @Test
  void interventionIndicesAreFloorHalfOfKDistinctAndSeeded() {
    assertThat(Settings.reference(7, 64, 0).interventions()).isEqualTo(3);
    assertThat(Settings.reference(12, 64, 0).interventions()).isEqualTo(6);
    assertThat(Settings.reference(1, 64, 0).interventions()).isZero();
    assertThat(Settings.reference(7, 64, 0).noiseStd()).isEqualTo(0.25);
    SplittableRandom first = new SplittableRandom(5);
    SplittableRandom second = new SplittableRandom(5);
    Set<List<Integer>> distinctSets = new HashSet<>();
    int[] hits = new int[7];
    for (int draw = 0; draw < 200; draw++) {
      int[] chosen = RobustnessEvaluator.interventionIndices(7, 3, first);
      assertThat(chosen).hasSize(3).doesNotHaveDuplicates().isSorted();
      assertThat(RobustnessEvaluator.interventionIndices(7, 3, second)).containsExactly(chosen);
      List<Integer> set = new ArrayList<>();
      for (int i : chosen) {
        assertThat(i).isBetween(0, 6);
        hits[i]++;
        set.add(i);
      }
      distinctSets.add(set);
    }
    // 35 possible sets; 200 uniform draws cover most of them and every index
    assertThat(distinctSets.size()).isGreaterThan(25);
    assertThat(java.util.Arrays.stream(hits).min().getAsInt()).isGreaterThan(40);
    assertThat(RobustnessEvaluator.interventionIndices(7, 7, first)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThatThrownBy(() -> RobustnessEvaluator.interventionIndices(7, 8, first))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onARandomNetworkFullCleanInterventionRestoresTheCleanAccuracyAndSeedsReproduce() {
    PreparedData data =
        PreparedData.prepare(TwoViewXorData.generate(140, 60, 2), TwoVectorModalities.bindings());
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = TwoVectorModalities.network(data, manager, 17);
      Inference inference = new Inference(net, data, manager);
      var banks =
          ConceptTables.extract(inference, data, AnalysisRows.full(60, 80)).banks(false);
      double clean =
          inference.accuracy(data.test(), Batches.range(data.test().size()), false, 80);
      Map<String, Double> missing =
          MissingModalityEvaluatorTest.byModality(
              new MissingModalityEvaluator(inference, data).evaluate(banks, data.test()));

      Map<String, Double> full =
          MetricNames.robustness(
              new RobustnessEvaluator(inference, data, new Settings(0.25, 4, 16, 9))
                  .evaluate(banks, data.test()));
      for (String m : List.of("a", "b")) {
        assertThat(full.get("robustness.intervention_clean." + m)).isEqualTo(clean);
        assertThat(full.get("robustness.intervention_retrieved." + m))
            .isEqualTo(missing.get(m));
      }

      Settings reference = Settings.reference(4, 16, 9);
      Map<String, Double> first =
          MetricNames.robustness(
              new RobustnessEvaluator(inference, data, reference).evaluate(banks, data.test()));
      Map<String, Double> again =
          MetricNames.robustness(
              new RobustnessEvaluator(inference, data, reference).evaluate(banks, data.test()));
      assertThat(again).isEqualTo(first);
      assertThat(first.values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
      // the noise is the same draw with or without interventions
      assertThat(first.get("robustness.noise.a")).isEqualTo(full.get("robustness.noise.a"));
      assertThatThrownBy(
              () -> new RobustnessEvaluator(inference, data, new Settings(0.25, 5, 16, 9))
                  .evaluate(banks, data.test()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("number of concepts 4");
    }
  }

  @Test
  void multiCbmRunsReportTheMetricsReproducibly(@TempDir Path dir) {
    var dataset = TwoViewXorData.generate(120, 80, 6);
    List<ModalityBinding> bindings = TwoVectorModalities.bindings();
    RunSettings s =
        new RunSettings(
            2, Mode.MULTI_CBM, Protocol.CLEAN, new ModelConfig(4, 5, 4, 8),
            new TrainingConfig(2, 16, 5e-3, 0.1, 0.1, false));
    RunResult first = Pipelines.run(dataset, bindings, s, r -> {}, dir.resolve("m1"));
    RunResult second = Pipelines.run(dataset, bindings, s, r -> {}, dir.resolve("m2"));
    for (String m : List.of("a", "b")) {
      for (String kind : List.of("noise", "intervention_clean", "intervention_retrieved")) {
        String key = "robustness." + kind + "." + m;
        assertThat(first.metrics()).containsKey(key);
        assertThat(first.metrics().get(key)).isBetween(0.0, 1.0).isEqualTo(second.metrics().get(key));
      }
    }
    assertThat(first.metrics()).containsKey("timing.robustness_seconds");
  }
}
