package io.sharcs.core.eval;

import io.sharcs.api.ModalityDefinition;

import io.sharcs.core.fixtures.TwoViewXorData;
import io.sharcs.core.fixtures.VectorTestModality;


import io.sharcs.core.config.Mode;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.core.pipeline.Pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.core.model.SharcsNetwork;
import io.sharcs.core.data.PreparedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing-modality retrieval on a hand-wired network whose answer can be predicted exactly.
 *
 * <p>Both branches compute the same strictly increasing function of a one-number input, s =
 * F(x) (identity encoder and projections, fresh running statistics), and the predictor says class
 * 1 iff slot a's shared concept exceeds a threshold between F(0) and F(1): it reads slot a only.
 * Test sample r shows x_a = c_r and x_b = 1 - c_r, has label c_r, and (where given) the
 * counterpart of a rendered in b is [c_r]. So, with a missing, querying with the counterpart
 * retrieves F(c_r) from a's bank and is always right, while querying with b's own input retrieves
 * F(1 - c_r) and is always wrong.
 */
class MissingModalityEvaluatorTest {

  /** The results as modality name to accuracy. */
  static Map<String, Double> byModality(List<MissingModalityResult> results) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    results.forEach(r -> out.put(r.modality(), r.accuracy()));
    return out;
  }

  private static final ModalityDefinition<float[], VectorTestModality.Config> VECTOR =
      VectorTestModality.definition();

  private static MultimodalSample sample(int r, boolean withCounterpart) {
    int c = r % 2;
    return new MultimodalSample(
        "s" + r,
        c,
        Map.of("a", new float[] {c}, "b", new float[] {1 - c}),
        null,
        withCounterpart ? Map.of("a", Map.of("b", new float[] {c})) : null);
  }

  static PreparedData data(int testRows, IntPredicate withCounterpart) {
    List<MultimodalSample> test = new ArrayList<>();
    for (int r = 0; r < testRows; r++) {
      test.add(sample(r, withCounterpart.test(r)));
    }
    MultimodalDataset dataset =
        new MultimodalDataset(
            "wired", List.of("a", "b"), List.of("zero", "one"), List.of(sample(0, false), sample(1, false)),
            test, "fp");
    return PreparedData.prepare(
        dataset,
        List.of(
            new ModalityBinding("a", VECTOR, new VectorTestModality.Config(1)),
            new ModalityBinding("b", VECTOR, new VectorTestModality.Config(1))));
  }

  private static SharcsNetwork wiredNetwork(NDManager manager) {
    return wiredNetwork(manager, true);
  }

  /**
   * The hand-wired network; without a shared space (multi-CBM) f reads slot a's local concept
   * sigmoid(x), so its threshold lies between sigmoid(0) = 0.5 and sigmoid(1) = 0.731.
   */
  static SharcsNetwork wiredNetwork(NDManager manager, boolean sharedSpace) {
    List<Block> encoders = List.of(Linear.builder().setUnits(1).build(), Linear.builder().setUnits(1).build());
    SharcsNetwork net = new SharcsNetwork(encoders, new int[] {1, 1}, 1, 1.0, 1, 1, 2, sharedSpace);
    net.initialize(manager, List.of(new Shape[] {new Shape(2, 1)}, new Shape[] {new Shape(2, 1)}));
    // F(0) = sigmoid(sigmoid(0)) = 0.6225, F(1) = sigmoid(sigmoid(1)) = 0.6750
    float threshold = sharedSpace ? 0.65f : 0.6f;
    Set<String> seen = new java.util.HashSet<>();
    for (Pair<String, Parameter> p : net.getParameters()) {
      String name = p.getKey();
      Parameter param = p.getValue();
      if (!param.requiresGradient()) {
        continue; // batch-norm running statistics stay at mean 0, variance 1
      }
      float[] values;
      if (name.contains("predictor") && name.contains("01Linear")) {
        // hidden = relu(s_a - threshold)
        values = name.endsWith("weight") ? new float[] {1f, 0f} : new float[] {-threshold};
      } else if (name.contains("predictor")) {
        // logits = (0.001, 1000 * hidden)
        values = name.endsWith("weight") ? new float[] {0f, 1000f} : new float[] {1e-3f, 0f};
      } else {
        // encoders and projections: identity
        values = name.endsWith("weight") ? new float[] {1f} : new float[] {0f};
      }
      assertThat(param.getArray().size()).as(name).isEqualTo(values.length);
      param.getArray().set(values);
      seen.add(name);
    }
    // 2 encoders, 2 x 2 projection layers (SHARCS only), 2 f layers
    assertThat(seen).hasSize(2 * (2 + (sharedSpace ? 2 * 2 : 0) + 2));
    return net;
  }

  static List<ConceptBank> banks(Inference inference) {
    List<Object> zeroOne = List.of(new float[] {0f}, new float[] {1f});
    return List.of(
        new ConceptBank(inference.sharedConcepts(0, zeroOne)),
        new ConceptBank(inference.sharedConcepts(1, zeroOne)));
  }

  @Test
  void theWiredNetworkBehavesAsDesigned() {
    PreparedData data = data(4, r -> true);
    try (NDManager manager = NDManager.newBaseManager()) {
      Inference inference = new Inference(wiredNetwork(manager), data, manager);
      float[][] a = inference.sharedConcepts(0, List.of(new float[] {0f}, new float[] {1f}));
      float[][] b = inference.sharedConcepts(1, List.of(new float[] {0f}, new float[] {1f}));
      double f0 = 1 / (1 + Math.exp(-0.5 / Math.sqrt(1 + 1e-5)));
      assertThat((double) a[0][0]).isCloseTo(f0, within(1e-4));
      assertThat(b[0]).containsExactly(a[0]);
      assertThat(b[1]).containsExactly(a[1]);
      assertThat(a[1][0]).isGreaterThan(0.65f);
      assertThat(a[0][0]).isLessThan(0.65f);
      // full inputs: the predictor reads slot a, whose own input equals the label
      assertThat(inference.accuracy(data.test(), new int[] {0, 1, 2, 3}, false, 4)).isEqualTo(1.0);
      assertThat(inference.predict(List.of(new float[][] {a[1], a[0]}, new float[][] {b[0], b[1]})))
          .containsExactly(1, 0);
    }
  }

  @Test
  void queriesWithTheCounterpartRenderingAndFillsOtherSlotsWithOwnConcepts() {
    PreparedData data = data(6, r -> true);
    try (NDManager manager = NDManager.newBaseManager()) {
      Inference inference = new Inference(wiredNetwork(manager), data, manager);
      Map<String, Double> acc =
          byModality(
              new MissingModalityEvaluator(inference, data).evaluate(banks(inference), data.test()));
      assertThat(acc.keySet()).containsExactly("a", "b");
      // the counterpart query retrieves F(label) for slot a: always right
      assertThat(acc.get("a")).isEqualTo(1.0);
      // with b missing, slot a holds the sample's own concepts, which decide the class
      assertThat(acc.get("b")).isEqualTo(1.0);
    }
  }

  @Test
  void withoutCounterpartsFallsBackToTheAvailableModalitysOwnConcept() {
    PreparedData data = data(6, r -> false);
    try (NDManager manager = NDManager.newBaseManager()) {
      Inference inference = new Inference(wiredNetwork(manager), data, manager);
      Map<String, Double> acc =
          byModality(
              new MissingModalityEvaluator(inference, data).evaluate(banks(inference), data.test()));
      // the fallback query is b's own F(1 - label): it retrieves the wrong a every time
      assertThat(acc.get("a")).isEqualTo(0.0);
      assertThat(acc.get("b")).isEqualTo(1.0);
    }
  }

  @Test
  void mixesCounterpartAndFallbackQueriesRowByRow() {
    // rows 0, 1, 4, 5 have a counterpart; rows 2, 3, 6, 7 do not
    PreparedData data = data(8, r -> r % 4 < 2);
    try (NDManager manager = NDManager.newBaseManager()) {
      Inference inference = new Inference(wiredNetwork(manager), data, manager);
      Map<String, Double> acc =
          byModality(
              new MissingModalityEvaluator(inference, data).evaluate(banks(inference), data.test()));
      assertThat(acc.get("a")).isEqualTo(0.5);
    }
  }

  @Test
  void aTrainedModelWithoutCounterpartsStillEvaluates(@TempDir Path dir) {
    MultimodalDataset withCounterparts = TwoViewXorData.generate(120, 80, 11);
    MultimodalDataset data =
        new MultimodalDataset(
            withCounterparts.name(),
            withCounterparts.modalities(),
            withCounterparts.classNames(),
            strip(withCounterparts.train()),
            strip(withCounterparts.test()),
            withCounterparts.fingerprint());
    RunResult result =
        Pipelines.run(
            data,
            List.of(
                new ModalityBinding("a", VECTOR, new VectorTestModality.Config(8)),
                new ModalityBinding("b", VECTOR, new VectorTestModality.Config(8))),
            new RunSettings(
                3, Mode.SHARCS, Protocol.CLEAN, new ModelConfig(4, 5, 4, 8),
                new TrainingConfig(2, 16, 5e-3, 0.1, 0.1, false)),
            r -> {},
            dir.resolve("model"));
    assertThat(result.metrics().get("missing_modality_accuracy.a")).isBetween(0.0, 1.0);
    assertThat(result.metrics().get("missing_modality_accuracy.b")).isBetween(0.0, 1.0);
    assertThat(result.metrics().get("accuracy.test")).isBetween(0.0, 1.0);
  }

  private static List<MultimodalSample> strip(List<MultimodalSample> samples) {
    return samples.stream()
        .map(s -> new MultimodalSample(s.id(), s.label(), s.inputs(), s.contentKeys(), null))
        .toList();
  }
}
