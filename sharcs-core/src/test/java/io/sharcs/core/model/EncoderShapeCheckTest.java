package io.sharcs.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.Preprocessing;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.data.EncoderRole;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.fixtures.TwoVectorModalities;
import io.sharcs.core.fixtures.TwoViewXorData;
import io.sharcs.core.fixtures.VectorTestModality;
import io.sharcs.core.pipeline.Pipelines;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderShapeCheckTest {

  /** A vector plugin whose encoder outputs ten times the width asked for. */
  static final class TenTimesTooWide extends VectorTestModality {
    @Override
    public String id() {
      return "too-wide";
    }

    @Override
    public void setup(ModalitySetup<float[], Config> setup) {
      setup.samples(float[].class, (node, where) -> new float[0]);
      setup.options(Config.class, new Config(16));
      setup.encoder(
          Preprocessing.stateless(Width.class, (d, o) -> new Width(d.all().get(0).length)),
          (options, width, context) -> new SequentialBlock()
              .add(Linear.builder().setUnits(options.hidden()).build())
              .add(BatchNorm.builder().build())
              .add(Activation::relu)
              .add(Linear.builder().setUnits(context.outputs() * 10L).build()));
    }
  }

  private static RunSettings settings() {
    return new RunSettings(
        3, Mode.SHARCS, Protocol.CLEAN, new ModelConfig(4, 5, 4, 6),
        new TrainingConfig(2, 32, 5e-3, 0.1, 0.1, false));
  }

  @Test
  void aWrongEncoderWidthIsOneLineNamingPluginModalityAndBothShapes(@TempDir Path dir) {
    List<ModalityBinding> bindings = List.of(
        TwoVectorModalities.bindings().get(0),
        new ModalityBinding("b", ModalityDefinition.of(new TenTimesTooWide()),
            new VectorTestModality.Config(8)));
    assertThatThrownBy(() -> Pipelines.run(
            TwoViewXorData.generate(60, 48, 3), bindings, settings(), r -> {}, dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("modality 'b' (plugin 'too-wide' dev): the concept encoder returned shape"
            + " (2, 40) on a batch of 2 training samples (input (2, 5)), expected one array of"
            + " shape (2, 4) = (batch, local concepts k)");
  }

  @Test
  void aFailingForwardPassIsNamedToo() {
    PreparedData data = PreparedData.prepare(
        TwoViewXorData.generate(20, 16, 3), TwoVectorModalities.bindings());
    try (NDManager manager = NDManager.newBaseManager()) {
      // An empty batch list, which the plugin's encoder cannot read: its failure is named.
      assertThatThrownBy(() -> EncoderShapeCheck.check(
              data.slots().get(0), EncoderRole.CONCEPTS, 4, 2, new ai.djl.ndarray.NDList(),
              manager))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("modality 'a' (plugin 'vector' dev): the concept encoder failed"
              + " on a batch of 2 training samples (input [])");
    }
  }

  @Test
  void theCheckDrawsNothingFromTheEnginesRandomGenerator() {
    PreparedData data = PreparedData.prepare(
        TwoViewXorData.generate(20, 16, 3), TwoVectorModalities.bindings());
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(17);
      float[] without = manager.randomUniform(0, 1, new Shape(8)).toFloatArray();
      Engine.getInstance().setRandomSeed(17);
      // LocalEncoders.create checks every slot's encoder, then the next draw must be the same.
      LocalEncoders.create(data, 4, true, EncoderRole.CONCEPTS, manager);
      float[] with = manager.randomUniform(0, 1, new Shape(8)).toFloatArray();
      assertThat(with).containsExactly(without);
    }
  }
}
