package io.sharcs.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staging folders left by killed runs: those of ended processes are removed (by {@code sharcs
 * run} with one line), never those of live ones; a reused pid is told apart by its start time.
 */
class StaleStagingTest {

  @TempDir Path work;
  private Process sleeper;
  private Process otherSleeper;

  @AfterEach
  void stopSleepers() {
    for (Process p : new Process[] {sleeper, otherSleeper}) {
      if (p != null) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void theOwnerFileRecordsThisProcessAndIsNotCommitted() throws Exception {
    Path target = work.resolve("seed-0");
    RunFolder folder = RunFolder.stage(target);
    ProcessHandle self = ProcessHandle.current();
    assertThat(folder.staging().resolve(RunFolder.OWNER)).hasContent(
        self.pid() + " " + self.info().startInstant().orElseThrow().toEpochMilli());
    assertThat(RunFolder.removeStale(target)).isEmpty();
    Fixtures.write(folder.staging(), "metrics.json", "{}");
    folder.commit();
    assertThat(target.resolve(RunFolder.OWNER)).doesNotExist();
    assertThat(target.resolve("metrics.json")).exists();
  }

  @Test
  void removesOnlyTheStagingFoldersOfEndedProcesses() throws Exception {
    Path target = work.resolve("runs/a/seed-0");
    long dead = deadPid();
    sleeper = new ProcessBuilder("sleep", "60").start();
    long live = sleeper.pid();
    Path ofDead = staging(target, dead, "1");
    Path ofLive = staging(target, live, start(sleeper));
    otherSleeper = new ProcessBuilder("sleep", "60").start();
    Path ofLiveNoOwner = Files.createDirectories(
        target.resolveSibling(".seed-0.staging-" + otherSleeper.pid()));
    Path notAPid = Files.createDirectories(target.resolveSibling(".seed-0.staging-x1"));
    Path otherRun = staging(target.resolveSibling("seed-1"), dead, "1");

    assertThat(RunFolder.removeStale(target)).containsExactly(ofDead);
    assertThat(ofLive).isDirectory();
    assertThat(ofLiveNoOwner).isDirectory();
    assertThat(notAPid).isDirectory();
    assertThat(otherRun).isDirectory();
  }

  @Test
  void aLivePidStartedAtAnotherTimeIsAReusedPid() throws Exception {
    Path target = work.resolve("seed-0");
    sleeper = new ProcessBuilder("sleep", "60").start();
    long start = Long.parseLong(start(sleeper));
    Path reused = staging(target, sleeper.pid(), Long.toString(start - 3_600_000));
    assertThat(RunFolder.removeStale(target)).containsExactly(reused);
    Path live = staging(target, sleeper.pid(), start(sleeper));
    assertThat(RunFolder.removeStale(target)).isEmpty();
    assertThat(live).isDirectory();
  }

  @Test
  void aRunOverTheSameFolderRemovesStaleStagingAndSaysSoInOneLine() throws Exception {
    Fixtures.write(work.resolve("examples"), "exp.yaml", Fixtures.EXPERIMENT);
    Path run = work.resolve("runs/xor-and-xor/sharcs/seed-0");
    Path stale = staging(run, deadPid(), Long.toString(Instant.now().toEpochMilli()));
    Fixtures.write(stale, "config.resolved.yaml", "half written");

    Fixtures.CliResult r = Fixtures.cli(Fixtures.env(work, Fixtures.fakeTraining()),
        "run", "examples/exp.yaml", "--set", "training.epochs=1");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.outLines()).filteredOn(l -> l.startsWith("removed ")).containsExactly(
        "removed 1 stale staging folder of killed runs: runs/xor-and-xor/sharcs/"
            + stale.getFileName());
    assertThat(stale).doesNotExist();
    try (var siblings = Files.list(run.getParent())) {
      assertThat(siblings).containsExactly(run);
    }
  }

  /** A staging folder of {@code target} for process {@code pid}, with an owner file. */
  private static Path staging(Path target, long pid, String start) throws Exception {
    Path dir = Files.createDirectories(
        target.resolveSibling("." + target.getFileName() + ".staging-" + pid));
    Files.writeString(dir.resolve(RunFolder.OWNER), pid + " " + start + "\n");
    return dir;
  }

  private static String start(Process p) {
    return Long.toString(p.info().startInstant().orElseThrow().toEpochMilli());
  }

  /** The pid of a process that has ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    long pid = p.pid();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(
        java.util.Optional.of(true));
    return pid;
  }
}
