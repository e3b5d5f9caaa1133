package io.sharcs.core.pipeline;

import io.sharcs.core.fixtures.TwoVectorModalities;
import io.sharcs.core.fixtures.TwoViewXorData;
import io.sharcs.core.fixtures.VectorTestModality;

import io.sharcs.core.config.Mode;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.data.ModalityBinding;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.PretrainingContext;
import io.sharcs.core.config.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The core's side of {@link io.sharcs.api.EncoderPretraining}: when it is called, and with what. */
class EncoderPretrainingTest {

  /** The test vector modality, recording every pretraining call. */
  private static final class Recording extends VectorTestModality {
    final List<Block> encoders = new ArrayList<>();
    final List<PretrainingContext<float[]>> contexts = new ArrayList<>();
    final List<Boolean> initialised = new ArrayList<>();

    @Override
    public void setup(ModalitySetup<float[], VectorTestModality.Config> setup) {
      super.setup(setup);
      setup.pretraining(this::pretrain);
    }

    private void pretrain(
        Block encoder, VectorTestModality.Config config, PretrainingContext<float[]> context) {
      encoders.add(encoder);
      contexts.add(context);
      initialised.add(encoder.isInitialized());
      // Zero every weight: a pretraining's result must be what supervised training starts from
      // (see theEncoderThatTrainsIsThePretrainedOne).
      for (Parameter p : encoder.getParameters().values()) {
        p.getArray().muli(0);
      }
    }
  }

  private static RunSettings settings(Mode mode, int epochs) {
    return new RunSettings(
        11, mode, Protocol.CLEAN, new ModelConfig(6, 5, 6, 10),
        new TrainingConfig(epochs, 32, 5e-3, 0.1, 0.1, false));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyModePretrainsEachInitialisedEncoderOnceOnItsTrainingInputs(
      Mode mode, @TempDir Path dir) {
    MultimodalDataset data = TwoViewXorData.generate(100, 80, 3);
    Recording plugin = new Recording();
    List<ModalityBinding> bindings = List.of(
        new ModalityBinding("a", ModalityDefinition.of(plugin), new VectorTestModality.Config(8)),
        new ModalityBinding("b", ModalityDefinition.of(plugin), new VectorTestModality.Config(8)));

    RunResult result = Pipelines.run(data, bindings, settings(mode, 2), r -> {}, dir);

    assertThat(plugin.contexts).hasSize(2);
    assertThat(result.metrics().get("timing.pretrain_seconds")).isNotNegative()
        .isLessThan(result.metrics().get("timing.total_seconds"));
    assertThat(plugin.initialised).containsOnly(true);
    assertThat(plugin.encoders).doesNotHaveDuplicates();
    for (int c = 0; c < plugin.contexts.size(); c++) {
      String modality = c % 2 == 0 ? "a" : "b";
      PretrainingContext<float[]> context = plugin.contexts.get(c);
      List<MultimodalSample> train = data.train();
      assertThat(context.train()).hasSize(train.size());
      for (int i = 0; i < train.size(); i++) {
        assertThat(context.train().get(i)).isSameAs(train.get(i).inputs().get(modality));
      }
      assertThat(context.preprocessor()).isEqualTo(new VectorTestModality.Width(5));
      assertThat(context.modality()).isEqualTo(modality);
      assertThat(context.seed()).isEqualTo(Seeds.derive(11, "pretrain:" + modality));
    }
  }

  @Test
  void theEncoderThatTrainsIsThePretrainedOne(@TempDir Path dir) {
    MultimodalDataset data = TwoViewXorData.generate(600, 480, 3);
    Recording plugin = new Recording();
    List<ModalityBinding> bindings = List.of(
        new ModalityBinding("a", ModalityDefinition.of(plugin), new VectorTestModality.Config(16)),
        new ModalityBinding("b", ModalityDefinition.of(plugin), new VectorTestModality.Config(16)));
    List<ModalityBinding> plain = List.of(
        new ModalityBinding("a", TwoVectorModalities.VECTOR, new VectorTestModality.Config(16)),
        new ModalityBinding("b", TwoVectorModalities.VECTOR, new VectorTestModality.Config(16)));

    RunResult zeroed =
        Pipelines.run(data, bindings, settings(Mode.SHARCS, 40), r -> {}, dir.resolve("z"));
    RunResult fresh =
        Pipelines.run(data, plain, settings(Mode.SHARCS, 40), r -> {}, dir.resolve("f"));

    // All-zero encoders give every sample the same local concepts, and ReLU's zero gradient at
    // zero keeps their weights there: the model predicts one class for every sample.
    long ones = data.test().stream().filter(s -> s.label() == 1).count();
    double share = ones / (double) data.test().size();
    assertThat(zeroed.metrics().get("accuracy.test")).isIn(share, 1 - share);
    assertThat(fresh.metrics().get("accuracy.test")).isGreaterThan(Math.max(share, 1 - share));
  }
}
