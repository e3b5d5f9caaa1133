package io.sharcs.core.config;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sharcs.api.InvalidConfigException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ConfigParsingTest {

  /** The InvalidConfigException thrown by {@code call}, or null; any other exception fails. */
  private static InvalidConfigException invalid(ThrowingCallable call) {
    return catchThrowableOfType(InvalidConfigException.class, call);
  }

  @Test
  void modeParsesCaseInsensitivelyWithDashOrUnderscore() {
    assertThat(Mode.parse("SHARCS")).isEqualTo(Mode.SHARCS);
    assertThat(Mode.parse("sharcs")).isEqualTo(Mode.SHARCS);
    assertThat(Mode.parse(" Sharcs ")).isEqualTo(Mode.SHARCS);
    assertThat(Mode.parse("multi_CBM")).isEqualTo(Mode.MULTI_CBM);
    assertThat(Mode.parse("Multi-Cbm")).isEqualTo(Mode.MULTI_CBM);
    assertThat(Mode.parse("multi-cbm")).isEqualTo(Mode.MULTI_CBM);
    assertThat(Mode.parse("anchors")).isEqualTo(Mode.ANCHORS);
    assertThat(Mode.parse("ANCHORS")).isEqualTo(Mode.ANCHORS);
    assertThat(Mode.parse(" Unimodal")).isEqualTo(Mode.UNIMODAL);
    assertThat(Mode.parse("CONCAT")).isEqualTo(Mode.CONCAT);
    assertThat(Mode.ANCHORS.id()).isEqualTo("anchors");
    assertThat(Mode.UNIMODAL.toString()).isEqualTo("unimodal");
    assertThat(Mode.CONCAT.id()).isEqualTo("concat");
    assertThat(Mode.SHARCS.conceptBased()).isTrue();
    assertThat(Mode.MULTI_CBM.conceptBased()).isTrue();
    assertThat(Mode.ANCHORS.conceptBased()).isFalse();
    assertThat(Mode.UNIMODAL.conceptBased()).isFalse();
    assertThat(Mode.CONCAT.conceptBased()).isFalse();
    assertThat(Mode.SHARCS.id()).isEqualTo("sharcs");
    assertThat(Mode.MULTI_CBM.toString()).isEqualTo("multi-cbm");
    for (Mode m : Mode.values()) {
      assertThat(Mode.parse(m.id())).isEqualTo(m);
    }
  }

  @Test
  void unknownModeListsTheValidOnes() {
    InvalidConfigException e = invalid(() -> Mode.parse("anchor"));
    assertThat(e).isNotNull();
    assertThat(e.field()).isEqualTo("mode");
    assertThat(e.getMessage())
        .contains("'anchor'")
        .endsWith("expected one of sharcs, multi-cbm, anchors, unimodal, concat");
    assertThat(invalid(() -> Mode.parse("uni-modal"))).isNotNull();
    assertThat(invalid(() -> Mode.parse(null))).isNotNull();
    assertThat(invalid(() -> Mode.parse(""))).isNotNull();
    assertThat(invalid(() -> Mode.parse("multicbm"))).isNotNull();
  }

  @Test
  void protocolParsesCaseInsensitively() {
    assertThat(Protocol.parse("clean")).isEqualTo(Protocol.CLEAN);
    assertThat(Protocol.parse("CLEAN")).isEqualTo(Protocol.CLEAN);
    assertThat(Protocol.parse("Reference")).isEqualTo(Protocol.REFERENCE);
    assertThat(Protocol.REFERENCE.id()).isEqualTo("reference");
    InvalidConfigException e = invalid(() -> Protocol.parse("paper"));
    assertThat(e).isNotNull();
    assertThat(e.field()).isEqualTo("protocol");
    assertThat(e.getMessage()).contains("'paper'").contains("clean").contains("reference");
    assertThat(invalid(() -> Protocol.parse(null))).isNotNull();
  }

  @Test
  void modelConfigNamesTheOffendingFieldInSnakeCase() {
    assertThat(new ModelConfig(1, 0.1, 1, 1).concepts()).isEqualTo(1);
    assertThat(invalid(() -> new ModelConfig(0, 5, 7, 10)).field()).isEqualTo("concepts");
    assertThat(invalid(() -> new ModelConfig(-3, 5, 7, 10)).getMessage()).contains("-3");
    assertThat(invalid(() -> new ModelConfig(7, 0, 7, 10)).field()).isEqualTo("steepness");
    assertThat(invalid(() -> new ModelConfig(7, Double.NaN, 7, 10)).field()).isEqualTo("steepness");
    assertThat(invalid(() -> new ModelConfig(7, 5, 0, 10)).field()).isEqualTo("projection_hidden");
    assertThat(invalid(() -> new ModelConfig(7, 5, 7, -1)).field()).isEqualTo("predictor_hidden");
    // the anchors baseline's options: a share in (0, 1] and a positive epoch count
    assertThat(new ModelConfig(7, 5, 7, 10, 1.0, 1).anchorFraction()).isEqualTo(1.0);
    InvalidConfigException zero = invalid(() -> new ModelConfig(7, 5, 7, 10, 0, 100));
    assertThat(zero.field()).isEqualTo("anchor_fraction");
    assertThat(zero.getMessage()).contains("got 0.0").contains("(0, 1]");
    assertThat(invalid(() -> new ModelConfig(7, 5, 7, 10, 1.5, 100)).field())
        .isEqualTo("anchor_fraction");
    assertThat(invalid(() -> new ModelConfig(7, 5, 7, 10, Double.NaN, 100)).field())
        .isEqualTo("anchor_fraction");
    assertThat(invalid(() -> new ModelConfig(7, 5, 7, 10, 0.1, 0)).field())
        .isEqualTo("anchor_predictor_epochs");
    assertThat(invalid(() -> new ModelConfig(7, 5, 7, 10, 0.1, 100, -1)).field())
        .isEqualTo("anchor_encoder_epochs");
    // 0: the reference's updates, 150 epochs of two steps
    assertThat(ModelConfig.DEFAULTS.unimodalEpochsForAnchors(150, 1)).isEqualTo(300);
    assertThat(ModelConfig.DEFAULTS.unimodalEpochsForAnchors(150, 2)).isEqualTo(150);
    assertThat(new ModelConfig(7, 5, 7, 10, 0.1, 100, 40).unimodalEpochsForAnchors(150, 1))
        .isEqualTo(40);
  }

  @Test
  void trainingConfigNamesTheOffendingFieldInSnakeCase() {
    // boundaries that are valid
    new TrainingConfig(1, 2, 1e-6, 0, 0, false);
    new TrainingConfig(1, 2, 1e-6, 0, 1, true);

    InvalidConfigException epochs = invalid(() -> new TrainingConfig(0, 64, 1e-3, 0.1, 0.1, false));
    assertThat(epochs.field()).isEqualTo("epochs");
    assertThat(epochs.getMessage()).contains("got 0");
    assertThat(invalid(() -> new TrainingConfig(5, 0, 1e-3, 0.1, 0.1, false)).field())
        .isEqualTo("batch_size");
    // A batch of one sample is skipped (batch normalisation needs two): it would train on nothing.
    InvalidConfigException one = invalid(() -> new TrainingConfig(5, 1, 1e-3, 0.1, 0.1, false));
    assertThat(one.field()).isEqualTo("batch_size");
    assertThat(one.problem())
        .isEqualTo("got 1, expected an integer >= 2 (batch normalisation needs two samples per"
            + " batch)");
    assertThat(invalid(() -> new TrainingConfig(5, 64, 0, 0.1, 0.1, false)).field())
        .isEqualTo("learning_rate");
    InvalidConfigException lambda = invalid(() -> new TrainingConfig(5, 64, 1e-3, -0.1, 0.1, false));
    assertThat(lambda.field()).isEqualTo("lambda");
    assertThat(lambda.getMessage()).contains("-0.1");
    assertThat(invalid(() -> new TrainingConfig(5, 64, 1e-3, Double.NaN, 0.1, false)).field())
        .isEqualTo("lambda");
    InvalidConfigException p = invalid(() -> new TrainingConfig(5, 64, 1e-3, 0.1, 1.5, false));
    assertThat(p.field()).isEqualTo("pair_probability");
    assertThat(p.getMessage()).contains("1.5");
    assertThat(invalid(() -> new TrainingConfig(5, 64, 1e-3, 0.1, -0.01, false)).field())
        .isEqualTo("pair_probability");
    assertThat(new TrainingConfig(5, 64, 1e-3, 0.1, 0.1, false).gradientClip()).isZero();
    assertThat(new TrainingConfig(5, 64, 1e-3, 0.1, 0.1, false, List.of(), 5, null).gradientClip())
        .isEqualTo(5.0);
    InvalidConfigException clip =
        invalid(() -> new TrainingConfig(5, 64, 1e-3, 0.1, 0.1, false, List.of(), -1, null));
    assertThat(clip.field()).isEqualTo("gradient_clip");
    assertThat(clip.getMessage()).contains("-1.0");
    assertThat(invalid(
            () -> new TrainingConfig(5, 64, 1e-3, 0.1, 0.1, false, List.of(), Double.NaN, null))
        .field()).isEqualTo("gradient_clip");
  }

  @Test
  void defaultsAreTheReferenceXorValues() {
    // method spec 2.2 and 2.5: k = 7, sigma(5x), h: 7 -> 7 -> 7, f: 14 -> 10 -> 2; 150 epochs,
    // batch 64, lr 1e-3, lambda 0.1, pair probability 0.1, no class weights
    assertThat(ModelConfig.DEFAULTS).isEqualTo(new ModelConfig(7, 5.0, 7, 10));
    // method spec 4: anchors are 10% of train, the relative predictor trains 100 epochs (XOR)
    assertThat(ModelConfig.DEFAULTS).isEqualTo(new ModelConfig(7, 5.0, 7, 10, 0.1, 100));
    assertThat(TrainingConfig.DEFAULTS)
        .isEqualTo(new TrainingConfig(150, 64, 1e-3, 0.1, 0.1, false));
  }

  @Test
  void invalidConfigIsAnIllegalArgumentException() {
    assertThatThrownBy(() -> new ModelConfig(0, 5, 7, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("concepts: ");
  }

  @Test
  void learningRatesFlattenNestedKeysAndRejectTwiceGivenOrBadPaths() {
    Map<String, Object> tree = new java.util.LinkedHashMap<>();
    tree.put("encoders.graph.conv", 0.01);
    tree.put("predictor", 2e-3);
    tree.put("local_heads", Map.of("image", 0.005));
    assertThat(LearningRates.fromTree(tree).rates())
        .containsExactly(
            Map.entry("encoders.graph.conv", 0.01), Map.entry("local_heads.image", 0.005),
            Map.entry("predictor", 2e-3));
    tree.put("encoders", Map.of("graph", Map.of("conv", 0.02)));
    assertThat(invalid(() -> LearningRates.fromTree(tree)).problem())
        .isEqualTo("got 'encoders.graph.conv' twice (flat and nested), expected each path once");
    assertThat(invalid(() -> new LearningRates(Map.of("encoders..graph", 0.1))).problem())
        .isEqualTo("got key 'encoders..graph', expected names separated by single dots");
    assertThat(invalid(() -> new LearningRates(Map.of("heads", 0.1))).field())
        .isEqualTo("learning_rates");
    assertThat(invalid(() -> new LearningRates(Map.of("encoders", Double.NaN)))).isNotNull();
    assertThat(invalid(() -> new LearningRates(Map.of("encoders", -1e-3)))).isNotNull();
    assertThat(invalid(() -> new LearningRates(Map.of("encoders", Double.POSITIVE_INFINITY))))
        .isNotNull();
    assertThat(invalid(() -> LearningRates.fromTree(Map.of("encoders", true))).problem())
        .isEqualTo("got 'true' for 'encoders', expected a learning rate > 0");
    // The predictor has no modality; every other part's second name must be one.
    new LearningRates(Map.of("predictor.Linear", 0.1)).requireModalities(List.of("a", "b"));
    assertThat(
            invalid(() -> new LearningRates(Map.of("projections.c", 0.1))
                .requireModalities(List.of("a", "b")))
                .field())
        .isEqualTo("training.learning_rates");
  }

  @Test
  void aPhaseLossIsTaskByDefaultAndEachTermCountsOnce() {
    TrainingPhase plain = new TrainingPhase(3, null, null);
    assertThat(plain.loss()).containsExactly(PhaseLoss.TASK);
    assertThat(plain.trainedParts())
        .containsExactlyInAnyOrder(
            NetworkPart.ENCODERS, NetworkPart.PROJECTIONS, NetworkPart.PREDICTOR);
    assertThat(PhaseLoss.parse(" Local ")).isEqualTo(PhaseLoss.LOCAL);
    assertThat(invalid(() -> new TrainingPhase(3, null, null,
            List.of(PhaseLoss.LOCAL, PhaseLoss.LOCAL))).problem())
        .isEqualTo("got [local, local], expected each term once");
    assertThat(invalid(() -> new TrainingPhase(3, null, null, List.of())).field())
        .isEqualTo("loss");
    TrainingConfig mnist =
        new TrainingConfig(
            30, 64, 1e-3, 0.1, 0.1, true,
            List.of(
                new TrainingPhase(17, true, null, List.of(PhaseLoss.LOCAL)),
                new TrainingPhase(
                    13, true, List.of(NetworkPart.PROJECTIONS, NetworkPart.PREDICTOR))),
            0, null);
    assertThat(mnist.firstLocalPhase()).isZero();
    assertThat(mnist.phaseOf(17).usesLocalLoss()).isTrue();
    assertThat(mnist.phaseOf(18).usesLocalLoss()).isFalse();
    assertThat(TrainingConfig.DEFAULTS.usesLocalLoss()).isFalse();
  }
}
