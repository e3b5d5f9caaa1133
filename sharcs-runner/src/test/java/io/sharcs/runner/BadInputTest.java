package io.sharcs.runner;

import static io.sharcs.runner.Fixtures.EXPERIMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.runner.run.TrainingPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input exits 2 with exactly one stderr line naming the file, the field and what is
 * expected, and leaves an existing run folder byte-for-byte unchanged.
 */
class BadInputTest {

  private static final String FILE = "examples/exp.yaml";
  private static final String P = "sharcs: " + FILE + ": ";

  @TempDir Path work;
  private Path runs;

  @BeforeEach
  void previousRun() {
    runs = work.resolve("runs");
    Fixtures.previousRun(runs.resolve("xor-and-xor/sharcs/seed-0"));
    Fixtures.previousRun(runs.resolve("xor-and-xor/multi-cbm/seed-0"));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        file("malformed YAML", edit("  train_size: 32", "  train_size: [32"),
            "^" + Pattern.quote(P) + "line \\d+, column \\d+: .+, expected valid YAML$"),
        file("mapping value in a scalar", edit("mode: sharcs", "mode: sharcs: x"),
            Pattern.quote(P + "line 3, column 13: mapping values are not allowed here, expected valid YAML")),
        file("duplicate key", edit("seed: 0", "seed: 0\nseed: 1"),
            "^" + Pattern.quote(P) + "line 3, column \\d+: Duplicate field 'seed'.*, expected valid YAML$"),
        file("unknown top-level key", EXPERIMENT + "trainng: {epochs: 3}\n",
            exact(P + "trainng: unknown key, expected one of dataset, modalities, mode, model,"
                + " name, protocol, runtime, seed, training")),
        file("unknown nested key", edit("training: {epochs: 150", "training: {epoch: 150"),
            exact(P + "training.epoch: unknown key, expected one of batch_size, class_weights,"
                + " epochs, gradient_clip, lambda, learning_rate, pair_probability, phases,"
                + " separation")),
        file("unknown encoder key", edit("{layers: 5", "{layer: 5"),
            exact(P + "modalities[0].encoder.layer: unknown key, expected one of hidden, layers,"
                + " negative_slope, temperature")),
        file("unknown data set key", edit("size: 40", "sise: 40"),
            exact(P + "dataset.sise: unknown key, expected one of edge_noise, size, train_size,"
                + " type")),
        file("unknown modality plugin", edit("plugin: tabular", "plugin: tabulr"),
            exact(P + "modalities[1].plugin: got 'tabulr', expected one of graph, tabular")),
        file("unknown data set type", edit("type: xor-and-xor", "type: xor"),
            exact(P + "dataset.type: got 'xor', expected one of xor-and-xor")),
        file("unknown mode", edit("mode: sharcs", "mode: shark"),
            exact(P + "mode: got 'shark', expected one of sharcs, multi-cbm, anchors,"
                + " unimodal, concat")),
        args("unknown --mode", List.of("--mode", "shark"),
            exact(P + "mode: got 'shark', expected one of sharcs, multi-cbm, anchors,"
                + " unimodal, concat")),
        file("unknown protocol", edit("protocol: clean", "protocol: dirty"),
            exact(P + "protocol: got 'dirty', expected clean or reference")),
        file("zero concepts", edit("concepts: 7", "concepts: 0"),
            exact(P + "model.concepts: got 0, expected an integer > 0")),
        file("negative concepts", edit("concepts: 7", "concepts: -3"),
            exact(P + "model.concepts: got -3, expected an integer > 0")),
        file("zero epochs", edit("epochs: 150", "epochs: 0"),
            exact(P + "training.epochs: got 0, expected an integer >= 1")),
        args("zero epochs by --set", List.of("--set", "training.epochs=0"),
            exact(P + "training.epochs: got 0, expected an integer >= 1")),
        file("epochs not a number", edit("epochs: 150", "epochs: ten"),
            exact(P + "training.epochs: got 'ten', expected an integer")),
        file("fractional epochs", edit("epochs: 150", "epochs: 1.5"),
            exact(P + "training.epochs: got 1.5, expected an integer")),
        file("number for a boolean", edit("class_weights: false", "class_weights: 1"),
            exact(P + "training.class_weights: got 1, expected true or false")),
        file("integer out of range", edit("threads: 1", "threads: 99999999999"),
            exact(P + "runtime.threads: got 99999999999, expected an integer from -2147483648"
                + " to 2147483647")),
        file("empty data set", edit("""
            dataset:
              type: xor-and-xor
              size: 40
              train_size: 32
            """, "dataset:\n"),
            exact(P + "dataset: got nothing, expected a mapping with 'type' and the data set's"
                + " options")),
        file("negative lambda", edit("lambda: 0.1", "lambda: -0.5"),
            exact(P + "training.lambda: got -0.5, expected a number >= 0")),
        args("negative gradient clip", List.of("--set", "training.gradient_clip=-1"),
            exact(P + "training.gradient_clip: got -1.0, expected a number >= 0")),
        args("zero separation margin", List.of("--set", "training.separation.margin=0"),
            exact(P + "training.separation.margin: got 0.0, expected a number > 0")),
        args("negative separation weight", List.of("--set", "training.separation.weight=-1"),
            exact(P + "training.separation.weight: got -1.0, expected a number >= 0")),
        args("unknown separation key", List.of("--set", "training.separation.width=1"),
            exact(P + "training.separation.width: unknown key, expected one of margin, weight")),
        file("zero threads", edit("threads: 1", "threads: 0"),
            exact(P + "runtime.threads: got 0, expected an integer >= 1")),
        file("model not a mapping", edit(
                "model: {concepts: 7, steepness: 5, projection_hidden: 7, predictor_hidden: 10}",
                "model: 7"),
            exact(P + "model: got 7, expected a mapping")),
        file("bad data set option", edit("train_size: 32", "train_size: 40"),
            exact(P + "dataset.train_size: got 40, expected an integer in [1, 39] (size - 1)")),
        file("bad encoder option", edit("hidden: [30]", "hidden: [0]"),
            exact(P + "modalities[1].encoder.hidden: got 0, expected an integer > 0")),
        file("encoder not a mapping", edit("encoder: {hidden: [30]}", "encoder: [30]"),
            exact(P + "modalities[1].encoder: got a list [30], expected a mapping")),
        file("modality names differ from the data set's", edit("name: table", "name: tabel"),
            exact(P + "modalities: got names [graph, tabel], expected the modality names of"
                + " data set 'xor-and-xor': [graph, table]")),
        file("one modality", edit("""
              - name: table
                plugin: tabular
                encoder: {hidden: [30]}
            """, ""),
            exact(P + "modalities: got 1 modality, expected at least 2")),
        file("duplicate modality names", edit("name: table", "name: graph"),
            exact(P + "modalities[1].name: got 'graph' a second time, expected distinct"
                + " modality names")),
        file("missing plugin key", edit("    plugin: tabular\n", ""),
            exact(P + "modalities[1].plugin: got nothing, expected a modality plugin id")),
        file("no data set", edit("""
            dataset:
              type: xor-and-xor
              size: 40
              train_size: 32
            """, ""),
            exact(P + "dataset: got nothing, expected a mapping with 'type' and the data set's"
                + " options")),
        file("top level is a list", "- 1\n- 2\n",
            exact(P + "got a list [1, 2] at the top, expected a mapping")),
        file("empty file", "",
            exact(P + "got an empty file, expected a mapping with dataset and modalities")),
        args("--set into a missing list index", List.of("--set", "modalities.5.encoder.hidden=[20]"),
            exact(P + "modalities[5]: no such list element (--set modalities.5.encoder.hidden=[20]),"
                + " expected an index in 0..1")),
        args("--set with a key into a list", List.of("--set", "modalities.table.name=x"),
            exact(P + "modalities: got key 'table' from --set modalities.table.name=x, expected a"
                + " list index 0..1")),
        args("--set through a scalar", List.of("--set", "seed.x=1"),
            exact(P + "seed: got 0, expected a mapping or a list to apply --set seed.x=1")),
        args("--set without a value", List.of("--set", "training"),
            exact(P + "got '--set training', expected --set key=value")),
        args("--set with an unknown key", List.of("--set", "training.epoch=3"),
            exact(P + "training.epoch: unknown key, expected one of batch_size, class_weights,"
                + " epochs, gradient_clip, lambda, learning_rate, pair_probability, phases,"
                + " separation")),
        args("--seed not a number", List.of("--seed", "abc"),
            exact("sharcs: Invalid value for option '--seed': 'abc' is not a long"
                + " (see 'sharcs run --help')")),
        args("unknown option", List.of("--epochs", "3"),
            exact("sharcs: Unknown options: '--epochs', '3' (see 'sharcs run --help')")),

        // Issue 18, items 2 and 5 (harden-b): explicit YAML tags and oversized files.
        file("YAML tag naming a Java class", edit("mode: sharcs", "mode: !!java.lang.Runtime sharcs"),
            exact(P + "mode: found the YAML tag !!java.lang.Runtime, expected a plain value"
                + " (tags are not supported)")),
        file("YAML core tag on a number", edit("seed: 0", "seed: !!int 0"),
            exact(P + "seed: found the YAML tag !!int, expected a plain value"
                + " (tags are not supported)")),
        file("local YAML tag on a nested value", edit("epochs: 150", "epochs: !n 150"),
            exact(P + "training.epochs: found the YAML tag !n, expected a plain value"
                + " (tags are not supported)")),
        file("non-specific YAML tag", edit("protocol: clean", "protocol: ! clean"),
            exact(P + "protocol: found the YAML tag !, expected a plain value"
                + " (tags are not supported)")),
        file("YAML tag on a mapping", edit("model: {concepts", "model: !!map {concepts"),
            exact(P + "model: found the YAML tag !!map, expected a plain value"
                + " (tags are not supported)")),
        file("YAML tag on a list element", edit("hidden: [30]", "hidden: [!!float 30]"),
            exact(P + "modalities[1].encoder.hidden[0]: found the YAML tag !!float, expected a"
                + " plain value (tags are not supported)")),
        file("YAML tag on a key", edit("seed: 0", "!!str seed: 0"),
            exact(P + "seed: found the YAML tag !!str, expected a plain value"
                + " (tags are not supported)")),
        file("verbatim YAML tag on the document", "--- !<tag:example.com,2026:x>\n" + EXPERIMENT,
            exact(P + "found the YAML tag !<tag:example.com,2026:x>, expected a plain value"
                + " (tags are not supported)")),
        args("YAML tag in --set", List.of("--set", "mode=!!java.lang.Runtime sharcs"),
            exact(P + "mode: found the YAML tag !!java.lang.Runtime, expected a plain value"
                + " (tags are not supported) (from --set mode=!!java.lang.Runtime sharcs)")),
        args("YAML tag inside a --set list", List.of("--set", "training.phases=[{epochs: !!int 3}]"),
            exact(P + "training.phases[0].epochs: found the YAML tag !!int, expected a plain"
                + " value (tags are not supported) (from --set training.phases=[{epochs: !!int"
                + " 3}])")),
        file("YAML file above 3 MiB", EXPERIMENT + "# " + "x".repeat(3 * 1024 * 1024) + "\n",
            exact(P + "got a file of 3,146,251 bytes (3.0 MiB), expected an experiment file of"
                + " at most 3 MiB (3,145,728 bytes)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputExitsTwoWithOneLineAndLeavesRunFoldersAlone(
      String label, String content, List<String> extra, String expectedLine) {
    Fixtures.write(work.resolve("examples"), "exp.yaml", content);
    Map<String, String> before = Fixtures.snapshot(runs);
    List<String> args = new ArrayList<>(List.of("run", FILE));
    args.addAll(extra);

    Fixtures.CliResult r =
        Fixtures.cli(Fixtures.env(work, Fixtures.neverCalled()), args.toArray(String[]::new));

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).matches(expectedLine);
    assertThat(r.out()).isEmpty();
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void missingFile() {
    Map<String, String> before = Fixtures.snapshot(runs);
    Fixtures.CliResult r = Fixtures.cli(
        Fixtures.env(work, Fixtures.neverCalled()), "run", "nope.yaml", "--seed", "3");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("sharcs: nope.yaml: file not found");
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void malformedJson() {
    Fixtures.write(work, "exp.json", "{\"seed\": 1,\n \"mode\": }\n");
    Fixtures.CliResult r =
        Fixtures.cli(Fixtures.env(work, Fixtures.neverCalled()), "run", "exp.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .matches("sharcs: exp\\.json: line 2, column \\d+: Unexpected character .*,"
            + " expected valid JSON");
  }

  @Test
  void jsonFileAboveTheCapIsRefusedBeforeParsing() throws Exception {
    // A 50 MB JSON file once died of OutOfMemoryError after 19 s; it is refused by its size.
    Path file = work.resolve("big.json");
    try (var w = java.nio.file.Files.newBufferedWriter(file)) {
      w.write("{\"seed\": 0, \"pad\": [");
      String chunk = "1, ".repeat(1024);
      for (int i = 0; i < 6 * 1024; i++) {
        w.write(chunk);
      }
      w.write("1]}\n");
    }
    long size = java.nio.file.Files.size(file);
    Map<String, String> before = Fixtures.snapshot(runs);
    long start = System.nanoTime();
    Fixtures.CliResult r =
        Fixtures.cli(Fixtures.env(work, Fixtures.neverCalled()), "run", "big.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(String.format(java.util.Locale.ROOT,
        "sharcs: big.json: got a file of %,d bytes (%.1f MiB), expected an experiment file of"
            + " at most 3 MiB (3,145,728 bytes)", size, size / 1048576.0));
    assertThat(System.nanoTime() - start).as("refused before parsing").isLessThan(5_000_000_000L);
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void outOfMemoryNamesTheHeapAndTheSettingAndLeavesTheRunFolderAlone() {
    Fixtures.write(work.resolve("examples"), "exp.yaml", EXPERIMENT);
    Map<String, String> before = Fixtures.snapshot(runs);
    TrainingPipeline hungry = (dataset, bindings, settings, progress, modelDir) -> {
      throw new OutOfMemoryError("Java heap space");
    };
    Fixtures.CliResult r = Fixtures.cli(Fixtures.env(work, hungry), "run", FILE);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .matches("sharcs: out of memory \\(Java heap, max [0-9.]+ [MG]B\\): set"
            + " SHARCS_JAVA_OPTS=-Xmx[0-9]+g or reduce the data set, the batch size, the image"
            + " size or the model")
        .doesNotContain("internal error");
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void outOfMemoryInAWorkerThreadIsReportedAsOutOfMemory() {
    Fixtures.write(work.resolve("examples"), "exp.yaml", EXPERIMENT);
    Map<String, String> before = Fixtures.snapshot(runs);
    TrainingPipeline hungry = (dataset, bindings, settings, progress, modelDir) -> {
      throw new java.util.concurrent.CompletionException(
          new OutOfMemoryError("Java heap space"));
    };
    Fixtures.CliResult r = Fixtures.cli(Fixtures.env(work, hungry), "run", FILE);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("sharcs: out of memory (Java heap, max ");
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void dataProblemsFoundByThePipelineExitTwoAndLeaveTheRunFolderAlone() {
    Fixtures.write(work.resolve("examples"), "exp.yaml", EXPERIMENT);
    Map<String, String> before = Fixtures.snapshot(runs);
    TrainingPipeline rejecting = (dataset, bindings, settings, progress, modelDir) -> {
      throw new InvalidInputException(
          "data set 'xor-and-xor' sample xor-3: modality graph got a TabularSample, expected a"
              + " GraphSample");
    };
    Fixtures.CliResult r = Fixtures.cli(Fixtures.env(work, rejecting), "run", FILE);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "sharcs: data set 'xor-and-xor' sample xor-3: modality graph got a TabularSample,"
            + " expected a GraphSample");
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void configProblemsFoundByTheCoreNameTheFileAndField() {
    Fixtures.write(work.resolve("examples"), "exp.yaml", EXPERIMENT);
    Map<String, String> before = Fixtures.snapshot(runs);
    TrainingPipeline rejecting = (dataset, bindings, settings, progress, modelDir) -> {
      throw new InvalidConfigException("layers", "got 5, expected at most 4 for 3-node graphs");
    };
    Fixtures.CliResult r = Fixtures.cli(Fixtures.env(work, rejecting), "run", FILE);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        P + "layers: got 5, expected at most 4 for 3-node graphs");
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void anOutFolderThatIsAFileIsRejectedBeforeTraining() {
    Fixtures.write(work.resolve("examples"), "exp.yaml", EXPERIMENT);
    Fixtures.write(work, "taken", "a file");
    Fixtures.CliResult r = Fixtures.cli(
        Fixtures.env(work, Fixtures.neverCalled()), "run", FILE, "--out", "taken");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "sharcs: taken: is a file, expected a run folder (a directory)");
    assertThat(work.resolve("taken")).hasContent("a file");
  }

  @Test
  void unexpectedFailuresExitOneWithOneLineAndLeaveTheRunFolderAlone() {
    Fixtures.write(work.resolve("examples"), "exp.yaml", EXPERIMENT);
    Map<String, String> before = Fixtures.snapshot(runs);
    TrainingPipeline crashing = (dataset, bindings, settings, progress, modelDir) -> {
      throw new IllegalStateException("boom");
    };
    Fixtures.CliResult r = Fixtures.cli(Fixtures.env(work, crashing), "run", FILE);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly(
        "sharcs: internal error: java.lang.IllegalStateException: boom"
            + " (run with --verbose for the stack trace)");
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void verbosePrintsTheStackTraceAfterTheLine() {
    Fixtures.write(work.resolve("examples"), "exp.yaml", EXPERIMENT.replace("epochs: 150", "epochs: 0"));
    Fixtures.CliResult r = Fixtures.cli(
        Fixtures.env(work, Fixtures.neverCalled()), "run", FILE, "--verbose");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines().get(0))
        .isEqualTo(P + "training.epochs: got 0, expected an integer >= 1");
    assertThat(r.errLines()).hasSizeGreaterThan(3);
    assertThat(r.err()).contains("at io.sharcs.");
  }

  private static String exact(String line) {
    return Pattern.quote(line);
  }

  private static String edit(String from, String to) {
    if (!EXPERIMENT.contains(from)) {
      throw new IllegalArgumentException("fixture does not contain: " + from);
    }
    return EXPERIMENT.replace(from, to);
  }

  private static Arguments file(String label, String content, String expected) {
    return arguments(label, content, List.of(), expected);
  }

  private static Arguments args(String label, List<String> extra, String expected) {
    return arguments(label, EXPERIMENT, extra, expected);
  }
}
