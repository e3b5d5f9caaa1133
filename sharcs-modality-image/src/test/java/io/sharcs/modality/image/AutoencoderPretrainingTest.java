package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.EncoderPretraining;
import io.sharcs.api.FittedModality;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.PretrainingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoencoderPretrainingTest {

  /** The image plugin's pretraining capability, as the core calls it. */
  private static final EncoderPretraining<ImageSample, ImageEncoderConfig> PRETRAINING =
      TestImages.DEFINITION.pretraining().orElseThrow();

  /** 18x12 scenes: a grey background and one coloured square at a random place. */
  private static List<ImageSample> scenes(int n) {
    Random random = new Random(5);
    List<ImageSample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[][][] rgb = new int[12][18][];
      int x0 = random.nextInt(14);
      int y0 = random.nextInt(8);
      int[] colour = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
      for (int y = 0; y < 12; y++) {
        for (int x = 0; x < 18; x++) {
          boolean inside = x >= x0 && x < x0 + 4 && y >= y0 && y < y0 + 4;
          rgb[y][x] = inside ? colour : new int[] {90 + y * 3, 90 + y * 3, 90 + y * 3};
        }
      }
      out.add(ImageSample.ofImage(TestImages.rgb(rgb), "scene" + i));
    }
    return out;
  }

  /** 18 wide is no multiple of 4, so the reconstruction covers the left 16 columns only. */
  private static ImageEncoderConfig config(int epochs) {
    return config(epochs, false);
  }

  private static ImageEncoderConfig config(int epochs, boolean freeze) {
    return new ImageEncoderConfig(18, 12, 3, List.of(), List.of(), List.of(4, 8), 3, "max", true,
        0, "max", List.of(), 0, false, null, freeze,
        new AutoencoderPretrainingConfig(epochs, 0.01, 8));
  }

  /** An initialised encoder, the engine seeded first, so every call starts from the same one. */
  private static ImageConceptEncoder fresh(
      FittedModality<ImageSample, ImageEncoderConfig> fitted, NDManager manager) {
    Engine.getInstance().setRandomSeed(3);
    ImageConceptEncoder encoder =
        (ImageConceptEncoder) fitted.conceptEncoder(EncoderContext.of(5));
    encoder.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 12, 18));
    return encoder;
  }

  private record Pretrained(ImageConceptEncoder encoder, double[] losses) {}

  private Pretrained pretrain(ImageEncoderConfig config, NDManager manager, long seed) {
    List<ImageSample> train = new ArrayList<>(scenes(24));
    train.addAll(train.subList(0, 6)); // repeated images are visited once per epoch
    FittedModality<ImageSample, ImageEncoderConfig> fitted = TestImages.fitted(config, train);
    Preprocessor<ImageSample> pre = fitted.preprocessor();
    ImageConceptEncoder encoder = fresh(fitted, manager);
    double[] losses = AutoencoderPretraining.run(encoder, config.pretrain(),
        new PretrainingContext<>("image", train, pre, manager, seed));
    return new Pretrained(encoder, losses);
  }

  private static List<float[]> values(List<Parameter> parameters) {
    return parameters.stream().map(p -> p.getArray().toFloatArray()).toList();
  }

  @Test
  void lowersTheReconstructionErrorAndTrainsOnlyTheConvolutions() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Pretrained none = pretrain(config(0), manager, 1);
      Pretrained trained = pretrain(config(15), manager, 1);

      assertThat(trained.losses()).hasSize(15);
      assertThat(trained.losses()[14]).isLessThan(trained.losses()[0] * 0.7);
      List<Parameter> convNone = none.encoder().convParameters();
      List<Parameter> convTrained = trained.encoder().convParameters();
      int changed = 0;
      for (int i = 0; i < convNone.size(); i++) {
        if (convNone.get(i).requiresGradient()) {
          assertThat(convTrained.get(i).getArray().toFloatArray())
              .isNotEqualTo(convNone.get(i).getArray().toFloatArray());
          changed++;
          // Zeroed, so the supervised training's first backward pass starts clean.
          assertThat(convTrained.get(i).getArray().getGradient().abs().sum().getFloat())
              .isZero();
        }
      }
      // Per block: the convolution's weight and bias, the batch norm's gamma and beta.
      assertThat(changed).isEqualTo(8);
      // The MLP head is not part of the autoencoder: it keeps its initialisation.
      List<Parameter> all = List.copyOf(trained.encoder().getParameters().values());
      List<Parameter> allNone = List.copyOf(none.encoder().getParameters().values());
      for (int i = 0; i < all.size(); i++) {
        if (!convTrained.contains(all.get(i))) {
          assertThat(all.get(i).getArray().toFloatArray())
              .containsExactly(allNone.get(i).getArray().toFloatArray());
        }
      }
    }
  }

  @Test
  void sameSeedsGiveTheSameEncoderAndAnotherOrderSeedAnotherOne() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Pretrained a = pretrain(config(3), manager, 7);
      Pretrained b = pretrain(config(3), manager, 7);
      Pretrained c = pretrain(config(3), manager, 8);

      assertThat(b.losses()).containsExactly(a.losses());
      List<float[]> va = values(a.encoder().convParameters());
      List<float[]> vb = values(b.encoder().convParameters());
      for (int i = 0; i < va.size(); i++) {
        assertThat(vb.get(i)).containsExactly(va.get(i));
      }
      assertThat(c.losses()).isNotEqualTo(a.losses());
    }
  }

  @Test
  void zeroEpochsLeaveTheEncoderAndTheRandomStreamAlone() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ImageEncoderConfig config = config(0);
      List<ImageSample> train = scenes(4);
      FittedModality<ImageSample, ImageEncoderConfig> fitted = TestImages.fitted(config, train);
      Preprocessor<ImageSample> pre = fitted.preprocessor();
      ImageConceptEncoder encoder = fresh(fitted, manager);
      List<float[]> before = values(List.copyOf(encoder.getParameters().values()));

      PRETRAINING.pretrain(
          encoder, config, new PretrainingContext<>("image", train, pre, manager, 1));
      float next = manager.randomUniform(0f, 1f, new Shape(1)).getFloat();

      List<float[]> after = values(List.copyOf(encoder.getParameters().values()));
      for (int i = 0; i < before.size(); i++) {
        assertThat(after.get(i)).containsExactly(before.get(i));
      }
      Engine.getInstance().setRandomSeed(3);
      encoder.twin().initialize(manager, DataType.FLOAT32, new Shape(2, 3, 12, 18));
      assertThat(manager.randomUniform(0f, 1f, new Shape(1)).getFloat()).isEqualTo(next);
    }
  }

  @Test
  void aFrozenBackboneIsPretrainedFirstThenKeptAsItIs() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ImageEncoderConfig config = config(2, true);
      List<ImageSample> train = scenes(24);
      FittedModality<ImageSample, ImageEncoderConfig> fitted = TestImages.fitted(config, train);
      Preprocessor<ImageSample> pre = fitted.preprocessor();
      ImageConceptEncoder encoder = fresh(fitted, manager);
      List<float[]> initial = values(encoder.convParameters());

      PRETRAINING.pretrain(
          encoder, config, new PretrainingContext<>("image", train, pre, manager, 1));

      List<float[]> pretrained = values(encoder.convParameters());
      assertThat(pretrained.get(0)).isNotEqualTo(initial.get(0));
      assertThat(encoder.convParameters()).noneMatch(Parameter::requiresGradient);
      assertThat(encoder.getParameters().values())
          .filteredOn(p -> !encoder.convParameters().contains(p))
          .isNotEmpty()
          .allMatch(Parameter::requiresGradient);
      // A training-mode forward pass leaves the frozen blocks' batch-norm statistics alone.
      try (NDManager batch = manager.newSubManager()) {
        encoder.forward(new ParameterStore(batch, false), pre.batch(train.subList(0, 8), batch),
            true);
      }
      List<float[]> after = values(encoder.convParameters());
      for (int i = 0; i < after.size(); i++) {
        assertThat(after.get(i)).containsExactly(pretrained.get(i));
      }
    }
  }
}
