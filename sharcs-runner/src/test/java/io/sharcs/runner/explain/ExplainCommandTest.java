package io.sharcs.runner.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.core.saved.Prediction;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.plugins.PluginRegistry;
import io.sharcs.runner.run.ModelLoader;
import io.sharcs.runner.run.RunnerEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short real XOR run, then {@code sharcs explain} on it through the CLI. */
@Tag("slow")
class ExplainCommandTest {

  /** A table row of XOR content f1=1, f2=0 ({@code [r, f1, r, r, f2, r]}). */
  private static final String TABLE_ONLY = "{\"table\": [0, 1, 1, 0, 0, 1]}";

  @TempDir static Path work;
  static RunnerEnvironment env;
  static Path run;

  @BeforeAll
  static void trainShortXorRun() {
    env = Fixtures.workingIn(work);
    run = Fixtures.shortXorRun(env, "run", 4, 120, 80);
  }

  private static PluginRegistry registry() {
    return PluginRegistry.of(PluginCatalog.discover());
  }

  private static Fixtures.CliResult explain(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "explain";
    System.arraycopy(args, 0, all, 1, args.length);
    return Fixtures.cli(env, all);
  }

  private static String line(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(
        () -> new AssertionError("no line starting with '" + prefix + "' in:\n" + text));
  }

  @Test
  void everyTestSampleIsPredictedAsInPredictionsCsv() throws Exception {
    List<String> rows = Files.readAllLines(run.resolve("predictions.csv"));
    // sample_id,true,predicted,p_0,p_1: the first, a middle and the last test sample.
    for (String row : List.of(rows.get(1), rows.get(rows.size() / 2), rows.get(rows.size() - 1))) {
      String[] cells = row.split(",");
      Fixtures.CliResult r = explain("run", "--sample", cells[0]);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).startsWith("sample " + cells[0] + " (test split, true class " + cells[1]
          + ")\npredicted class " + cells[2] + "\n");
      assertThat(line(r.out(), "  p(1) = "))
          .isEqualTo(String.format(java.util.Locale.ROOT, "  p(1) = %.4f",
              Double.parseDouble(cells[4])));
      assertThat(r.out()).contains("graph: present", "table: present", "tree depth3 over",
          "nearest training samples in concept space:").doesNotContain("missing");
    }
  }

  @Test
  void aNewSampleWithoutItsGraphRetrievesOneAndPredictsAsTheLoadedModel() throws Exception {
    Path input = Fixtures.write(work, "table-only.json", TABLE_ONLY);
    Fixtures.CliResult r = explain("run", "--input", "table-only.json");
    assertThat(r.code()).as(r.err()).isZero();

    try (ModelLoader.LoadedRun loaded = new ModelLoader(registry()).load(run, "run")) {
      Map<String, Object> raw =
          SampleInputFile.read(input, "table-only.json", loaded.experiment().modalities());
      Prediction p = loaded.model().predict(List.of(raw)).get(0);
      assertThat(r.out()).startsWith(
          "new sample from table-only.json\npredicted class " + p.className() + "\n");
      var graph = p.retrieved().get("graph");
      assertThat(r.out()).contains(String.format(java.util.Locale.ROOT,
          "graph: missing; stood in for by training sample %s (bank row %d, distance %.4f)",
          graph.sampleId(), graph.row(), graph.distance()));
      assertThat(line(r.out(), "  graph (query: table)  ")).contains(graph.sampleId());
    }
  }

  @Test
  void jsonHasEveryPartAndAgreesWithTheText() throws Exception {
    String id = Files.readAllLines(run.resolve("predictions.csv")).get(1).split(",")[0];
    Fixtures.CliResult r = explain("run", "--sample", id, "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("sample").asText()).isEqualTo(id);
    assertThat(j.path("origin").asText()).isEqualTo("test");
    double p0 = j.path("probabilities").path("0").asDouble();
    double p1 = j.path("probabilities").path("1").asDouble();
    assertThat(p0 + p1).isCloseTo(1.0, within(1e-9));
    assertThat(j.path("predicted").asText()).isEqualTo(p1 > p0 ? "1" : "0");
    assertThat(j.path("present")).hasSize(2);
    assertThat(j.path("missing")).isEmpty();
    JsonNode tree = j.path("tree");
    assertThat(tree.path("name").asText()).isEqualTo("depth3");
    assertThat(tree.path("steps").size()).isBetween(1, 3);
    for (JsonNode step : tree.path("steps")) {
      assertThat(step.path("concept").asText()).matches("(graph|table):shared\\.[0-6]");
      assertThat(step.path("value").asInt()).isBetween(0, 1);
    }
    assertThat(tree.path("agrees").asBoolean())
        .isEqualTo(tree.path("leaf_class").asText().equals(j.path("predicted").asText()));
    assertThat(j.path("neighbours")).hasSize(2);
    for (JsonNode n : j.path("neighbours")) {
      assertThat(n.path("nearest")).hasSize(3);
      assertThat(n.path("nearest").get(0).path("distance").asDouble())
          .isLessThanOrEqualTo(n.path("nearest").get(2).path("distance").asDouble());
    }
    for (JsonNode m : j.path("present")) {
      for (JsonNode c : m.path("shared")) {
        assertThat(c.path("value").asDouble()).isGreaterThan(0.5);
        assertThat(c.path("sentence").asText()).startsWith("shared concept " + c.path("index"));
      }
    }
    // The text of the same sample shows the same tree path.
    Fixtures.CliResult text = explain("run", "--sample", id);
    for (JsonNode step : tree.path("steps")) {
      assertThat(text.out()).contains("  " + step.path("concept").asText() + " = "
          + step.path("value").asInt() + "\n");
    }
  }

  @Test
  void htmlHasOneInlinedPicturePerPresentModality() throws Exception {
    String id = Files.readAllLines(run.resolve("predictions.csv")).get(1).split(",")[0];
    Fixtures.CliResult both = explain("run", "--sample", id, "--html", "both.html");
    assertThat(both.code()).as(both.err()).isZero();
    assertThat(both.out()).endsWith("explanation page: both.html\n");
    Fixtures.write(work, "table-only.json", TABLE_ONLY);
    Fixtures.CliResult one = explain("run", "--input", "table-only.json", "--html", "one.html");
    assertThat(one.code()).as(one.err()).isZero();

    String page = Files.readString(work.resolve("both.html"));
    assertThat(count(page, "<img src=\"data:image/")).isEqualTo(2);
    assertThat(page).startsWith("<!DOCTYPE html>").doesNotContain("<script", "http://",
        "https://");
    String single = Files.readString(work.resolve("one.html"));
    assertThat(count(single, "<img src=\"data:image/")).isEqualTo(1);
    assertThat(single).contains("graph: missing; stood in for by training sample <b>xor-");
    try (var files = Files.list(work)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".tmp")))
          .isEmpty();
    }
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void badRequestsAreOneLineAndExitTwo() throws Exception {
    Fixtures.write(work, "sound.json", "{\"sound\": [1, 2]}");
    Fixtures.write(work, "bad-table.json", "{\"table\": \"abc\"}");
    Fixtures.write(work, "empty.json", "{}");
    Files.createDirectories(work.resolve("no-model"));
    Path old = work.resolve("old");
    copyTree(run, old);
    Files.delete(old.resolve("explanations.json"));

    assertOneLine(explain("run", "--input", "sound.json"),
        "sharcs: sound.json: sound: unknown modality, expected one of the run's modalities"
            + " [graph, table]");
    assertOneLine(explain("run", "--input", "bad-table.json"), "sharcs: bad-table.json: table");
    assertOneLine(explain("run", "--input", "empty.json"),
        "sharcs: empty.json: no modality given, expected at least one of [graph, table]");
    assertOneLine(explain("no-model", "--sample", "xor-0"),
        "sharcs: no-model: no model folder, expected a run folder of sharcs run");
    assertOneLine(explain("old", "--sample", "xor-0"),
        "sharcs: old/explanations.json: file not found; the run is older than sharcs explain"
            + " or not of a concept model: run it again or use `sharcs report`");
    assertOneLine(explain("run", "--sample", "xor-9999"),
        "sharcs: run: no sample 'xor-9999' in the train or test split of xor-and-xor,"
            + " expected an id such as 'xor-0'");
    assertOneLine(explain("run", "--sample", "xor-0", "--input", "empty.json"),
        "sharcs: Error: --sample=ID, --input=SAMPLE.json are mutually exclusive");
    assertOneLine(explain("run"), "sharcs: Error: Missing required argument");
  }

  private static void assertOneLine(Fixtures.CliResult r, String start) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith(start);
    assertThat(r.out()).isEmpty();
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
