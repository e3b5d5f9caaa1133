package io.sharcs.runner.sweep;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.runner.config.ConfigMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes a {@link SweepSummary} into the sweep folder, each file atomically (written next to its
 * place, then renamed over it): {@value #JSON} (everything), {@value #CSV} (one row per group and
 * metric), {@value #MARKDOWN} (one row per group with the headline metrics) and {@value #HTML}
 * (that table and the headline metrics plotted over each numeric swept key, see {@link
 * SummaryPage}).
 */
final class SummaryFiles {

  static final String JSON = "summary.json";
  static final String CSV = "summary.csv";
  static final String MARKDOWN = "summary.md";
  static final String HTML = "summary.html";

  /** The metrics of the markdown table, in this order; the full list is in the CSV and JSON. */
  private static final List<Pattern> HEADLINE = List.of(
      Pattern.compile("accuracy\\.test"),
      Pattern.compile("missing_modality_accuracy\\..+"),
      Pattern.compile("completeness(\\..+)?\\.combined"),
      Pattern.compile("timing\\.total_seconds"));

  private SummaryFiles() {}

  /** Writes the four files into {@code folder} (created if needed). */
  static void write(SweepSummary summary, Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder, e);
    }
    writeAtomically(folder.resolve(JSON), json(summary));
    writeAtomically(folder.resolve(CSV), csv(summary));
    writeAtomically(folder.resolve(MARKDOWN), markdown(summary));
    writeAtomically(folder.resolve(HTML), SummaryPage.html(summary));
  }

  static String json(SweepSummary s) {
    ObjectMapper mapper = ConfigMappers.json();
    ObjectNode root = mapper.createObjectNode();
    root.put("experiment", s.experiment());
    s.keys().forEach(root.putArray("swept_keys")::add);
    s.groupKeys().forEach(root.putArray("group_keys")::add);
    root.put("runs_planned", s.planned());
    root.put("runs_complete", s.complete());
    ArrayNode groups = root.putArray("groups");
    for (SummaryGroup g : s.groups()) {
      ObjectNode group = groups.addObject();
      ObjectNode values = group.putObject("values");
      for (int i = 0; i < s.groupKeys().size(); i++) {
        values.set(s.groupKeys().get(i), g.values().get(i));
      }
      group.put("runs_planned", g.planned());
      g.runs().forEach(group.putArray("runs")::add);
      ObjectNode metrics = group.putObject("metrics");
      for (Map.Entry<String, MetricStats> m : g.metrics().entrySet()) {
        ObjectNode stats = metrics.putObject(m.getKey());
        stats.put("mean", m.getValue().mean());
        stats.put("std", m.getValue().std());
        stats.put("n", m.getValue().n());
      }
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String csv(SweepSummary s) {
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(s.groupKeys());
    header.addAll(List.of("metric", "mean", "std", "n"));
    sb.append(csvRow(header));
    for (SummaryGroup g : s.groups()) {
      for (Map.Entry<String, MetricStats> m : g.metrics().entrySet()) {
        List<String> row = new ArrayList<>();
        g.values().forEach(v -> row.add(text(v)));
        row.add(m.getKey());
        row.add(Double.toString(m.getValue().mean()));
        row.add(Double.toString(m.getValue().std()));
        row.add(Integer.toString(m.getValue().n()));
        sb.append(csvRow(row));
      }
    }
    return sb.toString();
  }

  static String markdown(SweepSummary s) {
    List<String> headline = headline(s);
    StringBuilder sb = new StringBuilder();
    sb.append("# Sweep summary: ").append(s.experiment()).append("\n\n");
    sb.append(s.complete()).append(" of ").append(s.planned()).append(" runs complete. ")
        .append("Mean ± sample standard deviation over the complete runs of each group; ")
        .append("n runs. Every metric: `").append(CSV).append("`, `").append(JSON)
        .append("`.\n\n");
    List<String> columns = new ArrayList<>(
        s.groupKeys().isEmpty() ? List.of("group") : s.groupKeys());
    columns.add("n");
    columns.addAll(headline);
    sb.append(mdRow(columns));
    StringJoiner rule = new StringJoiner("|", "|", "|\n");
    for (int i = 0; i < columns.size(); i++) {
      rule.add(i < columns.size() - headline.size() - 1 ? "---" : "---:");
    }
    sb.append(rule);
    for (SummaryGroup g : s.groups()) {
      List<String> row = new ArrayList<>();
      if (s.groupKeys().isEmpty()) {
        row.add("all");
      }
      g.values().forEach(v -> row.add(text(v)));
      row.add(runs(g));
      for (String metric : headline) {
        MetricStats m = g.metrics().get(metric);
        row.add(cell(m));
      }
      sb.append(mdRow(row));
    }
    return sb.toString();
  }

  /** A table cell of a metric: mean ± sd with four decimals, a dash where it is missing. */
  static String cell(MetricStats m) {
    return m == null ? "–" : String.format(Locale.ROOT, "%.4f ± %.4f", m.mean(), m.std());
  }

  /** A group's count of complete runs, with the planned count when some are missing. */
  static String runs(SummaryGroup g) {
    return g.runs().size() + (g.runs().size() == g.planned() ? "" : " of " + g.planned());
  }

  /** The headline metrics present in any group, in {@link #HEADLINE} order, then by name. */
  static List<String> headline(SweepSummary s) {
    TreeSet<String> all = new TreeSet<>();
    s.groups().forEach(g -> all.addAll(g.metrics().keySet()));
    List<String> names = new ArrayList<>();
    for (Pattern p : HEADLINE) {
      for (String n : all) {
        if (p.matcher(n).matches() && !names.contains(n)) {
          names.add(n);
        }
      }
    }
    return names;
  }

  /** A swept value as written: scalars as text, lists and mappings as JSON. */
  static String text(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static String csvRow(List<String> cells) {
    StringJoiner j = new StringJoiner(",", "", "\n");
    for (String c : cells) {
      boolean quote = c.isEmpty()
          || c.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
      j.add(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
    }
    return j.toString();
  }

  private static String mdRow(List<String> cells) {
    StringJoiner j = new StringJoiner(" | ", "| ", " |\n");
    cells.forEach(c -> j.add(c.replace("|", "\\|")));
    return j.toString();
  }

  private static void writeAtomically(Path file, String text) {
    Path tmp = file.resolveSibling(
        "." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, ATOMIC_MOVE, REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
