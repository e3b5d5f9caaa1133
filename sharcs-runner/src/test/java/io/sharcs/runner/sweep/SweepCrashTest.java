package io.sharcs.runner.sweep;

import static io.sharcs.runner.sweep.SweepFixtures.TINY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.cli.SharcsCli;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a sweep: its parent JVM (a real {@code java} process running the CLI) is
 * killed with SIGKILL while two runs train, one of them killed with it (as when a whole process
 * group is killed, or by the OOM killer). The other child must end on its own (its watchdog on
 * the parent) within 5 s; the rerun over the same folder removes the killed run's staging folder,
 * says so, and gives exactly the metrics of an uninterrupted sweep.
 */
@Tag("slow")
class SweepCrashTest {

  private static final String EXPERIMENT = TINY.replace("training: {epochs: 3}",
      "training: {epochs: 60}") + "sweep: {seed: [0, 1, 2]}\n";
  private static final List<String> RUNS =
      List.of("sharcs/seed-0", "sharcs/seed-1", "sharcs/seed-2");

  @TempDir Path work;
  private final List<ProcessHandle> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void childrenDieWithTheirKilledSweepAndTheRerunEqualsAnUninterruptedSweep() throws Exception {
    Fixtures.write(work, "exp.yaml", EXPERIMENT);
    Path sweep = work.resolve("runs/tiny");
    Process parent = new ProcessBuilder(javaCommand("sweep", "exp.yaml", "--jobs", "2"))
        .directory(work.toFile())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("parent.log").toFile())
        .start();
    started.add(parent.toHandle());

    // Both children train: each has its staging folder.
    List<ProcessHandle> children = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (stagingFolders(sweep).size() < 2 || children.size() < 2) {
      assertThat(System.nanoTime()).as("two runs training; parent log:\n%s",
          Files.readString(work.resolve("parent.log"))).isLessThan(deadline);
      assertThat(parent.isAlive()).isTrue();
      TimeUnit.MILLISECONDS.sleep(100);
      children = parent.toHandle().children().toList();
    }
    started.addAll(children);
    List<Path> staged = stagingFolders(sweep);

    // kill -9 of the parent and of one child; the other child is left to its watchdog.
    ProcessHandle killed = children.get(0);
    ProcessHandle orphan = children.get(1);
    parent.destroyForcibly();
    killed.destroyForcibly();
    parent.waitFor();
    long killedAt = System.nanoTime();
    while (orphan.isAlive() && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(5)) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(orphan.isAlive()).as("the orphaned child is alive 5 s after its parent's kill -9")
        .isFalse();
    double orphanSeconds = (System.nanoTime() - killedAt) / 1e9;
    assertThat(killed.isAlive()).isFalse();
    Path killedStaging = staged.stream()
        .filter(p -> p.getFileName().toString().endsWith("-" + killed.pid())).findFirst()
        .orElseThrow();
    assertThat(killedStaging).isDirectory();
    // The orphan removed its own staging folder on its way out.
    assertThat(stagingFolders(sweep)).containsExactly(killedStaging);
    for (String run : RUNS) {
      assertThat(sweep.resolve(run).resolve("metrics.json")).doesNotExist();
    }

    // The rerun over the same folder removes the stale staging folder and redoes every run.
    Fixtures.CliResult rerun = Fixtures.cli(SweepFixtures.env(work),
        "sweep", "exp.yaml", "--jobs", "2");
    assertThat(rerun.code()).as(rerun.err()).isZero();
    assertThat(rerun.outLines()).filteredOn(l -> l.startsWith("removed ")).containsExactly(
        "removed 1 stale staging folder of killed runs: "
            + work.relativize(killedStaging));
    assertThat(stagingFolders(sweep)).isEmpty();

    Fixtures.CliResult reference = Fixtures.cli(SweepFixtures.env(work),
        "sweep", "exp.yaml", "--jobs", "2", "--out", "reference");
    assertThat(reference.code()).as(reference.err()).isZero();
    int compared = 0;
    int values = 0;
    for (String run : RUNS) {
      JsonNode resumed = SweepFixtures.withoutTiming(SweepFixtures.json(sweep.resolve(run)
          .resolve("metrics.json")));
      JsonNode uninterrupted = SweepFixtures.withoutTiming(SweepFixtures.json(work.resolve("reference")
          .resolve(run).resolve("metrics.json")));
      assertThat(resumed.size()).isGreaterThan(20);
      assertThat(resumed).as(run).isEqualTo(uninterrupted);
      compared++;
      values += resumed.size();
    }
    assertThat(compared).isEqualTo(3);
    System.out.printf(java.util.Locale.ROOT, "kill -9: the orphaned child ended %.1f s after its"
        + " parent; %d runs compared, %d non-timing metrics, all equal%n", orphanSeconds, compared,
        values);
  }

  /** {@code java -cp <this class path> SharcsCli <args>}. */
  private static List<String> javaCommand(String... args) {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", absoluteClassPath(), SharcsCli.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(Path.of(e).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Every staging folder below {@code sweep}. */
  private static List<Path> stagingFolders(Path sweep) throws Exception {
    if (!Files.isDirectory(sweep)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(sweep, 2)) {
      return s.filter(p -> p.getFileName().toString().matches("\\.seed-\\d\\.staging-\\d+"))
          .sorted().toList();
    }
  }

}
