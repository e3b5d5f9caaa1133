package io.sharcs.runner.sweep;

import io.sharcs.runner.run.RunFolder;
import io.sharcs.runner.run.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the pending runs of a {@link SweepPlan} in at most {@code jobs} worker JVMs at a time
 * ({@link SweepWorker}), each worker taking the next pending run when it is free: the one expected
 * to take longest ({@link RunQueue}), so the sweep does not end on one long run.
 * DJL's random generator and gradient collector are JVM-global, so two runs never share a JVM at
 * the same time; one after the other they do, and every run seeds and builds everything itself,
 * so a run's metrics do not depend on {@code --jobs} or on the runs before it in its worker. A
 * run's output goes to {@value #LOG} in its run folder; one progress line per finished run goes to
 * {@code out}. A worker whose run failed is ended and the next run gets a fresh one.
 */
final class SweepExecutor {

  /** The run's output (stdout and stderr) in its run folder. */
  static final String LOG = "run.log";
  /** The headline metric on progress lines. */
  private static final String HEADLINE = "accuracy.test";

  private final ChildJvm jvm;
  private final Path workingDirectory;
  private final PrintStream out;
  private final int jobs;
  private final List<String> globalOptions;

  /**
   * @param jvm how workers are started
   * @param workingDirectory the workers' working directory
   * @param out where progress lines go
   * @param jobs the number of runs at a time, >= 1
   * @param globalOptions options every run's command line gets besides the run's own (the
   *     sweep's {@code --plugin-path} folders)
   */
  SweepExecutor(ChildJvm jvm, Path workingDirectory, PrintStream out, int jobs,
      List<String> globalOptions) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs " + jobs);
    }
    this.jvm = jvm;
    this.workingDirectory = workingDirectory;
    this.out = out;
    this.jobs = jobs;
    this.globalOptions = List.copyOf(globalOptions);
  }

  /**
   * Runs every pending run; a failed run does not stop the others.
   *
   * @param plan the validated sweep
   * @param experiment the experiment file as the user named it (workers share the working
   *     directory)
   * @param sets the user's {@code --set} options
   * @return one outcome per planned run, in grid order
   */
  List<RunOutcome> run(SweepPlan plan, String experiment, List<String> sets) {
    int total = plan.runs().size();
    AtomicInteger finished = new AtomicInteger();
    RunOutcome[] outcomes = new RunOutcome[total];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      PlannedRun r = plan.runs().get(i);
      if (r.complete()) {
        SortedMap<String, Double> metrics = RunMetrics.read(r.folder())
            .orElseThrow(() -> new UncheckedIOException(
                new IOException("cannot read " + r.folder().resolve(RunFolder.METRICS))));
        progress(finished.incrementAndGet(), total, r.name(), "already complete", metrics);
        outcomes[i] = new RunOutcome(r, RunOutcome.Status.SKIPPED, 0, metrics, null, null);
      } else {
        pending.add(i);
      }
    }
    int lanes = Math.max(1, Math.min(jobs, pending.size()));
    RunQueue queue =
        new RunQueue(plan.runs().stream().map(r -> r.point().group()).toList(), pending);
    ExecutorService pool = Executors.newFixedThreadPool(lanes, r -> {
      Thread t = new Thread(r, "sharcs-sweep");
      t.setDaemon(true);
      return t;
    });
    ChildProcesses children = new ChildProcesses();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int lane = 0; lane < lanes; lane++) {
        futures.add(pool.submit(() -> {
          lane(plan, queue, outcomes, experiment, sets, children, finished);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the runs", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re
          : new IllegalStateException(e.getCause());
    } finally {
      // Normally nothing is left; after an unexpected failure no child may outlive the sweep.
      pool.shutdownNow();
      children.stopAll();
      children.close();
    }
    return List.of(outcomes);
  }

  /** One worker's share: the next pending run until none is left. */
  private void lane(SweepPlan plan, RunQueue queue, RunOutcome[] outcomes,
      String experiment, List<String> sets, ChildProcesses children, AtomicInteger finished)
      throws InterruptedException {
    WorkerProcess worker = null;
    boolean warm = false;
    try {
      for (Integer i = queue.next(); i != null; i = queue.next()) {
        PlannedRun run = plan.runs().get(i);
        if (children.stopping()) {
          outcomes[i] = cancelled(run);
          continue;
        }
        if (worker == null) {
          try {
            worker = WorkerProcess.start(new ProcessBuilder(jvm.command(
                List.of(SweepWorker.ARGUMENT))).directory(workingDirectory.toFile()), children);
          } catch (IOException e) {
            outcomes[i] = failed(run, 0, "cannot start the run: " + e, run.folder().resolve(LOG));
            report(outcomes[i], finished.incrementAndGet(), plan.runs().size());
            continue;
          }
          if (worker == null) {
            outcomes[i] = cancelled(run);
            continue;
          }
          warm = false;
        }
        Attempt attempt = runOne(worker, run, experiment, sets, children);
        outcomes[i] = attempt.outcome();
        if (outcomes[i].status() == RunOutcome.Status.DONE) {
          queue.finished(i, outcomes[i].seconds(), warm);
        }
        warm = true;
        report(outcomes[i], finished.incrementAndGet(), plan.runs().size());
        if (!attempt.workerUsable()) {
          // A failed run's worker ends: nothing it left half-done reaches the next run.
          worker.close();
          worker = null;
        }
      }
    } finally {
      if (worker != null) {
        worker.close();
      }
    }
  }

  /** A run's outcome and whether its worker may take the next run. */
  private record Attempt(RunOutcome outcome, boolean workerUsable) {}

  private Attempt runOne(WorkerProcess worker, PlannedRun run, String experiment,
      List<String> sets, ChildProcesses children) throws InterruptedException {
    Path log = run.folder().resolve(LOG);
    List<String> args = new ArrayList<>(List.of(
        "run", experiment, "--out", run.folder().toString(), jvm.verboseOption()));
    args.addAll(globalOptions);
    for (String s : sets) {
      args.add("--set");
      args.add(s);
    }
    for (String s : run.point().sets()) {
      args.add("--set");
      args.add(s);
    }
    long start = System.nanoTime();
    OptionalInt code;
    try {
      Files.createDirectories(run.folder());
    } catch (IOException e) {
      return new Attempt(failed(run, 0, "cannot create its run folder: " + e, log), true);
    }
    try {
      code = worker.run(new SweepWorker.Request(log, args));
    } catch (IOException e) {
      return new Attempt(failed(run, (System.nanoTime() - start) / 1e9,
          "lost its worker JVM: " + e, log), false);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (code.isEmpty()) {
      String reason = children.stopping() ? "stopped with the sweep"
          : errorLine(log).orElse("its JVM ended with exit code " + worker.exitCode());
      return new Attempt(failed(run, seconds, reason, log), false);
    }
    if (code.getAsInt() != 0) {
      String reason = children.stopping() ? "stopped with the sweep"
          : errorLine(log).orElse("exit code " + code.getAsInt());
      return new Attempt(failed(run, seconds, reason, log), false);
    }
    FolderState state = FolderState.of(run.folder(), run.config());
    if (state.kind() != FolderState.Kind.SAME) {
      return new Attempt(failed(run, seconds, "finished, but its run folder does not hold this"
          + " grid point's result"
          + (state.difference() == null ? "" : " (" + state.difference() + ")"), log), true);
    }
    SortedMap<String, Double> metrics = RunMetrics.read(run.folder()).orElseThrow();
    return new Attempt(new RunOutcome(run, RunOutcome.Status.DONE, seconds, metrics, null, log),
        true);
  }

  private static RunOutcome cancelled(PlannedRun run) {
    return new RunOutcome(
        run, RunOutcome.Status.CANCELLED, 0, null, "not started, the sweep was stopped", null);
  }

  private static RunOutcome failed(PlannedRun run, double seconds, String reason, Path log) {
    return new RunOutcome(run, RunOutcome.Status.FAILED, seconds, null, reason, log);
  }

  /** The child's one error line ({@code sharcs: ...}), the last one in its log. */
  private static Optional<String> errorLine(Path log) {
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.startsWith("sharcs: ")).reduce((a, b) -> b)
          .map(l -> l.substring("sharcs: ".length()));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private void report(RunOutcome o, int index, int total) {
    if (o.status() == RunOutcome.Status.CANCELLED) {
      return;
    }
    if (o.complete()) {
      progress(index, total, o.run().name(),
          String.format(Locale.ROOT, "done in %.1f s", o.seconds()), o.metrics());
    } else {
      line(String.format(Locale.ROOT, "[%d/%d] %s FAILED after %.1f s: %s (log %s)", index, total,
          o.run().name(), o.seconds(), o.reason(),
          RunSummary.display(o.log(), workingDirectory)));
    }
  }

  private void progress(
      int index, int total, String name, String what, SortedMap<String, Double> metrics) {
    Double headline = metrics.get(HEADLINE);
    line(String.format(Locale.ROOT, "[%d/%d] %s %s%s", index, total, name, what,
        headline == null ? "" : "  " + HEADLINE + "=" + RunSummary.format(headline)));
  }

  private void line(String text) {
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }
}
