package io.sharcs.runner.datasets.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sharcs.api.MultimodalDataset;
import io.sharcs.runner.FakeGraphPlugin;
import io.sharcs.runner.FakeTablePlugin;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.TrainingPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A malformed manifest exits 2 with one line naming the file, the line, the column, what was
 * found and what is expected, and leaves an existing run folder alone; a good one reaches
 * training with every row accounted for.
 */
class ManifestBadInputTest {

  private static final String HEADER = "id,label,split,t1,t2,graph,gkey";
  private static final String ROWS = """
      a,yes,train,0.5,1,g1.json,k1
      b,no,train,1,0,"{""x"": [1], ""edges"": []}",k2
      c,yes,test,0,0.25,g1.json,k1
      d,no,test,2,3,,k2
      e,no,train,,,g1.json,k2
      """;
  private static final String EXPERIMENT = """
      name: own
      seed: 0
      mode: sharcs
      dataset:
        type: manifest
        file: data/rows.csv
        columns: {graph: {json: graph}, table: [t1, t2]}
        id: id
        split: split
        keys: {graph: gkey}
      modalities:
        - {name: graph, plugin: graph}
        - {name: table, plugin: tabular}
      runtime: {threads: 1}
      """;

  // The same rows with a local label per modality: the graph's a number, the table's a letter;
  // test row c has no graph label (allowed), train row e is left out (no table) without one.
  private static final String LOCAL_HEADER = HEADER + ",glabel,tlabel";
  private static final String LOCAL_ROWS = """
      a,yes,train,0.5,1,g1.json,k1,3,x
      b,no,train,1,0,"{""x"": [1], ""edges"": []}",k2,10,y
      c,yes,test,0,0.25,g1.json,k1,,x
      d,no,test,2,3,,k2,,
      e,no,train,,,g1.json,k2,3,
      """;
  private static final String LOCAL_EXPERIMENT = EXPERIMENT.replace("  keys: {graph: gkey}\n",
      "  keys: {graph: gkey}\n  local_labels: {graph: glabel, table: tlabel}\n");

  @TempDir Path work;
  private Path runs;

  @BeforeEach
  void data() throws Exception {
    runs = work.resolve("runs");
    Fixtures.previousRun(runs.resolve("own/sharcs/seed-0"));
    Fixtures.write(work.resolve("data"), "g1.json", "{\"x\": [0, 1], \"edges\": [[0, 1]]}");
    Fixtures.write(work.resolve("data"), "broken.json", "{\"x\": [0, 1], \"edges\": [[0, 1]");
    Fixtures.write(work, "secret.json", "{}");
    Files.createSymbolicLink(work.resolve("data/link.json"), work.resolve("secret.json"));
  }

  static Stream<Arguments> cases() {
    String f = "sharcs: data/rows.csv: ";
    return Stream.of(
        csv("missing column", s -> s.replace(",gkey", ",gkez"),
            f + "line 1: column 'gkey' not found, expected it among the header's columns"
                + " [id, label, split, t1, t2, graph, gkez]"),
        csv("text in a number column", s -> s.replace("a,yes,train,0.5", "a,yes,train,half"),
            f + "line 2: column 't1': found 'half', expected a number"),
        csv("NaN", s -> s.replace("a,yes,train,0.5", "a,yes,train,NaN"),
            f + "line 2: column 't1': found 'NaN', expected a finite number"),
        csv("infinite number", s -> s.replace(",0.25,", ",1e99,"),
            f + "line 4: column 't2': found '1e99', expected a finite number"),
        csv("path escaping the folder", s -> s.replace("c,yes,test,0,0.25,g1.json", "c,yes,test,0,0.25,../secret.json"),
            f + "line 4: column 'graph': found '../secret.json', which leaves the manifest's"
                + " folder, expected a path inside it"),
        csv("absolute path", s -> s.replace("c,yes,test,0,0.25,g1.json", "c,yes,test,0,0.25,/etc/hosts"),
            f + "line 4: column 'graph': found the absolute path '/etc/hosts', expected a path"
                + " relative to the manifest's folder"),
        csv("symbolic link out of the folder", s -> s.replace("c,yes,test,0,0.25,g1.json", "c,yes,test,0,0.25,link.json"),
            f + "line 4: column 'graph': found 'link.json', a link to a file outside the"
                + " manifest's folder, expected a file inside it"),
        csv("missing file", s -> s.replace("c,yes,test,0,0.25,g1.json", "c,yes,test,0,0.25,g9.json"),
            f + "line 4: column 'graph': found 'g9.json', but no such file, expected an existing"
                + " file inside the manifest's folder"),
        csv("corrupt JSON file", s -> s.replace("c,yes,test,0,0.25,g1.json", "c,yes,test,0,0.25,broken.json"),
            "^" + java.util.regex.Pattern.quote(f + "line 4: column 'graph': file 'broken.json' is"
                + " not valid JSON (") + ".*\\), expected a JSON document$"),
        csv("malformed inline JSON", s -> s.replace("\"\"edges\"\": []}", "\"\"edges\"\": ["),
            "^" + java.util.regex.Pattern.quote(f + "line 3: column 'graph': found malformed"
                + " inline JSON (") + ".*\\), expected a JSON object or list$"),
        csv("row with no label", s -> s.replace("c,yes,test", "c,,test"),
            f + "line 4: column 'label': found an empty label, expected a class name"),
        csv("duplicate ids", s -> s.replace("c,yes,test", "a,yes,test"),
            f + "line 4: column 'id': found id 'a' again (first on line 2), expected unique ids"),
        csv("empty id", s -> s.replace("c,yes,test", ",yes,test"),
            f + "line 4: column 'id': found an empty id, expected one"),
        csv("bad split value", s -> s.replace("c,yes,test", "c,yes,testing"),
            f + "line 4: column 'split': found 'testing', expected train or test"),
        csv("empty test split", s -> s.replace("test", "train"),
            f + "column 'split': found 3 complete train and 0 test rows, expected at least one of"
                + " each"),
        csv("half-empty table", s -> s.replace("a,yes,train,0.5,1", "a,yes,train,,1"),
            f + "line 2: column 't1': found an empty cell, expected a value like the modality's"
                + " other columns [t1, t2] (all empty for a missing modality)"),
        csv("short row", s -> s.replace("k1\nb", "\nb").replace("a,yes,train,0.5,1,g1.json,", "a,yes,train,0.5,1,g1.json"),
            f + "line 2: found 6 fields, expected 7 as in the header"),
        csv("one class only", s -> s.replace(",no,", ",yes,"),
            f + "column 'label': found the classes [yes] in the complete rows, expected at"
                + " least two"),
        csv("empty file", s -> "",
            f + "line 1: found an empty file, expected a header line naming the columns"),
        experiment("unknown modality column", s -> s.replace("table: [t1, t2]}", "table: [t1, t2], image: t1}"),
            "sharcs: exp.yaml: modalities: got names [graph, table], expected the modality names"
                + " of data set 'manifest': [graph, table, image]"),
        experiment("missing manifest file", s -> s.replace("data/rows.csv", "data/nope.csv"),
            "sharcs: data/nope.csv: file not found, expected a .csv or .jsonl manifest"),
        experiment("unknown column kind", s -> s.replace("{json: graph}", "{jsn: graph}"),
            "sharcs: exp.yaml: dataset.columns.graph: got kind 'jsn', expected numbers, text,"
                + " file or json"),
        experiment("bad split fraction", s -> s.replace("split: split", "split: {fraction: 1.5}"),
            "sharcs: exp.yaml: dataset.split.fraction: got 1.5, expected a number in (0, 1)"),
        local("missing local label column", s -> s.replace(",glabel,", ",glabek,"), e -> e,
            f + "line 1: column 'glabel' not found, expected it among the header's columns"
                + " [id, label, split, t1, t2, graph, gkey, glabek, tlabel]"),
        local("empty local label on a training row",
            s -> s.replace("g1.json,k1,3,x", "g1.json,k1,,x")
                .replace("c,yes,test,0,0.25,g1.json,k1,,x", "c,yes,test,0,0.25,g1.json,k1,3,x"),
            e -> e, f + "line 2: column 'glabel': found an empty local label of 'graph' on a"
                + " training row, expected a class name"),
        local("local label not among local_classes", s -> s, e -> e.replace("tlabel}\n",
                "tlabel}\n  local_classes: {graph: ['3', '4']}\n"),
            f + "line 3: column 'glabel': found '10', expected one of [3, 4]"),
        local("one local class only", s -> s.replace(",k2,10,y", ",k2,3,y"), e -> e,
            f + "column 'glabel': found the classes [3] in the complete rows, expected at least"
                + " two"),
        local("local label of an unknown modality", s -> s,
            e -> e.replace("{graph: glabel, table: tlabel}", "{graph: glabel, sound: tlabel}"),
            "sharcs: exp.yaml: dataset.local_labels.sound: got modality 'sound', expected one of"
                + " [graph, table]"),
        local("local label given as a list", s -> s,
            e -> e.replace("{graph: glabel, table: tlabel}", "{graph: [glabel], table: tlabel}"),
            "sharcs: exp.yaml: dataset.local_labels.graph: got [\"glabel\"], expected the column"
                + " holding the label of that modality's own content"),
        local("local classes of a modality without local labels", s -> s,
            e -> e.replace("{graph: glabel, table: tlabel}\n",
                "{graph: glabel}\n  local_classes: {table: [x, y]}\n"),
            "sharcs: exp.yaml: dataset.local_classes.table: got modality 'table', expected one of"
                + " the modalities of local_labels [graph]"),
        local("repeated local class name", s -> s, e -> e.replace("tlabel}\n",
                "tlabel}\n  local_classes: {table: [x, x]}\n"),
            "sharcs: exp.yaml: dataset.local_classes.table: got [x, x], expected at least two"
                + " distinct class names"));
  }

  private static Arguments local(String name, UnaryOperator<String> editRows,
      UnaryOperator<String> editExperiment, String line) {
    return arguments(name, editRows.apply(LOCAL_HEADER + "\n" + LOCAL_ROWS),
        editExperiment.apply(LOCAL_EXPERIMENT), line);
  }

  private static Arguments csv(String name, UnaryOperator<String> edit, String line) {
    return arguments(name, edit.apply(HEADER + "\n" + ROWS), EXPERIMENT, line);
  }

  private static Arguments experiment(String name, UnaryOperator<String> edit, String line) {
    return arguments(name, HEADER + "\n" + ROWS, edit.apply(EXPERIMENT), line);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void malformedManifestIsOneLineExitTwoAndRunsUntouched(
      String name, String rows, String experiment, String expected) {
    Fixtures.write(work.resolve("data"), "rows.csv", rows);
    Fixtures.write(work, "exp.yaml", experiment);
    Map<String, String> before = Fixtures.snapshot(runs);

    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.neverCalled()), "run", "exp.yaml");

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    if (expected.startsWith("^")) {
      assertThat(r.errLines().get(0)).matches(expected);
    } else {
      assertThat(r.errLines().get(0)).isEqualTo(expected);
    }
    assertThat(Fixtures.snapshot(runs)).isEqualTo(before);
  }

  @Test
  void goodManifestReachesTrainingWithEveryRowAccountedFor() {
    Fixtures.write(work.resolve("data"), "rows.csv", HEADER + "\n" + ROWS);
    Fixtures.write(work, "exp.yaml", EXPERIMENT);
    AtomicReference<MultimodalDataset> seen = new AtomicReference<>();
    TrainingPipeline fake = Fixtures.fakeTraining();
    TrainingPipeline capture = (dataset, bindings, settings, progress, modelDir) -> {
      seen.set(dataset);
      return fake.run(dataset, bindings, settings, progress, modelDir);
    };

    Fixtures.CliResult r = Fixtures.cli(env(capture), "run", "exp.yaml", "--out", "out");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("data/rows.csv: left out 2 of 5 rows with an empty modality");
    MultimodalDataset d = seen.get();
    assertThat(d.modalities()).containsExactly("graph", "table");
    assertThat(d.classNames()).containsExactly("no", "yes");
    assertThat(d.train()).extracting(s -> s.id()).containsExactly("a", "b");
    assertThat(d.test()).extracting(s -> s.id()).containsExactly("c");
    var a = d.train().get(0);
    assertThat(a.label()).isEqualTo(1);
    assertThat(a.input("table").orElseThrow().toString()).isEqualTo("[0.5,1.0]");
    assertThat(a.input("graph").orElseThrow().toString())
        .isEqualTo("{\"x\":[0,1],\"edges\":[[0,1]]}");
    assertThat(a.contentKey("graph")).contains("k1");
    assertThat(d.train().get(1).input("graph").orElseThrow().toString())
        .isEqualTo("{\"x\":[1],\"edges\":[]}");
  }

  @Test
  void localLabelsAreReadPerModalityWithClassesOrderedAsTheLabelsAre() {
    Fixtures.write(work.resolve("data"), "rows.csv", LOCAL_HEADER + "\n" + LOCAL_ROWS);
    Fixtures.write(work, "exp.yaml", LOCAL_EXPERIMENT.replace(
        "{graph: glabel, table: tlabel}", "{table: tlabel, graph: glabel}"));
    AtomicReference<MultimodalDataset> seen = new AtomicReference<>();
    TrainingPipeline fake = Fixtures.fakeTraining();

    Fixtures.CliResult r = Fixtures.cli(env((dataset, b, s, p, m) -> {
      seen.set(dataset);
      return fake.run(dataset, b, s, p, m);
    }), "run", "exp.yaml", "--out", "out");

    assertThat(r.code()).as(r.err()).isZero();
    MultimodalDataset d = seen.get();
    // Slot order, not the mapping's; integers numerically (3 before 10), other names sorted.
    assertThat(d.localClassNames()).containsExactly(
        Map.entry("graph", List.of("3", "10")), Map.entry("table", List.of("x", "y")));
    assertThat(d.train()).extracting(s -> s.localLabels())
        .containsExactly(Map.of("graph", 0, "table", 0), Map.of("graph", 1, "table", 1));
    assertThat(d.test().get(0).localLabels()).isEqualTo(Map.of("table", 0));
  }

  @Test
  void seededFractionSplitIsDeterministicAndIntegerClassesSortNumerically() {
    String rows = "label,t1,t2,graph\n" + "10,1,2,g1.json\n2,1,2,g1.json\n".repeat(10);
    Fixtures.write(work.resolve("data"), "rows.csv", rows);
    Fixtures.write(work, "exp.yaml", EXPERIMENT.replace("  id: id\n", "")
        .replace("split: split", "split: {fraction: 0.7, seed: 5}")
        .replace("  keys: {graph: gkey}\n", "  pairing: label\n"));
    List<List<String>> splits = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      AtomicReference<MultimodalDataset> seen = new AtomicReference<>();
      TrainingPipeline fake = Fixtures.fakeTraining();
      Fixtures.CliResult r = Fixtures.cli(env((dataset, b, s, p, m) -> {
        seen.set(dataset);
        return fake.run(dataset, b, s, p, m);
      }), "run", "exp.yaml", "--out", "out" + i);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(seen.get().classNames()).containsExactly("2", "10");
      assertThat(seen.get().train()).hasSize(14);
      assertThat(seen.get().train().get(0).contentKey("table"))
          .contains(seen.get().classNames().get(seen.get().train().get(0).label()));
      splits.add(seen.get().train().stream().map(s -> s.id()).toList());
    }
    assertThat(splits.get(0)).isEqualTo(splits.get(1));
  }

  private RunnerEnvironment env(TrainingPipeline pipeline) {
    return Fixtures.env(work, pipeline).withPlugins(() -> PluginCatalog.of(
        List.of(new FakeGraphPlugin(), new FakeTablePlugin()), List.of(new ManifestProvider())));
  }
}
