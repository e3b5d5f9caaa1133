package io.sharcs.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.run.RunnerEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a short real XOR run: every section and figure, read in a real browser, the same
 * bytes from a second run with the same seed (apart from timings), and the same bytes again from
 * {@code sharcs report}.
 */
@Tag("slow")
class RunReportTest {

  static final List<String> SECTIONS =
      List.of("summary", "training", "task", "catalogue", "trees", "maps", "cross-modal",
          "retrieval", "metrics");

  /**
   * Lines that differ between two runs of the same seed: the metrics table's timing rows, the
   * provenance's times and command line (another --out).
   */
  private static final Pattern TIMING =
      Pattern.compile("(?m)^.*(timing\\.|_time</dt>|<dt>command_line</dt>).*$");

  @TempDir static Path work;
  static Path run;
  static Path again;

  @BeforeAll
  static void twoShortXorRuns() {
    run = shortRun("run");
    again = shortRun("again");
  }

  private static Path shortRun(String out) {
    return Fixtures.shortXorRun(Fixtures.workingIn(work), out, 6, 160, 120);
  }

  @Test
  void theRunFolderHasTheReportItsFiguresAndTheExplanations() throws Exception {
    String html = Files.readString(run.resolve("report.html"));
    for (String id : SECTIONS) {
      assertThat(html).contains("id=\"" + id + "\"");
    }
    assertThat(html).doesNotContain("http://", "https://", "<script");
    for (String figure : List.of("tree-depth3.svg", "tree-unlimited.svg", "map-shared-label.svg",
        "map-shared-prototypes.svg", "map-graph-cluster.svg", "confusion.svg",
        "training-accuracy.svg")) {
      assertThat(run.resolve("report").resolve(figure)).isNotEmptyFile();
    }
    JsonNode explanations = new ObjectMapper().readTree(run.resolve("explanations.json").toFile());
    assertThat(explanations.get("format").asText()).isEqualTo("sharcs-explanations");
    assertThat(explanations.get("catalogue").has("shared")).isTrue();
    assertThat(explanations.get("trees")).hasSize(2);
    JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
    assertThat(metrics.has("explanations.tree.fidelity")).isTrue();
    assertThat(metrics.has("explanations.tree.depth3.support.min")).isTrue();
  }

  @Test
  void theSameSeedGivesTheSameReportApartFromTimings() throws Exception {
    String first = TIMING.matcher(Files.readString(run.resolve("report.html"))).replaceAll("");
    String second = TIMING.matcher(Files.readString(again.resolve("report.html"))).replaceAll("");
    assertThat(second).isEqualTo(first);
    assertThat(Files.readAllBytes(again.resolve("explanations.json")))
        .isEqualTo(Files.readAllBytes(run.resolve("explanations.json")));
    assertThat(Files.readAllBytes(again.resolve("report/tree-unlimited.svg")))
        .isEqualTo(Files.readAllBytes(run.resolve("report/tree-unlimited.svg")));
  }

  @Test
  void sharcsReportRebuildsTheSameReportFromTheSavedModel() throws Exception {
    Path copy = work.resolve("copy");
    copyTree(again, copy);
    byte[] before = Files.readAllBytes(copy.resolve("report.html"));
    Files.delete(copy.resolve("report.html"));
    RunnerEnvironment env = Fixtures.workingIn(work);
    Fixtures.CliResult r = Fixtures.cli(env, "report", "copy");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("report rebuilt");
    assertThat(Files.readAllBytes(copy.resolve("report.html"))).isEqualTo(before);
    assertThat(Files.list(copy).map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.startsWith(".report"));
  }

  @Test
  void sharcsReportOnAFolderWithoutAModelIsOneLine() throws Exception {
    Files.createDirectories(work.resolve("empty"));
    RunnerEnvironment env = Fixtures.workingIn(work);
    Fixtures.CliResult r = Fixtures.cli(env, "report", "empty");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("empty").contains("no model");
  }

  @Test
  void theReportReadsCleanlyInARealBrowser() {
    BrowserCheck.assumeBrowser();
    BrowserCheck.Result result =
        BrowserCheck.open(run.resolve("report.html"), Path.of("target", "report-xor.png"));
    assertThat(result.consoleErrors()).isEmpty();
    assertThat(result.imageWidths()).isNotEmpty().allSatisfy(w -> assertThat(w).isPositive());
    assertThat(result.sectionIds()).containsAll(SECTIONS);
    assertThat(Path.of("target", "report-xor.png")).isNotEmptyFile();
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
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
