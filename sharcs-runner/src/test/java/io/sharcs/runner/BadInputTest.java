package io.sharcs.runner;

import static io.sharcs.runner.Fixtures.EXPERIMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.core.eval.Accuracies;
import io.sharcs.core.pipeline.ModelResults;
import io.sharcs.core.pipeline.RunReport;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.core.pipeline.Timings;
import io.sharcs.core.train.EpochReport;
import io.sharcs.core.train.TrainingDivergedException;
import io.sharcs.runner.run.TrainingPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
                + " name, protocol, report, runtime, seed, training")),
        file("unknown nested key", edit("training: {epochs: 150", "training: {epoch: 150"),
            exact(P + "training.epoch: unknown key, expected one of batch_size, class_weights,"
                + " epochs, gradient_clip, lambda, learning_rate, learning_rates,"
                + " pair_probability, phases, separation")),
        file("unknown encoder key", edit("{layers: 5", "{layer: 5"),
            exact(P + "modalities[0].encoder.layer: unknown key, expected one of hidden, layers,"
                + " negative_slope, temperature")),
        file("unknown data set key", edit("size: 40", "sise: 40"),
            exact(P + "dataset.sise: unknown key, expected one of edge_noise, size, train_size,"
                + " type")),
        file("unknown modality plugin", edit("plugin: tabular", "plugin: tabulr"),
            exact(P + "modalities[1].plugin: got 'tabulr', expected one of graph, tabular"
                + " (plugins are looked for in: built-in; add jars with --plugin-path DIR or"
                + " SHARCS_PLUGIN_PATH)")),
        file("unknown data set type", edit("type: xor-and-xor", "type: xor"),
            exact(P + "dataset.type: got 'xor', expected one of xor-and-xor"
                + " (data set providers are looked for in: built-in; add jars with"
                + " --plugin-path DIR or SHARCS_PLUGIN_PATH)")),
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
            exact(P + "runtime.threads: got 99999999999, expected an integer >= 1 or auto")),
        file("threads a word", edit("threads: 1", "threads: many"),
            exact(P + "runtime.threads: got 'many', expected an integer >= 1 or auto")),
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
            exact(P + "runtime.threads: got 0, expected an integer >= 1 or auto")),
        file("model not a mapping", edit(
                "model: {concepts: 7, steepness: 5, projection_hidden: 7, predictor_hidden: 10}",
                "model: 7"),
            exact(P + "model: got 7, expected a mapping")),
        file("bad data set option", edit("train_size: 32", "train_size: 40"),
            exact(P + "dataset.train_size: got 40, expected an integer in [2, 39] (size - 1)")),
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
                + " epochs, gradient_clip, lambda, learning_rate, learning_rates,"
                + " pair_probability, phases, separation")),
        // Configurations that cannot train (issue 18, item 1): rejected before any run folder.
        file("batch size 1", edit("batch_size: 64", "batch_size: 1"),
            exact(P + "training.batch_size: got 1, expected an integer >= 2 (batch normalisation"
                + " needs two samples per batch)")),
        args("batch size 1 by --set", List.of("--set", "training.batch_size=1"),
            exact(P + "training.batch_size: got 1, expected an integer >= 2 (batch normalisation"
                + " needs two samples per batch)")),
        file("a training split of one sample", edit("train_size: 32", "train_size: 1"),
            exact(P + "dataset.train_size: got 1, expected an integer >= 2 (batch normalisation"
                + " needs two training samples)")),
        file("a data set too small for two splits", edit("size: 40", "size: 2"),
            exact(P + "dataset.size: got 2, expected an integer >= 3 (two training samples and"
                + " one test sample)")),
        args("a test split of one sample with protocol reference",
            List.of("--set", "protocol=reference", "--set", "dataset.train_size=39"),
            exact(P + "dataset: the test split has 1 sample, expected at least 2 with protocol"
                + " reference in mode sharcs (it measures the test accuracy in training mode,"
                + " where batch normalisation needs two samples per batch)")),
        // Messages that named the wrong thing (issue 18, item 7).
        file("misspelled data set key next to a value it leaves at its default",
            edit("  size: 40\n  train_size: 32", "  size: 100\n  train_split: 0.8"),
            exact(P + "dataset.train_split: unknown key, expected one of edge_noise, size,"
                + " train_size, type")),
        file("misspelled training key next to a bad value",
            edit("epochs: 150, batch_size: 64", "epochs: 0, batchsize: 64"),
            exact(P + "training.batchsize: unknown key, expected one of batch_size, class_weights,"
                + " epochs, gradient_clip, lambda, learning_rate, learning_rates,"
                + " pair_probability, phases, separation")),
        file("YAML .nan", edit("lambda: 0.1", "lambda: .nan"),
            exact(P + "training.lambda: got NaN, expected a finite number")),
        file("YAML .inf", edit("learning_rate: 0.001", "learning_rate: .inf"),
            exact(P + "training.learning_rate: got infinity, expected a finite number")),
        file("YAML -.inf in a list", edit("hidden: [30]", "hidden: [30, -.Inf]"),
            exact(P + "modalities[1].encoder.hidden[1]: got -infinity, expected a finite number")),
        args("YAML .nan by --set", List.of("--set", "training.lambda=.NaN"),
            exact(P + "training.lambda: got NaN from --set training.lambda=.NaN, expected a"
                + " finite number")),
        args("zero epochs in a phase", List.of("--set", "training.phases=[{epochs: 0}]"),
            exact(P + "training.phases[0].epochs: got 0, expected an integer >= 1")),
        args("unknown part in a phase",
            List.of("--set", "training.phases=[{epochs: 150, trainable: [encoder]}]"),
            exact(P + "training.phases[0].trainable[0]: got 'encoder', expected one of encoders,"
                + " projections, predictor, local_heads")),
        args("no parts in a phase",
            List.of("--set", "training.phases=[{epochs: 150, trainable: []}]"),
            exact(P + "training.phases[0].trainable: got nothing, expected a list of parts to"
                + " train: encoders, projections, predictor, local_heads")),
        // Local supervision and per-part learning rates (issue 17).
        args("unknown loss of a phase",
            List.of("--set", "training.phases=[{epochs: 150, loss: locl}]"),
            // A single term binds as a list of one, hence the index.
            exact(P + "training.phases[0].loss[0]: got 'locl', expected one of task, local (or a"
                + " list of them)")),
        args("a local phase that trains nothing its loss reaches",
            List.of("--set",
                "training.phases=[{epochs: 150, loss: local, trainable: [projections, predictor]}]"),
            exact(P + "training.phases[0].trainable: got [projections, predictor], but loss"
                + " [local] reaches only encoders, local_heads, expected at least one of those")),
        args("a local phase on a data set without local labels",
            List.of("--set", "training.phases=[{epochs: 100, loss: local}, {epochs: 50}]"),
            exact(P + "training.phases[0].loss: got local, but data set 'xor-and-xor' has no"
                + " local labels (a label of each modality's own content), expected task, or a"
                + " data set with local labels")),
        args("a learning rate for an unknown part",
            List.of("--set", "training.learning_rates.encoder=0.01"),
            exact(P + "training.learning_rates: got key 'encoder', expected a path that starts"
                + " with a network part: encoders, projections, predictor, local_heads")),
        args("a learning rate for an unknown modality",
            List.of("--set", "training.learning_rates.encoders.grph.conv=0.01"),
            exact(P + "training.learning_rates: got key 'encoders.grph.conv', whose modality"
                + " 'grph' is not one of the experiment's modalities [graph, table], expected"
                + " encoders.<modality>[.<block>...]")),
        file("a learning rate of zero",
            edit("class_weights: false", "class_weights: false, learning_rates: {encoders: 0}"),
            exact(P + "training.learning_rates: got 0.0 for 'encoders', expected a learning rate"
                + " > 0 (to freeze a part, leave it out of a phase's trainable)")),
        file("a learning rate that is not a number",
            edit("class_weights: false",
                "class_weights: false, learning_rates: {encoders: {graph: fast}}"),
            exact(P + "training.learning_rates: got 'fast' for 'encoders.graph', expected a"
                + " learning rate > 0")),
        file("two YAML documents", EXPERIMENT + "---\n" + EXPERIMENT,
            exact(P + "found a second YAML document at line 20, expected one")),
        file("binary garbage", "seed: 1\n\u00ff\u00fe\u0000\u0001garbage",
            "^" + Pattern.quote(P) + "not a text file \\(control character 0x00\\),"
                + " expected YAML or JSON$"),
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
  void bytesThatAreNoUtf8AreNotATextFile() throws Exception {
    Files.createDirectories(work.resolve("examples"));
    Files.write(work.resolve(FILE), new byte[] {'s', 'e', 'e', 'd', ':', ' ', (byte) 0x93, 0x11});
    Fixtures.write(work, "exp.json", "");
    Files.write(work.resolve("exp.json"), new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
    Map<String, String> before = Fixtures.snapshot(runs);

    Fixtures.CliResult yaml =
        Fixtures.cli(Fixtures.env(work, Fixtures.neverCalled()), "run", FILE);
    Fixtures.CliResult json =
        Fixtures.cli(Fixtures.env(work, Fixtures.neverCalled()), "run", "exp.json");

    assertThat(yaml.code()).isEqualTo(2);
    assertThat(yaml.errLines()).containsExactly(
        P + "not a text file (invalid UTF-8 start byte 0x93), expected YAML or JSON");
    assertThat(json.code()).isEqualTo(2);
    assertThat(json.errLines()).containsExactly(
        "sharcs: exp.json: not a text file (invalid UTF-8 start byte 0xff), expected YAML or JSON");
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void moreJsonAfterTheObjectIsOneLine() {
    Fixtures.write(work, "exp.json", "{\"seed\": 1}\n{\"seed\": 2}\n");
    Map<String, String> before = Fixtures.snapshot(runs);
    Fixtures.CliResult r =
        Fixtures.cli(Fixtures.env(work, Fixtures.neverCalled()), "run", "exp.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "sharcs: exp.json: found more JSON after the top-level value at line 2, expected one"
            + " value");
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void aLossThatDivergesStopsTheRunAndLeavesTheOutFolderAsItWas() throws Exception {
    Fixtures.write(work.resolve("examples"), "exp.yaml", EXPERIMENT);
    Path out = work.resolve("out");
    Fixtures.previousRun(out);
    Map<String, String> before = Fixtures.snapshot(work);
    TrainingPipeline diverging = (dataset, bindings, settings, progress, modelDir) -> {
      progress.accept(new EpochReport(1, 150, 0.7, 0.5, 0.2, 0.01));
      try {
        Files.createDirectories(modelDir);
        Files.writeString(modelDir.resolve("sharcs-0001.params"), "half-trained");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      throw new TrainingDivergedException(2, 1, 1, Double.NaN, "graph");
    };

    Fixtures.CliResult r =
        Fixtures.cli(Fixtures.env(work, diverging), "run", FILE, "--out", "out");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        P + "training diverged in epoch 2 (batch 1 of 1): the loss is NaN, first in the output"
            + " of modality graph, expected a finite loss (lower training.learning_rate, or set"
            + " training.gradient_clip)");
    // The out folder byte for byte, and no staging folder left beside it.
    assertThat(Fixtures.snapshot(work)).isEqualTo(before);
  }

  @Test
  void aMetricThatIsNotFiniteIsNeverWritten() {
    Fixtures.write(work.resolve("examples"), "exp.yaml", EXPERIMENT);
    Map<String, String> before = Fixtures.snapshot(work);
    TrainingPipeline nan = (dataset, bindings, settings, progress, modelDir) ->
        RunResult.of(
            new RunReport(
                new ModelResults(
                    new Accuracies(Double.NaN, 0.5), List.of(), List.of(), List.of(),
                    Optional.empty(), OptionalInt.empty(), 0.1,
                    new Timings(0.1, 1, 0, OptionalDouble.empty())),
                List.of(), 1.0),
            Map.of());

    Fixtures.CliResult r = Fixtures.cli(Fixtures.env(work, nan), "run", FILE);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly(
        "sharcs: internal error: java.lang.IllegalStateException: metric accuracy.train is NaN,"
            + " expected a finite number (run with --verbose for the stack trace)");
    assertThat(Fixtures.snapshot(work)).isEqualTo(before);
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
