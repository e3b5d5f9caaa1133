package io.sharcs.runner.sweep;

import static io.sharcs.runner.sweep.SweepFixtures.TINY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sharcs.runner.Fixtures;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ExperimentLoader;
import io.sharcs.runner.config.ResolvedConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad sweep is one stderr line naming the file, {@code sweep.<key>}, what was found and what is
 * expected; exit code 2; nothing runs and no folder changes. Every grid point is checked first.
 */
class SweepBadInputTest {

  private static final String P = "sharcs: exp.yaml: ";

  @TempDir Path work;

  @BeforeEach
  void earlierRun() {
    // A complete run of another sweep: must survive every rejected sweep unchanged.
    Fixtures.write(work.resolve("runs/tiny/sharcs/seed-7"), "metrics.json", "{}\n");
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("no sweep block", "", List.of(),
            P + "sweep: got nothing, expected a mapping from config keys to lists of values"
                + " (e.g. sweep: {seed: [0, 4, 13], training.lambda: [0.1, 1]})"),
        arguments("sweep not a mapping", "sweep: [0, 4]", List.of(),
            P + "sweep: got a list [0, 4], expected a mapping from config keys to lists of"
                + " values (e.g. sweep: {seed: [0, 4, 13], training.lambda: [0.1, 1]})"),
        arguments("unknown key", "sweep: {training.lamda: [0.1, 1]}", List.of(),
            P + "sweep.training.lamda: unknown key, expected one of batch_size, class_weights,"
                + " epochs, gradient_clip, lambda, learning_rate, learning_rates,"
                + " pair_probability, phases,"
                + " separation"),
        arguments("unknown top-level key", "sweep: {trainng.lambda: [0.1]}", List.of(),
            P + "sweep.trainng.lambda: trainng: unknown key, expected one of dataset,"
                + " modalities, mode, model, name, protocol, report, runtime, seed, training"),
        arguments("empty list", "sweep: {seed: []}", List.of(),
            P + "sweep.seed: got an empty list, expected at least one value"),
        arguments("not a list", "sweep: {seed: 3}", List.of(),
            P + "sweep.seed: got 3, expected a list of values, e.g. [0, 4, 13]"),
        arguments("nested instead of dotted", "sweep: {training: {lambda: [1]}}", List.of(),
            P + "sweep.training: got a mapping, expected a list of values (write nested keys"
                + " with dots, e.g. training.lambda: [0.1, 1])"),
        arguments("repeated value", "sweep: {seed: [0, 4, 0]}", List.of(),
            P + "sweep.seed: got 0 twice, expected distinct values"),
        arguments("bad value, not the first", "sweep: {seed: [0], training.lambda: [0.1, -1]}",
            List.of(), P + "sweep.training.lambda: got -1.0, expected a number >= 0"),
        arguments("bad mode", "sweep: {mode: [sharcs, shark]}", List.of(),
            P + "sweep.mode: got 'shark', expected one of sharcs, multi-cbm, anchors, unimodal, concat"),
        arguments("value of the wrong type", "sweep: {training.epochs: [3, ten]}", List.of(),
            P + "sweep.training.epochs: got 'ten', expected an integer"),
        arguments("list index out of range", "sweep: {modalities.2.encoder.hidden: [[5]]}",
            List.of(),
            P + "sweep.modalities.2.encoder.hidden: modalities[2]: no such list element (--set"
                + " modalities.2.encoder.hidden=[5]), expected an index in 0..1"),
        arguments("the name", "sweep: {name: [a, b]}", List.of(),
            P + "sweep.name: the experiment name names the sweep folder and cannot be swept,"
                + " expected another key"),
        arguments("a value that breaks another key", "sweep: {dataset.size: [200, 50]}",
            List.of(),
            P + "sweep.dataset.size: value 50: dataset.train_size: got 100, expected an integer"
                + " in [2, 49] (size - 1)"),
        arguments("a grid point that is invalid as a whole",
            "sweep: {dataset.size: [120, 101], dataset.train_size: [100, 110]}", List.of(),
            P + "sweep: the grid point dataset.size=101, dataset.train_size=110 is not a valid"
                + " experiment: dataset.train_size: got 110, expected an integer in [2, 100]"
                + " (size - 1)"),
        arguments("a batch size that trains on nothing", "sweep: {training.batch_size: [64, 1]}",
            List.of(),
            P + "sweep.training.batch_size: got 1, expected an integer >= 2 (batch normalisation"
                + " needs two samples per batch)"),
        arguments("a training split of one sample", "sweep: {dataset.train_size: [100, 1]}",
            List.of(),
            P + "sweep.dataset.train_size: got 1, expected an integer >= 2 (batch normalisation"
                + " needs two training samples)"),
        arguments("a value too long for a folder name",
            "sweep: {modalities.1.encoder.hidden: [[30], [" + "30, ".repeat(99) + "30]]}",
            List.of(),
            P + "sweep.modalities.1.encoder.hidden: got a value whose run folder name"
                + " 'hidden-30_30_30_30_30_30_30_30_30_30_30_... (306 characters)'"
                + " is 306 bytes long, expected at most 255 (the longest file name a file system"
                + " takes); sweep shorter values, or set this one with --set in a sweep of its own"),
        arguments("two values, one folder", "sweep: {mode: [sharcs, SHARCS]}", List.of(),
            P + "sweep: the grid points mode=sharcs and mode=SHARCS share the run folder"
                + " sharcs/seed-0, expected distinct folders"),
        arguments("two values, one experiment", "sweep: {training.lambda: [1, 1.0]}", List.of(),
            P + "sweep: the grid points training.lambda=1 and training.lambda=1.0 are the same"
                + " experiment, expected distinct configs"),
        arguments("a swept key also set", "sweep: {training.lambda: [1]}",
            List.of("--set", "training={lambda: 2}"),
            P + "sweep.training.lambda: is also set by --set training={lambda: 2}, expected each"
                + " key either swept or set"),
        arguments("a bad --set", "sweep: {seed: [1]}", List.of("--set", "training.epochs=0"),
            P + "training.epochs: got 0, expected an integer >= 1"),
        arguments("no jobs", "sweep: {seed: [1]}", List.of("--jobs", "0"),
            "sharcs: --jobs: got 0, expected an integer >= 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badSweepsExitTwoWithOneLineBeforeAnyRun(
      String label, String sweep, List<String> extra, String expected) {
    Fixtures.write(work, "exp.yaml", TINY + sweep + "\n");
    Map<String, String> before = Fixtures.snapshot(work);
    List<String> args = new ArrayList<>(List.of("sweep", "exp.yaml"));
    args.addAll(extra);

    Fixtures.CliResult r =
        Fixtures.cli(SweepFixtures.env(work), args.toArray(String[]::new));

    assertThat(r.errLines()).containsExactly(expected);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(Fixtures.snapshot(work)).isEqualTo(before);
  }

  @Test
  void aFolderHoldingTheResultOfAnotherConfigIsAnErrorNotOverwritten() {
    Fixtures.write(work, "exp.yaml", TINY + "sweep: {seed: [0, 7]}\n");
    Path other = work.resolve("runs/tiny/sharcs/seed-0");
    Experiment earlier = new ExperimentLoader(io.sharcs.runner.Fixtures.registry(SweepFixtures.env(work).plugins().get()))
        .load(work.resolve("exp.yaml"), "exp.yaml", ConfigOverrides.none());
    Fixtures.write(other, "config.resolved.yaml",
        ResolvedConfig.toYaml(earlier).replace("epochs: 3", "epochs: 150"));
    Fixtures.write(other, "metrics.json", "{\"accuracy.test\": 0.5}\n");
    Map<String, String> before = Fixtures.snapshot(work);

    Fixtures.CliResult r = Fixtures.cli(SweepFixtures.env(work), "sweep", "exp.yaml");

    assertThat(r.errLines()).containsExactly("sharcs: runs/tiny/sharcs/seed-0: holds a complete"
        + " run of a different config (training.epochs: 150 there, 3 in this sweep) and 1 more"
        + " such folder, expected a result of this sweep or none; move or delete them, or sweep"
        + " into another folder with --out DIR");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(Fixtures.snapshot(work)).isEqualTo(before);
  }

  @Test
  void theFirstDifferenceOfTwoConfigsIsNamed() {
    assertThat(ConfigDiff.first(SweepFixtures.yaml("{a: 1, training: {epochs: 150, lambda: 1}}"),
        SweepFixtures.yaml("{a: 1, training: {epochs: 3, lambda: 1}}")))
        .isEqualTo("training.epochs: 150 there, 3 in this sweep");
    assertThat(ConfigDiff.first(SweepFixtures.yaml("{m: [{h: [30]}, {h: [5]}]}"),
        SweepFixtures.yaml("{m: [{h: [30]}, {h: [6]}]}")))
        .isEqualTo("m[1].h[0]: 5 there, 6 in this sweep");
    assertThat(ConfigDiff.first(SweepFixtures.yaml("{m: [{h: [30]}]}"),
        SweepFixtures.yaml("{m: [{h: [20, 20]}]}")))
        .isEqualTo("m[0].h: a list [30] there, a list [20, 20] in this sweep");
    assertThat(ConfigDiff.first(SweepFixtures.yaml("{a: 1}"), SweepFixtures.yaml("{a: 1}")))
        .isNull();
  }
}
