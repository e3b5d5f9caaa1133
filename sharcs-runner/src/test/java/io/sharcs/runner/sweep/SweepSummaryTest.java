package io.sharcs.runner.sweep;

import static io.sharcs.runner.sweep.SweepFixtures.key;
import static io.sharcs.runner.sweep.SweepFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mean, sample standard deviation and n per group, and the four summary files. */
class SweepSummaryTest {

  @TempDir Path work;

  @Test
  void meanSampleStandardDeviationAndN() {
    MetricStats s = MetricStats.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));
    assertThat(s.mean()).isEqualTo(5.0);
    assertThat(s.std()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-15));
    assertThat(s.n()).isEqualTo(8);

    assertThat(MetricStats.of(List.of(0.75))).isEqualTo(new MetricStats(0.75, 0, 1));
    assertThat(MetricStats.of(List.of(1.0, 1.0)).std()).isZero();
  }

  @Test
  void groupsAreTheOtherKeysInGridOrderAndFailedRunsAreLeftOut() {
    SweepPlan plan = plan(key("training.lambda", "1", "0.1"), key("mode", "sharcs", "multi-cbm"),
        key("seed", "0", "4"));
    Map<String, SortedMap<String, Double>> metrics = new HashMap<>();
    double x = 0;
    for (PlannedRun r : plan.runs()) {
      x += 1;
      if (!r.name().equals("lambda-0.1/sharcs/seed-4")) { // failed
        metrics.put(r.name(), new TreeMap<>(Map.of("accuracy.test", x, "b.other", 10 * x)));
      }
    }
    // Only one run of the first group has this metric.
    metrics.get("lambda-1/sharcs/seed-0").put("a.only_once", 3.0);

    SweepSummary s = SweepSummary.of(plan, metrics);

    assertThat(s.keys()).containsExactly("training.lambda", "mode", "seed");
    assertThat(s.groupKeys()).containsExactly("training.lambda", "mode");
    assertThat(s.planned()).isEqualTo(8);
    assertThat(s.complete()).isEqualTo(7);
    assertThat(s.groups()).extracting(SummaryGroup::values).containsExactly(
        List.of(yaml("1"), yaml("sharcs")), List.of(yaml("1"), yaml("multi-cbm")),
        List.of(yaml("0.1"), yaml("sharcs")), List.of(yaml("0.1"), yaml("multi-cbm")));
    SummaryGroup first = s.groups().get(0);
    assertThat(first.runs()).containsExactly("lambda-1/sharcs/seed-0", "lambda-1/sharcs/seed-4");
    assertThat(first.metrics().keySet()).containsExactly("a.only_once", "accuracy.test", "b.other");
    assertThat(first.metrics().get("accuracy.test"))
        .isEqualTo(new MetricStats(1.5, Math.sqrt(0.5), 2));
    assertThat(first.metrics().get("a.only_once")).isEqualTo(new MetricStats(3, 0, 1));
    SummaryGroup third = s.groups().get(2);
    assertThat(third.planned()).isEqualTo(2);
    assertThat(third.runs()).containsExactly("lambda-0.1/sharcs/seed-0");
    assertThat(third.metrics().get("b.other")).isEqualTo(new MetricStats(50, 0, 1));
  }

  @Test
  void aSweepOfSeedsAloneIsOneGroup() {
    SweepPlan plan = plan(key("seed", "0", "4", "13"));
    Map<String, SortedMap<String, Double>> metrics = new HashMap<>();
    metrics.put("sharcs/seed-0", new TreeMap<>(Map.of("accuracy.test", 0.5)));
    metrics.put("sharcs/seed-4", new TreeMap<>(Map.of("accuracy.test", 0.75)));
    metrics.put("sharcs/seed-13", new TreeMap<>(Map.of("accuracy.test", 1.0)));
    SweepSummary s = SweepSummary.of(plan, metrics);
    assertThat(s.groups()).singleElement().satisfies(g -> {
      assertThat(g.values()).isEmpty();
      assertThat(g.metrics().get("accuracy.test")).isEqualTo(new MetricStats(0.75, 0.25, 3));
    });
    assertThat(SummaryFiles.markdown(s)).contains(
        "| group | n | accuracy.test |\n|---|---:|---:|\n| all | 3 | 0.7500 ± 0.2500 |\n");
  }

  @Test
  void theFilesHoldEveryMetricAndTheMarkdownTheHeadlines() throws Exception {
    SweepPlan plan = plan(key("mode", "sharcs", "multi-cbm"), key("seed", "0", "4"));
    Map<String, SortedMap<String, Double>> metrics = new HashMap<>();
    for (PlannedRun r : plan.runs()) {
      if (r.name().equals("multi-cbm/seed-4")) {
        continue;
      }
      double v = r.name().startsWith("sharcs") ? 0.9 : 0.6;
      double seed = r.name().endsWith("seed-4") ? 0.1 : 0;
      metrics.put(r.name(), new TreeMap<>(Map.of(
          "accuracy.test", v + seed, "accuracy.train", 1.0,
          "missing_modality_accuracy.graph", v, "completeness.combined", 0.99,
          "completeness.combined.depth5", 0.5, "timing.total_seconds", 2.0)));
    }
    SweepSummary summary = SweepSummary.of(plan, metrics);
    SummaryFiles.write(summary, work.resolve("out"));

    try (Stream<Path> files = Files.list(work.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("summary.json", "summary.csv", "summary.md", "summary.html");
    }
    assertThat(Files.readString(work.resolve("out/summary.md"))).isEqualTo("""
        # Sweep summary: exp

        3 of 4 runs complete. Mean ± sample standard deviation over the complete runs of each\
         group; n runs. Every metric: `summary.csv`, `summary.json`.

        | mode | n | accuracy.test | missing_modality_accuracy.graph | completeness.combined\
         | timing.total_seconds |
        |---|---:|---:|---:|---:|---:|
        | sharcs | 2 | 0.9500 ± 0.0707 | 0.9000 ± 0.0000 | 0.9900 ± 0.0000 | 2.0000 ± 0.0000 |
        | multi-cbm | 1 of 2 | 0.6000 ± 0.0000 | 0.6000 ± 0.0000 | 0.9900 ± 0.0000\
         | 2.0000 ± 0.0000 |
        """);
    List<String> csv = Files.readAllLines(work.resolve("out/summary.csv"));
    assertThat(csv).hasSize(1 + 2 * 6);
    assertThat(csv.get(0)).isEqualTo("mode,metric,mean,std,n");
    assertThat(csv.get(1)).startsWith("sharcs,accuracy.test,0.95,0.070710678118654").endsWith(",2");
    assertThat(csv).contains("multi-cbm,completeness.combined.depth5,0.5,0.0,1");

    var json = SweepFixtures.json(work.resolve("out/summary.json"));
    assertThat(json.get("experiment").asText()).isEqualTo("exp");
    assertThat(json.get("runs_planned").asInt()).isEqualTo(4);
    assertThat(json.get("runs_complete").asInt()).isEqualTo(3);
    assertThat(json.at("/groups/1/values/mode").asText()).isEqualTo("multi-cbm");
    assertThat(json.at("/groups/1/runs").toString()).isEqualTo("[\"multi-cbm/seed-0\"]");
    assertThat(json.at("/groups/0/metrics/accuracy.test/mean").asDouble()).isEqualTo(0.95);
    assertThat(json.at("/groups/0/metrics/accuracy.test/n").asInt()).isEqualTo(2);
    assertThat(json.at("/groups/0/metrics").size()).isEqualTo(6);
  }

  /** A plan of the given keys, every run pending, mode sharcs unless swept, folders as named. */
  private SweepPlan plan(SweepKey... keys) {
    SweepGrid grid = SweepGrid.expand(List.of(keys), "exp.yaml");
    List<PlannedRun> runs = new ArrayList<>();
    for (GridPoint p : grid.points()) {
      String mode = "sharcs";
      long seed = 0;
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].isMode()) {
          mode = p.values().get(i).asText();
        } else if (keys[i].isSeed()) {
          seed = p.values().get(i).asLong();
        }
      }
      String name = grid.folder(p, mode, seed);
      runs.add(new PlannedRun(p, name, work.resolve(name), yaml("{}"), false));
    }
    return new SweepPlan("exp", work, List.of(keys), runs);
  }
}
