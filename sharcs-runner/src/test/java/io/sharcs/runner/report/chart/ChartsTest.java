package io.sharcs.runner.report.chart;

import static io.sharcs.runner.report.chart.SvgWriterTest.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.runner.report.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The line, scatter, error-bar and heatmap charts: valid, deterministic, escaped, robust. */
class ChartsTest {

  private static final Picture THUMB = Picture.svg(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>", "thumb");

  static LineChart curves(double... ys) {
    List<LineChart.Point> a = new ArrayList<>();
    for (int i = 0; i < ys.length; i++) {
      a.add(new LineChart.Point(i + 1, ys[i]));
    }
    return new LineChart("loss " + HOSTILE, "epoch", "value", List.of(
        new LineChart.Series("loss", a), new LineChart.Series(HOSTILE, List.of())));
  }

  static ScatterChart map() {
    List<ScatterChart.Point> pts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      pts.add(new ScatterChart.Point(Math.sin(i), Math.cos(i * 1.3), i % 3 == 0 ? HOSTILE : "b"));
    }
    pts.add(new ScatterChart.Point(Double.NaN, 1, "b"));
    return new ScatterChart("map", "", "", pts,
        List.of(new ScatterChart.Thumbnail(0, 0, "b", THUMB)), 40);
  }

  static ErrorBarChart sweep(boolean log) {
    return new ErrorBarChart("sweep", "lambda", "accuracy", log, List.of(
        new ErrorBarChart.Series("sharcs", List.of(new ErrorBarChart.Point(0.01, 0.8, 0.05),
            new ErrorBarChart.Point(0.1, 0.85, Double.NaN), new ErrorBarChart.Point(0, 0.9, 0.1),
            new ErrorBarChart.Point(1, Double.NaN, 0))),
        new ErrorBarChart.Series(HOSTILE, List.of(new ErrorBarChart.Point(1, 0.7, 0.02)))));
  }

  static Heatmap confusion() {
    return Heatmap.confusion("confusion", List.of("a", HOSTILE, "c"),
        new long[][] {{5, 1, 0}, {0, 7, 2}, {1, 0, 9}});
  }

  private static List<Supplier<String>> all() {
    return List.of(() -> curves(0.9, 0.5, Double.NaN, 0.3).toSvg(), () -> map().toSvg(),
        () -> sweep(true).toSvg(), () -> sweep(false).toSvg(), () -> confusion().toSvg());
  }

  @Test
  void everyChartIsAWellFormedStandaloneSvgWithItsHostileTextsAsText() {
    for (Supplier<String> chart : all()) {
      String svg = chart.get();
      assertThat(svg).doesNotContain("<script");
      Document doc = SvgDocuments.parse(svg);
      List<String> texts = new ArrayList<>(SvgDocuments.texts(doc));
      texts.addAll(SvgDocuments.contents(doc, "title"));
      assertThat(texts).anySatisfy(t -> assertThat(t).contains("<script>alert('x')</script>"));
    }
  }

  @Test
  void theSameChartGivesTheSameBytesInAnyLocale() {
    Locale before = Locale.getDefault();
    List<String> first = all().stream().map(Supplier::get).toList();
    try {
      Locale.setDefault(Locale.GERMANY); // decimal comma
      assertThat(all().stream().map(Supplier::get).toList()).isEqualTo(first);
    } finally {
      Locale.setDefault(before);
    }
    assertThat(first.get(0)).contains("points=\"").doesNotContainPattern("\\d,\\d+\\s*\"\\s*/>");
  }

  @Test
  void nanValuesAreSkippedWithANote() {
    Document doc = SvgDocuments.parse(curves(0.9, 0.5, Double.NaN, 0.3, 0.2).toSvg());
    assertThat(SvgDocuments.texts(doc))
        .contains("1 point with a missing (NaN) or infinite value not drawn.");
    // The line is broken at the NaN: two runs of two points each.
    assertThat(SvgDocuments.elements(doc, "polyline")).hasSize(2);
    assertThat(SvgDocuments.texts(SvgDocuments.parse(map().toSvg())))
        .contains("1 point with a missing (NaN) or infinite coordinate not drawn.");
    assertThat(SvgDocuments.texts(SvgDocuments.parse(sweep(true).toSvg())))
        .contains("2 points with a missing (NaN) value or x <= 0 on the log axis not drawn.");
    assertThat(SvgDocuments.texts(SvgDocuments.parse(sweep(false).toSvg())))
        .contains("1 point with a missing (NaN) value not drawn.");
  }

  @Test
  void emptyAndSinglePointChartsStillDraw() {
    Document empty = SvgDocuments.parse(new LineChart("t", "x", "y", List.of()).toSvg());
    assertThat(SvgDocuments.texts(empty)).contains("No values to draw.");
    Document oneSeriesEmpty = SvgDocuments.parse(curves().toSvg());
    assertThat(SvgDocuments.texts(oneSeriesEmpty)).contains("No values to draw.");
    Document one = SvgDocuments.parse(curves(0.5).toSvg());
    assertThat(SvgDocuments.elements(one, "circle")).hasSize(1);
    assertThat(SvgDocuments.elements(one, "polyline")).isEmpty();
    Document scatter = SvgDocuments.parse(ScatterChart.of("t", "", "", List.of()).toSvg());
    assertThat(SvgDocuments.texts(scatter)).contains("No values to draw.");
    Document bars = SvgDocuments.parse(new ErrorBarChart("t", "x", "y", true, List.of(
        new ErrorBarChart.Series("s", List.of(new ErrorBarChart.Point(3, 1, 0.1)))))
        .toSvg());
    assertThat(SvgDocuments.elements(bars, "circle")).hasSize(1);
    Document heat = SvgDocuments.parse(Heatmap.confusion("t", List.of(), new long[0][]).toSvg());
    assertThat(SvgDocuments.texts(heat)).contains("No classes to draw.");
  }

  @Test
  void theScatterChartPlacesItsThumbnailsAndColoursCategoriesInOrderOfAppearance() {
    Document doc = SvgDocuments.parse(map().toSvg());
    assertThat(SvgDocuments.elements(doc, "image")).singleElement()
        .satisfies(i -> assertThat(i.getAttribute("href")).isEqualTo(THUMB.dataUri()));
    // Legend: the hostile category first (point 0, its long name cut), then "b".
    assertThat(SvgDocuments.texts(doc)).containsSubsequence(
        "<script>alert('x')</script> &…", "b");
    assertThat(SvgDocuments.contents(doc, "title")).containsSubsequence(
        HOSTILE.replace('\u0001', ' '), "b");
    assertThat(SvgDocuments.elements(doc, "circle")).hasSize(20);
  }

  @Test
  void theHeatmapWritesEveryCount() {
    Document doc = SvgDocuments.parse(confusion().toSvg());
    assertThat(SvgDocuments.texts(doc)).containsSubsequence("5", "1", "0", "0", "7", "2", "1",
        "0", "9");
    assertThatThrownBy(() -> Heatmap.confusion("t", List.of("a"), new long[][] {{1, 2}}))
        .hasMessage("heatmap 't': a row of 2 counts, 1 column labels");
    assertThatThrownBy(() -> Heatmap.confusion("t", List.of("a"), new long[][] {{-1}}))
        .hasMessage("heatmap 't': a negative count");
  }

  @Test
  void aLogAxisShowsPowersOfTen() {
    Document doc = SvgDocuments.parse(sweep(true).toSvg());
    assertThat(SvgDocuments.texts(doc)).contains("0.01", "0.1", "1");
  }
}
