package io.sharcs.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker protocol on both sides: {@link SweepWorker#serve} runs requests one after another
 * with their output in their logs and stops after a failed run; {@link WorkerProcess} reads the
 * exit code, passes other output on to the run's log, and tells a worker that ended mid-run.
 */
class SweepWorkerTest {

  @TempDir Path dir;

  @Test
  void runsRequestsInTurnWithOutputInTheirLogsAndStopsAfterAFailure() throws Exception {
    Path log1 = dir.resolve("a.log");
    Path log2 = dir.resolve("b.log");
    Path log3 = dir.resolve("c.log");
    String input = String.join("\n",
        new SweepWorker.Request(log1, List.of("run", "one")).line(),
        new SweepWorker.Request(log2, List.of("run", "two", "--set", "x=\"a b\"")).line(),
        new SweepWorker.Request(log3, List.of("run", "three")).line()) + "\n";
    List<List<String>> executed = new ArrayList<>();
    PrintStream console = System.out;
    ByteArrayOutputStream replies = new ByteArrayOutputStream();

    int code = SweepWorker.serve(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(replies, true, StandardCharsets.UTF_8),
        (args, out, err) -> {
          executed.add(List.of(args));
          out.println("progress of " + args[1]);
          System.out.println("a library printing");
          err.println("sharcs: bad " + args[1]);
          return args[1].equals("two") ? 2 : 0;
        });

    assertThat(code).isZero();
    assertThat(System.out).isSameAs(console);
    // The third request is not run: the worker of a failed run ends.
    assertThat(executed).containsExactly(
        List.of("run", "one"), List.of("run", "two", "--set", "x=\"a b\""));
    assertThat(replies.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(SweepWorker.DONE + "0", SweepWorker.DONE + "2");
    long pid = ProcessHandle.current().pid();
    assertThat(Files.readAllLines(log1)).containsExactly(
        "sweep worker " + pid + ": run 1 in this JVM", "progress of one", "a library printing",
        "sharcs: bad one");
    assertThat(Files.readAllLines(log2)).startsWith("sweep worker " + pid + ": run 2 in this JVM");
    assertThat(log3).doesNotExist();
  }

  @Test
  void aRequestThatIsNotJsonEndsTheWorkerWithOneLine() {
    ByteArrayOutputStream replies = new ByteArrayOutputStream();
    int code = SweepWorker.serve(
        new ByteArrayInputStream("run x\n".getBytes(StandardCharsets.UTF_8)),
        new PrintStream(replies, true, StandardCharsets.UTF_8),
        (args, out, err) -> {
          throw new AssertionError("not a request");
        });
    assertThat(code).isEqualTo(1);
    assertThat(replies.toString(StandardCharsets.UTF_8)).startsWith("sharcs: sweep worker: ");
  }

  @Test
  void theSweepSideReadsTheCodePassesOtherOutputOnAndNoticesAWorkerThatEnded()
      throws Exception {
    // A stand-in worker: answers the first request after printing a native message, and dies
    // (exit 3) on the second.
    String script = "read r; echo 'native: a warning'; echo '" + SweepWorker.DONE + "0';"
        + " read r; echo 'native: crashing' >&2; exit 3";
    ChildProcesses children = new ChildProcesses();
    try {
      WorkerProcess worker =
          WorkerProcess.start(new ProcessBuilder("sh", "-c", script), children);
      Path log1 = dir.resolve("one.log");
      Path log2 = dir.resolve("two.log");
      assertThat(worker.run(new SweepWorker.Request(log1, List.of("run")))).hasValue(0);
      assertThat(Files.readAllLines(log1)).containsExactly("native: a warning");
      OptionalInt second = worker.run(new SweepWorker.Request(log2, List.of("run")));
      assertThat(second).isEmpty();
      assertThat(Files.readAllLines(log2)).containsExactly("native: crashing");
      assertThat(worker.exitCode()).isEqualTo(3);
      worker.close();
    } finally {
      children.stopAll();
      children.close();
    }
  }

  @Test
  @Timeout(20)
  void aWorkerThatAnswersNonsenseIsEndedInsteadOfWaitedFor() throws Exception {
    String script = "read r; echo '" + SweepWorker.DONE + "soon'; exec sleep 600";
    ChildProcesses children = new ChildProcesses();
    try {
      WorkerProcess worker =
          WorkerProcess.start(new ProcessBuilder("sh", "-c", script), children);
      assertThat(worker.run(new SweepWorker.Request(dir.resolve("x.log"), List.of("run"))))
          .isEmpty();
      assertThat(worker.exitCode()).isNotZero();
      worker.close();
    } finally {
      children.stopAll();
      children.close();
    }
  }
}
