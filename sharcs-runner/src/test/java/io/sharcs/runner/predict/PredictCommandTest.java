package io.sharcs.runner.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import io.sharcs.runner.run.RunnerEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sharcs predict} on a short XOR run and a generated XOR manifest. */
@Tag("slow")
class PredictCommandTest {

  @TempDir static Path work;
  static RunnerEnvironment env;

  @BeforeAll
  static void trainAndGenerate() {
    env = Fixtures.workingIn(work);
    Fixtures.shortXorRun(env, "run", 4, 120, 80);
    Fixtures.CliResult r = Fixtures.cli(env, "generate", "xor-and-xor", "--out", "data", "--size", "50",
        "--train-size", "10", "--seed", "3");
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void everyRowGetsOneLineWithProbabilitiesAndConcepts() throws Exception {
    Fixtures.CliResult r =
        Fixtures.cli(env, "predict", "run", "--data", "data/manifest.yaml", "--out", "p.csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("50 rows predicted").contains("accuracy");
    List<String> lines = Files.readAllLines(work.resolve("p.csv"));
    assertThat(lines).hasSize(51);
    assertThat(lines.get(0)).isEqualTo(
        "id,predicted,p_0,p_1,retrieved_graph,retrieved_table,active_shared_concepts");
    String[] first = lines.get(1).split(",", -1);
    assertThat(first[0]).isEqualTo("xor-0");
    assertThat(Double.parseDouble(first[2]) + Double.parseDouble(first[3]))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(first[4]).isEmpty();
    assertThat(first[5]).isEmpty();
  }

  @Test
  void aRowWithoutItsGraphGetsARetrievedTrainingSample() throws Exception {
    List<String> rows = Files.readAllLines(work.resolve("data/rows.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    int graph = header.indexOf("graph");
    List<String> out = new ArrayList<>();
    out.add(rows.get(0));
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",", -1);
      cells[graph] = "";
      out.add(String.join(",", cells));
    }
    Files.write(work.resolve("data/nograph.csv"), out);
    Files.writeString(work.resolve("data/nograph.yaml"),
        Files.readString(work.resolve("data/manifest.yaml")).replace("rows.csv", "nograph.csv"));
    Fixtures.CliResult r =
        Fixtures.cli(env, "predict", "run", "--data", "data/nograph.yaml", "--out", "q.csv");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(work.resolve("q.csv"));
    assertThat(lines).hasSize(51);
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(l -> assertThat(l.split(",", -1)[4]).startsWith("xor-"));
  }

  @Test
  void aColumnOfAModalityTheModelLacksIsOneLineBeforeAnyRowIsWritten() throws Exception {
    String manifest = Files.readString(work.resolve("data/manifest.yaml"));
    assertThat(manifest).contains("\n  graph:\n");
    Files.writeString(work.resolve("data/typo.yaml"),
        manifest.replace("\n  graph:\n", "\n  graf:\n"));
    Fixtures.CliResult r =
        Fixtures.cli(env, "predict", "run", "--data", "data/typo.yaml", "--out", "typo.csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("sharcs: data/typo.yaml: columns.graf: got modality"
        + " 'graf' (column graph), expected one of the model's modalities graph, table");
    assertThat(work.resolve("typo.csv")).doesNotExist();
    try (var files = Files.list(work)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".predictions-"));
    }
  }

  @Test
  void aMissingManifestIsOneLine() {
    Fixtures.CliResult r =
        Fixtures.cli(env, "predict", "run", "--data", "nope.yaml", "--out", "x.csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("nope.yaml");
    assertThat(work.resolve("x.csv")).doesNotExist();
  }
}
