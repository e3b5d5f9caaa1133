package io.sharcs.runner.sweep;

import static io.sharcs.runner.sweep.SweepFixtures.TINY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real sweeps of a tiny experiment, every run in a child JVM with the test class path: resume
 * (nothing redone, the same summary), a half-written run redone alone, parallel runs equal to
 * serial ones, and a failing run that does not stop the others. Few runs: each is a JVM start.
 */
@Tag("slow")
class SweepRunTest {

  private static final String EXPERIMENT = TINY + "sweep: {seed: [0, 1]}\n";

  @TempDir Path work;

  @Test
  void aSweepResumesWithoutRedoingRunsAndParallelRunsEqualSerialOnes() throws Exception {
    Fixtures.write(work, "exp.yaml", EXPERIMENT);
    Path sweep = work.resolve("runs/tiny");

    Fixtures.CliResult first = sweep("--jobs", "2");
    assertThat(first.err()).isEmpty();
    assertThat(first.code()).isZero();
    assertThat(first.outLines().get(0)).isEqualTo("tiny: sweep of 2 runs (seed) -> runs/tiny;"
        + " 0 already complete, 2 to run, 2 at a time");
    assertThat(first.outLines()).filteredOn(l -> l.matches("\\[[12]/2] sharcs/seed-[01] done in"
        + " \\d+\\.\\d s  accuracy\\.test=[0-9.]+")).hasSize(2);
    Path seed0 = sweep.resolve("sharcs/seed-0");
    Path seed1 = sweep.resolve("sharcs/seed-1");
    assertThat(seed0.resolve("run.log")).content().contains("epoch 3/3");
    assertThat(seed1.resolve("config.resolved.yaml")).content().contains("seed: 1", "epochs: 3");
    FileTime time0 = Files.getLastModifiedTime(seed0.resolve("metrics.json"));
    FileTime time1 = Files.getLastModifiedTime(seed1.resolve("metrics.json"));
    Map<String, String> summaries = summaries(sweep);
    JsonNode summary = SweepFixtures.json(sweep.resolve("summary.json"));
    assertThat(summary.at("/groups/0/metrics/accuracy.test/n").asInt()).isEqualTo(2);
    JsonNode metrics1 = SweepFixtures.json(seed1.resolve("metrics.json"));

    Fixtures.CliResult again = sweep();
    assertThat(again.code()).isZero();
    assertThat(again.outLines()).startsWith(
        "tiny: sweep of 2 runs (seed) -> runs/tiny; 2 already complete, 0 to run, 1 at a time");
    assertThat(again.outLines()).filteredOn(l -> l.contains("already complete  accuracy.test="))
        .hasSize(2);
    assertThat(Files.getLastModifiedTime(seed0.resolve("metrics.json"))).isEqualTo(time0);
    assertThat(Files.getLastModifiedTime(seed1.resolve("metrics.json"))).isEqualTo(time1);
    assertThat(summaries(sweep)).isEqualTo(summaries);

    // A run killed before its commit leaves no metrics.json: only that run is redone.
    Files.delete(seed1.resolve("metrics.json"));
    Fixtures.CliResult resumed = sweep();
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.outLines()).anyMatch(l -> l.startsWith("[1/2] sharcs/seed-0 already"))
        .anyMatch(l -> l.startsWith("[2/2] sharcs/seed-1 done in"));
    assertThat(Files.getLastModifiedTime(seed0.resolve("metrics.json"))).isEqualTo(time0);
    assertThat(SweepFixtures.withoutTiming(SweepFixtures.json(seed1.resolve("metrics.json"))))
        .isEqualTo(SweepFixtures.withoutTiming(metrics1));
    assertThat(SweepFixtures.withoutTiming(SweepFixtures.json(sweep.resolve("summary.json"))))
        .isEqualTo(SweepFixtures.withoutTiming(summary));

    // The first sweep ran two children at a time; one at a time gives the same metrics.
    assertThat(sweep("--jobs", "1", "--out", "serial").code()).isZero();
    for (String run : List.of("sharcs/seed-0", "sharcs/seed-1")) {
      JsonNode parallel = SweepFixtures.json(sweep.resolve(run).resolve("metrics.json"));
      JsonNode serial = SweepFixtures.json(work.resolve("serial").resolve(run)
          .resolve("metrics.json"));
      assertThat(parallel.size()).isGreaterThan(10);
      assertThat(SweepFixtures.withoutTiming(serial)).as(run).isEqualTo(SweepFixtures.withoutTiming(parallel));
    }
    // One at a time, both runs went to one worker JVM, the second after the first.
    String firstLine = Files.readAllLines(work.resolve("serial/sharcs/seed-0/run.log")).get(0);
    assertThat(firstLine).matches("sweep worker \\d+: run 1 in this JVM");
    assertThat(Files.readAllLines(work.resolve("serial/sharcs/seed-1/run.log")).get(0))
        .isEqualTo(firstLine.replace("run 1", "run 2"));
    // Different seeds really are different runs.
    assertThat(SweepFixtures.withoutTiming(SweepFixtures.json(seed0.resolve("metrics.json"))))
        .isNotEqualTo(SweepFixtures.withoutTiming(SweepFixtures.json(seed1.resolve("metrics.json"))));
  }

  @Test
  void aFailedRunIsReportedWithItsLogAndTheOthersGoOn() throws Exception {
    Fixtures.write(work, "exp.yaml", EXPERIMENT);
    // A directory where the run's metrics.json must go: the run trains, then cannot commit.
    Fixtures.write(work.resolve("runs/tiny/sharcs/seed-0/metrics.json"), "blocker", "");

    Fixtures.CliResult r = sweep("--jobs", "1");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("sharcs: 1 of 2 runs failed (sharcs/seed-0: log"
        + " runs/tiny/sharcs/seed-0/run.log); rerun the sweep to retry them, the others are kept");
    assertThat(r.outLines()).anyMatch(l -> l.matches(
        "\\[1/2] sharcs/seed-0 FAILED after \\d+\\.\\d s: internal error:"
            + " .*cannot move the run into .*"
            + " \\(log runs/tiny/sharcs/seed-0/run\\.log\\)"));
    assertThat(r.outLines()).anyMatch(l -> l.startsWith("[2/2] sharcs/seed-1 done in"));
    assertThat(work.resolve("runs/tiny/sharcs/seed-0/run.log")).content()
        .contains("epoch 3/3", "at io.sharcs.");
    // The failed run's worker ended; the next run had a fresh one.
    assertThat(Files.readAllLines(work.resolve("runs/tiny/sharcs/seed-1/run.log")).get(0))
        .matches("sweep worker \\d+: run 1 in this JVM");
    JsonNode summary = SweepFixtures.json(work.resolve("runs/tiny/summary.json"));
    assertThat(summary.get("runs_complete").asInt()).isEqualTo(1);
    assertThat(summary.at("/groups/0/runs").toString()).isEqualTo("[\"sharcs/seed-1\"]");
  }

  private Fixtures.CliResult sweep(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "sweep";
    args[1] = "exp.yaml";
    System.arraycopy(options, 0, args, 2, options.length);
    return Fixtures.cli(SweepFixtures.env(work), args);
  }

  private static Map<String, String> summaries(Path sweep) {
    Map<String, String> files = Fixtures.snapshot(sweep);
    files.keySet().removeIf(k -> !k.startsWith("summary."));
    assertThat(files).containsOnlyKeys(
        "summary.json", "summary.csv", "summary.md", "summary.html");
    return files;
  }

}
