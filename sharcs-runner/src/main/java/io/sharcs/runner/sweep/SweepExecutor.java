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
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the pending runs of a {@link SweepPlan}, each in its own child JVM ({@code sharcs run
 * EXPERIMENT --out <run folder> --set ...}), at most {@code jobs} at a time. DJL's random
 * generator and gradient collector are JVM-global, so two runs never share a JVM; with one child
 * per run, every run is the same whatever {@code --jobs} is. A child's output goes to {@value
 * #LOG} in its run folder; one progress line per finished run goes to {@code out}.
 */
final class SweepExecutor {

  /** The child's output (stdout and stderr) in its run folder. */
  static final String LOG = "run.log";
  /** The headline metric on progress lines. */
  private static final String HEADLINE = "accuracy.test";

  private final ChildJvm jvm;
  private final Path workingDirectory;
  private final PrintStream out;
  private final int jobs;
  private final List<String> globalOptions;

  /**
   * @param jvm how children are started
   * @param workingDirectory the children's working directory
   * @param out where progress lines go
   * @param jobs the number of runs at a time, >= 1
   * @param globalOptions options every child's command line gets besides the run's own (the
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
   * @param experiment the experiment file as the user named it (children share the working
   *     directory)
   * @param sets the user's {@code --set} options
   * @return one outcome per planned run, in grid order
   */
  List<RunOutcome> run(SweepPlan plan, String experiment, List<String> sets) {
    int total = plan.runs().size();
    AtomicInteger finished = new AtomicInteger();
    List<RunOutcome> outcomes = new ArrayList<>();
    List<Future<RunOutcome>> futures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "sharcs-sweep");
      t.setDaemon(true);
      return t;
    });
    ChildProcesses children = new ChildProcesses();
    try {
      for (PlannedRun r : plan.runs()) {
        if (r.complete()) {
          SortedMap<String, Double> metrics = RunMetrics.read(r.folder())
              .orElseThrow(() -> new UncheckedIOException(
                  new IOException("cannot read " + r.folder().resolve(RunFolder.METRICS))));
          progress(finished.incrementAndGet(), total, r.name(), "already complete", metrics);
          futures.add(CompletableFuture.completedFuture(
              new RunOutcome(r, RunOutcome.Status.SKIPPED, 0, metrics, null, null)));
        } else {
          futures.add(pool.submit(() -> {
            RunOutcome o = runOne(r, experiment, sets, children);
            report(o, finished.incrementAndGet(), total);
            return o;
          }));
        }
      }
      for (Future<RunOutcome> f : futures) {
        outcomes.add(f.get());
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
    return outcomes;
  }

  private RunOutcome runOne(
      PlannedRun run, String experiment, List<String> sets, ChildProcesses children)
      throws InterruptedException {
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
    ProcessBuilder builder = new ProcessBuilder(jvm.command(args))
        .directory(workingDirectory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    if (children.stopping()) {
      return cancelled(run);
    }
    long start = System.nanoTime();
    Process p;
    try {
      Files.createDirectories(run.folder());
      p = children.start(builder);
    } catch (IOException e) {
      return failed(run, 0, "cannot start the run: " + e, log);
    }
    if (p == null) {
      return cancelled(run);
    }
    int code;
    try {
      p.getOutputStream().close();
      code = p.waitFor();
    } catch (IOException e) {
      code = p.waitFor();
    } catch (InterruptedException e) {
      p.destroy(); // untracked from here on: stop it now
      throw e;
    } finally {
      children.finished(p);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (code != 0) {
      String reason = children.stopping() ? "stopped with the sweep"
          : errorLine(log).orElse("exit code " + code);
      return failed(run, seconds, reason, log);
    }
    FolderState state = FolderState.of(run.folder(), run.config());
    if (state.kind() != FolderState.Kind.SAME) {
      return failed(run, seconds, "finished, but its run folder does not hold this grid point's"
          + " result" + (state.difference() == null ? "" : " (" + state.difference() + ")"), log);
    }
    SortedMap<String, Double> metrics = RunMetrics.read(run.folder()).orElseThrow();
    return new RunOutcome(run, RunOutcome.Status.DONE, seconds, metrics, null, log);
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
