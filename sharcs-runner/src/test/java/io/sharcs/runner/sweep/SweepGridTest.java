package io.sharcs.runner.sweep;

import static io.sharcs.runner.sweep.SweepFixtures.key;
import static io.sharcs.runner.sweep.SweepFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.runner.config.InputError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep block's key order, the grid's order and the run-folder names. */
class SweepGridTest {

  @Test
  void modeAndSeedComeLastWhateverTheFileOrder() {
    List<SweepKey> keys = SweepBlock.parse(
        yaml("{seed: [0, 4], mode: [sharcs, multi-cbm], training.lambda: [0, 0.1]}"), "f.yaml");
    assertThat(keys).extracting(SweepKey::key).containsExactly("training.lambda", "mode", "seed");
    assertThat(keys.get(0).values()).containsExactly(yaml("0"), yaml("0.1"));
  }

  @Test
  void theGridIsTheProductWithTheLastKeyFastest() {
    SweepGrid grid = SweepGrid.expand(
        List.of(key("training.lambda", "0", "0.1"), key("mode", "sharcs", "multi-cbm"),
            key("seed", "0", "4", "13")), "f.yaml");
    assertThat(grid.points()).hasSize(12);
    assertThat(grid.points()).extracting(GridPoint::describe).startsWith(
        "training.lambda=0, mode=sharcs, seed=0",
        "training.lambda=0, mode=sharcs, seed=4",
        "training.lambda=0, mode=sharcs, seed=13",
        "training.lambda=0, mode=multi-cbm, seed=0");
    assertThat(grid.points().get(11).describe())
        .isEqualTo("training.lambda=0.1, mode=multi-cbm, seed=13");
    assertThat(grid.points().get(4).sets())
        .containsExactly("training.lambda=0", "mode=\"multi-cbm\"", "seed=4");
    assertThat(grid.points().get(4).group()).containsExactly(yaml("0"), yaml("multi-cbm"));
  }

  @Test
  void foldersEndInTheRunLayoutWithALabelPerOtherKey() {
    SweepGrid modeSeed = SweepGrid.expand(
        List.of(key("mode", "sharcs", "MULTI_CBM"), key("seed", "0", "13")), "f.yaml");
    // The resolved mode and seed name the leaf folders, as `sharcs run` does.
    assertThat(modeSeed.folder(modeSeed.points().get(3), "multi-cbm", 13))
        .isEqualTo("multi-cbm/seed-13");

    SweepGrid lambda = SweepGrid.expand(
        List.of(key("training.lambda", "0.1"), key("seed", "0")), "f.yaml");
    assertThat(lambda.folder(lambda.points().get(0), "sharcs", 0))
        .isEqualTo("lambda-0.1/sharcs/seed-0");

    SweepGrid nested = SweepGrid.expand(List.of(
        key("modalities.1.encoder.hidden", "[20, 20]"), key("dataset.edge_noise", "1.0e-3")),
        "f.yaml");
    assertThat(nested.folder(nested.points().get(0), "sharcs", 5))
        .isEqualTo("hidden-20_20/edge_noise-0.001/sharcs/seed-5");
  }

  @Test
  void twoKeysWithTheSameLastNameAreLabelledByTheirWholePath() {
    SweepGrid grid = SweepGrid.expand(List.of(
        key("modalities.0.encoder.hidden", "30"), key("modalities.1.encoder.hidden", "[5]")),
        "f.yaml");
    assertThat(grid.folder(grid.points().get(0), "sharcs", 0)).isEqualTo(
        "modalities.0.encoder.hidden-30/modalities.1.encoder.hidden-5/sharcs/seed-0");
  }

  @Test
  void valuesBecomeSafeFolderNames() {
    assertThat(SweepGrid.valueName(yaml("a b/c"))).isEqualTo("a_b_c");
    assertThat(SweepGrid.valueName(yaml("{hidden: [5]}"))).isEqualTo("hidden_5");
    assertThat(SweepGrid.valueName(yaml("'..'"))).isEqualTo("..");
    assertThat(SweepGrid.valueName(yaml("'/'"))).isEqualTo("_");
  }

  @Test
  void aHugeGridIsRejected() {
    String[] values = new String[101];
    for (int i = 0; i < values.length; i++) {
      values[i] = Integer.toString(i);
    }
    assertThatThrownBy(() -> SweepGrid.expand(
        List.of(key("seed", values), key("training.epochs", values)), "f.yaml"))
        .isInstanceOf(InputError.class)
        .hasMessage("f.yaml: sweep: got a grid of more than 10000 runs, expected fewer (split"
            + " the sweep into several files)");
  }

  @Test
  void sweptValuesReachTheRunsUnchanged() {
    // Each value goes to a run as --set key=<JSON>; YAML must read it back as the same value.
    for (String v : List.of("0", "-3", "0.1", "1.0e-4", "1e3", "true", "sharcs", "'007'",
        "'a: b'", "[20, 20]", "{hidden: [5]}", "null")) {
      SweepKey k = key("x", v);
      String set = k.set(k.values().get(0));
      assertThat(yaml(set.substring(2))).as(v).isEqualTo(k.values().get(0));
    }
  }
}
