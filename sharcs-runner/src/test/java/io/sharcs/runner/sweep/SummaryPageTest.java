package io.sharcs.runner.sweep;

import static io.sharcs.runner.sweep.SweepFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.report.Block;
import io.sharcs.runner.report.BrowserCheck;
import io.sharcs.runner.report.ReportDocument;
import io.sharcs.runner.report.Section;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** summary.html: the summary table and the headline metrics over each numeric swept key. */
class SummaryPageTest {

  @TempDir Path work;

  /** A lambda sweep (0.001 to 10) of two modes, 3 seeds each; one group has no completeness. */
  static SweepSummary lambdaSweep() {
    List<SummaryGroup> groups = new ArrayList<>();
    for (String lambda : List.of("0.001", "0.1", "10")) {
      for (String mode : List.of("sharcs", "multi-cbm")) {
        double l = Double.parseDouble(lambda);
        double base = mode.equals("sharcs") ? 0.9 : 0.8;
        Map<String, MetricStats> m = new TreeMap<>();
        m.put("accuracy.test", new MetricStats(base + 0.01 * Math.log10(l), 0.02, 3));
        m.put("accuracy.train", new MetricStats(1, 0, 3));
        m.put("missing_modality_accuracy.graph", new MetricStats(base - 0.1, 0.05, 3));
        if (!(lambda.equals("10") && mode.equals("multi-cbm"))) {
          m.put("completeness.combined", new MetricStats(0.95, 0.01, 3));
        }
        m.put("timing.total_seconds", new MetricStats(12, 1, 3));
        groups.add(new SummaryGroup(List.of(yaml(lambda), yaml(mode)), 3,
            List.of("a", "b", "c"), new TreeMap<>(m)));
      }
    }
    return new SweepSummary("lambda <sweep>", List.of("training.lambda", "mode", "seed"),
        List.of("training.lambda", "mode"), 18, 18, groups);
  }

  @Test
  void theLambdaSweepIsPlottedPerHeadlineMetricWithASeriesPerMode() throws Exception {
    ReportDocument doc = SummaryPage.document(lambdaSweep());

    assertThat(doc.sections()).extracting(Section::id).containsExactly("table", "over-1");
    assertThat(doc.sections().get(1).title()).isEqualTo("Metrics over training.lambda");
    List<Block.Figure> figures = doc.figures();
    assertThat(figures).extracting(Block.Figure::fileStem).containsExactly(
        "01-01-training-lambda-accuracy-test",
        "01-02-training-lambda-missing_modality_accuracy-graph",
        "01-03-training-lambda-completeness-combined");
    Document accuracy = parse(figures.get(0));
    List<String> texts = texts(accuracy);
    assertThat(texts).contains("accuracy.test over training.lambda",
        "training.lambda (log scale)", "mode=sharcs", "mode=multi-cbm", "0.001", "0.1", "10");
    // Two series of three points: each point one mark.
    assertThat(accuracy.getElementsByTagName("circle").getLength()).isEqualTo(6);
    // The group without completeness has no point there (and no NaN note: it is just absent).
    Document completeness = parse(figures.get(2));
    assertThat(completeness.getElementsByTagName("circle").getLength()).isEqualTo(5);
  }

  @Test
  void theTableIsTheMarkdownTable() {
    String html = SummaryPage.html(lambdaSweep());
    assertThat(html).contains("<h1>Sweep summary: lambda &lt;sweep&gt;</h1>")
        .contains("<th scope=\"col\">training.lambda</th><th scope=\"col\">mode</th>"
            + "<th scope=\"col\">n</th><th scope=\"col\">accuracy.test</th>")
        .contains(row("0.001", "sharcs", "3", "0.8700 ± 0.0200", "0.8000 ± 0.0500",
            "0.9500 ± 0.0100", "12.0000 ± 1.0000"))
        .contains(row("10", "multi-cbm", "3", "0.8100 ± 0.0200", "0.7000 ± 0.0500", "–",
            "12.0000 ± 1.0000"))
        .doesNotContain("http://", "https://", "href=\"null");
    assertThat(SummaryPage.html(lambdaSweep())).isEqualTo(html);
  }

  @Test
  void aSweepOfNoNumericKeySaysThereIsNothingToPlot() {
    SweepSummary modes = new SweepSummary("exp", List.of("mode", "seed"), List.of("mode"), 2, 2,
        List.of(new SummaryGroup(List.of(yaml("sharcs")), 1, List.of("a"),
            new TreeMap<>(Map.of("accuracy.test", new MetricStats(0.9, 0, 1))))));
    ReportDocument doc = SummaryPage.document(modes);
    assertThat(doc.figures()).isEmpty();
    assertThat(SummaryPage.html(modes))
        .contains("No swept key other than seed takes numeric values: nothing to plot.");
  }

  @Test
  void theSummaryPageReadsInABrowser() throws Exception {
    BrowserCheck.assumeBrowser();
    SummaryFiles.write(lambdaSweep(), work);
    Path page = work.resolve(SummaryFiles.HTML);
    assertThat(Files.readString(page)).isEqualTo(SummaryPage.html(lambdaSweep()));

    BrowserCheck.Result r = BrowserCheck.open(page, Path.of("target", "summary-demo.png"));

    assertThat(r.consoleErrors()).isEmpty();
    assertThat(r.sectionIds()).containsExactly("table", "over-1");
    assertThat(r.imageWidths()).hasSize(3).allSatisfy(w -> assertThat(w).isPositive());
  }

  /** A table row of short (unwrapped) cells as the page writes it. */
  private static String row(String... cells) {
    StringBuilder sb = new StringBuilder("<tr>");
    for (String c : cells) {
      sb.append("<td class=\"nowrap\">").append(c).append("</td>");
    }
    return sb.append("</tr>").toString();
  }

  private static Document parse(Block.Figure f) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(f.picture().bytes()));
  }

  private static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagName("text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }
}
