package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.report.Block;
import io.sharcs.runner.report.Cell;
import io.sharcs.runner.report.KeyValue;
import io.sharcs.runner.report.ReportDocument;
import io.sharcs.runner.report.ReportWriter;
import io.sharcs.runner.report.Section;
import io.sharcs.runner.report.chart.ErrorBarChart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The sweep summary as a self-contained HTML page: the markdown summary's table, then for every
 * swept key whose values are all numbers (lambda, a hidden size) the headline metrics (test
 * accuracy, missing-modality accuracies, combined completeness) plotted over its values as mean
 * ± sample standard deviation over the seeds, one series per combination of the other swept keys
 * (e.g. per mode). The x axis is logarithmic when the values are positive and span two decades
 * or more, as lambda values do.
 */
final class SummaryPage {

  private SummaryPage() {}

  /** The page's HTML text; the same summary gives the same bytes. */
  static String html(SweepSummary s) {
    return ReportWriter.html(document(s), null);
  }

  static ReportDocument document(SweepSummary s) {
    List<String> headline = SummaryFiles.headline(s);
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("table", "Summary table", List.of(
        new Block.Paragraph(s.complete() + " of " + s.planned() + " runs complete. Mean ± sample"
            + " standard deviation over the complete runs of each group; n runs. Every metric: "
            + SummaryFiles.CSV + ", " + SummaryFiles.JSON + "."),
        table(s, headline))));
    List<String> plotted = headline.stream().filter(m -> !m.startsWith("timing.")).toList();
    boolean anyNumeric = false;
    for (int k = 0; k < s.groupKeys().size(); k++) {
      if (!numeric(s, k)) {
        continue;
      }
      anyNumeric = true;
      String key = s.groupKeys().get(k);
      List<Block> figures = new ArrayList<>();
      for (int m = 0; m < plotted.size(); m++) {
        String metric = plotted.get(m);
        ErrorBarChart chart = chart(s, k, metric);
        figures.add(new Block.Figure(stem(k, m, key, metric), metric + " over " + key
            + ": mean ± standard deviation over the seeds of each group.",
            chart.toPicture(metric + " over " + key)));
      }
      if (figures.isEmpty()) {
        figures.add(new Block.Paragraph("No headline metric in the complete runs."));
      }
      sections.add(new Section("over-" + (k + 1), "Metrics over " + key, figures));
    }
    if (!anyNumeric) {
      sections.add(new Section("plots", "Plots", List.of(new Block.Paragraph(
          "No swept key other than seed takes numeric values: nothing to plot."))));
    }
    return new ReportDocument("Sweep summary: " + s.experiment(),
        "swept: " + String.join(", ", s.keys()), sections, List.of(
            new KeyValue("experiment", s.experiment()),
            new KeyValue("runs", s.complete() + " of " + s.planned() + " complete")));
  }

  private static Block.Table table(SweepSummary s, List<String> headline) {
    List<String> headers = new ArrayList<>(
        s.groupKeys().isEmpty() ? List.of("group") : s.groupKeys());
    headers.add("n");
    headers.addAll(headline);
    List<List<Cell>> rows = new ArrayList<>();
    for (SummaryGroup g : s.groups()) {
      List<Cell> row = new ArrayList<>();
      if (s.groupKeys().isEmpty()) {
        row.add(Cell.text("all"));
      }
      g.values().forEach(v -> row.add(Cell.text(SummaryFiles.text(v))));
      row.add(Cell.text(SummaryFiles.runs(g)));
      headline.forEach(m -> row.add(Cell.text(SummaryFiles.cell(g.metrics().get(m)))));
      rows.add(row);
    }
    return new Block.Table("", headers, rows);
  }

  /** Whether every group's value of group key {@code k} is a number. */
  private static boolean numeric(SweepSummary s, int k) {
    return !s.groups().isEmpty() && s.groups().stream().allMatch(g -> g.values().get(k).isNumber());
  }

  /** {@code metric} over group key {@code k}, a series per value of the other group keys. */
  private static ErrorBarChart chart(SweepSummary s, int k, String metric) {
    // Insertion order is grid order: the series come in the order the file lists the values.
    Map<String, List<ErrorBarChart.Point>> series = new LinkedHashMap<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (SummaryGroup g : s.groups()) {
      StringJoiner name = new StringJoiner(", ");
      for (int o = 0; o < s.groupKeys().size(); o++) {
        if (o != k) {
          name.add(s.groupKeys().get(o) + "=" + SummaryFiles.text(g.values().get(o)));
        }
      }
      String label = name.length() == 0 ? metric : name.toString();
      List<ErrorBarChart.Point> points = series.computeIfAbsent(label, l -> new ArrayList<>());
      MetricStats m = g.metrics().get(metric);
      double x = g.values().get(k).asDouble();
      min = Math.min(min, x);
      max = Math.max(max, x);
      if (m != null) {
        points.add(new ErrorBarChart.Point(x, m.mean(), m.n() > 1 ? m.std() : Double.NaN));
      }
    }
    List<ErrorBarChart.Series> list = new ArrayList<>();
    series.forEach((name, points) -> list.add(new ErrorBarChart.Series(name, points.stream()
        .sorted(Comparator.comparingDouble(ErrorBarChart.Point::x)).toList())));
    boolean log = min > 0 && max / min >= 100;
    String key = s.groupKeys().get(k);
    return new ErrorBarChart(metric + " over " + key, key + (log ? " (log scale)" : ""), metric,
        log, list);
  }

  /** A unique, file-safe figure name from the key and metric. */
  private static String stem(int k, int m, String key, String metric) {
    String name = String.format(Locale.ROOT, "%02d-%02d-", k + 1, m + 1)
        + (key + "-" + metric).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    return name.length() > 80 ? name.substring(0, 80) : name;
  }
}
