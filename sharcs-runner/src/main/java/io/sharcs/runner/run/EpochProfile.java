package io.sharcs.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.core.train.EpochListener;
import io.sharcs.core.train.EpochReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code sharcs run --profile-epoch N}: records the PyTorch engine's operations during training
 * epoch N (its training steps only: the per-epoch test pass runs after the epoch's report) with
 * PyTorch's profiler, and writes into the run folder
 *
 * <ul>
 *   <li>{@code profile/epoch-N.trace.json}: the profiler's trace (Chrome trace format; open it in
 *       {@code chrome://tracing} or Perfetto);
 *   <li>{@code profile/epoch-N-ops.csv}: per operation name, how often it ran at top level (not
 *       inside another recorded operation: what the Java side asked the engine for) per training
 *       step, and its native time per step.
 * </ul>
 *
 * <p>The profiler costs time of its own, so the profiled epoch is slower than the others; the
 * counts are exact. Every other epoch is passed on to the wrapped progress consumer as usual.
 * Needs DJL's PyTorch engine (it is reached by reflection, so the runner stays engine-neutral).
 */
final class EpochProfile implements Consumer<EpochReport>, EpochListener {

  /** The summary of one profiled epoch. */
  record Summary(int epoch, int steps, long topLevelOps, long allOps, double nativeMillis,
      double epochMillis, List<OpRow> rows) {

    /** Top-level operations per training step. */
    double opsPerStep() {
      return topLevelOps / (double) steps;
    }

    /** The console line. */
    String line() {
      return String.format(Locale.ROOT,
          "profile: epoch %d, %d training steps: %.1f engine operations a step (%.1f with the"
              + " ones they call), %.3f ms of them a step, %.3f ms a step in all (profiler"
              + " included)",
          epoch, steps, opsPerStep(), allOps / (double) steps, nativeMillis / steps,
          epochMillis / steps);
    }
  }

  /** One operation name: its top-level calls and their native time, in the profiled epoch. */
  record OpRow(String name, long calls, double micros) {}

  private final Consumer<EpochReport> progress;
  private final int epoch;
  private final int steps;
  private final Path folder;
  private final PrintStream out;
  private boolean recording;
  private boolean done;

  /**
   * @param progress told of every epoch's report
   * @param epoch the epoch to profile (1-based)
   * @param steps the epoch's training steps (batches), for the per-step figures
   * @param folder where the trace and the table go (created when the epoch starts)
   * @param out where the summary line goes
   */
  EpochProfile(Consumer<EpochReport> progress, int epoch, int steps, Path folder,
      PrintStream out) {
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch " + epoch + ", expected >= 1");
    }
    this.progress = progress;
    this.epoch = epoch;
    this.steps = steps;
    this.folder = folder;
    this.out = out;
  }

  @Override
  public void epochStarting(int e) {
    if (e == epoch && !recording && !done) {
      profiler("startProfile", new Class<?>[] {boolean.class, boolean.class, boolean.class},
          false, true, false);
      recording = true;
    }
  }

  @Override
  public void accept(EpochReport report) {
    if (recording && report.epoch() == epoch) {
      recording = false;
      Path trace = folder.resolve("epoch-" + epoch + ".trace.json");
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      profiler("stopProfile", new Class<?>[] {String.class}, trace.toString());
      done = true;
      Summary summary = summarise(trace, epoch, steps, report.seconds() * 1000);
      writeTable(folder.resolve("epoch-" + epoch + "-ops.csv"), summary);
      out.println(summary.line());
    }
    progress.accept(report);
  }

  private static void profiler(String method, Class<?>[] types, Object... args) {
    try {
      Method m = Class.forName("ai.djl.pytorch.jni.JniUtils").getMethod(method, types);
      m.invoke(null, args);
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException("--profile-epoch needs DJL's PyTorch engine: " + e, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("PyTorch's profiler failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Reads a profiler trace: every complete event ({@code "ph": "X"}) is an operation; the ones not
   * inside another on the same thread are top level.
   */
  static Summary summarise(Path trace, int epoch, int steps, double epochMillis) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(trace.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode events = root.isArray() ? root : root.path("traceEvents");
    Map<String, List<double[]>> byThread = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (JsonNode ev : events) {
      if (!"X".equals(ev.path("ph").asText())) {
        continue;
      }
      names.add(ev.path("name").asText());
      byThread.computeIfAbsent(ev.path("pid").asText() + "/" + ev.path("tid").asText(),
          t -> new ArrayList<>())
          .add(new double[] {ev.path("ts").asDouble(), ev.path("dur").asDouble(),
              names.size() - 1});
    }
    Map<String, long[]> calls = new LinkedHashMap<>();
    Map<String, double[]> micros = new HashMap<>();
    long top = 0;
    double nativeMicros = 0;
    for (List<double[]> thread : byThread.values()) {
      // Outer events first where two start together.
      thread.sort(Comparator.<double[]>comparingDouble(e -> e[0])
          .thenComparing(e -> -e[1]));
      Deque<Double> open = new ArrayDeque<>();
      for (double[] e : thread) {
        while (!open.isEmpty() && open.peek() <= e[0]) {
          open.pop();
        }
        if (open.isEmpty()) {
          String name = names.get((int) e[2]);
          calls.computeIfAbsent(name, n -> new long[1])[0]++;
          micros.computeIfAbsent(name, n -> new double[1])[0] += e[1];
          top++;
          nativeMicros += e[1];
        }
        open.push(e[0] + e[1]);
      }
    }
    List<OpRow> rows = new ArrayList<>();
    calls.forEach((n, c) -> rows.add(new OpRow(n, c[0], micros.get(n)[0])));
    rows.sort(Comparator.comparingDouble(OpRow::micros).reversed());
    return new Summary(epoch, steps, top, names.size(), nativeMicros / 1000, epochMillis, rows);
  }

  private static void writeTable(Path file, Summary s) {
    StringBuilder csv = new StringBuilder("operation,calls_per_step,microseconds_per_step\n");
    for (OpRow r : s.rows()) {
      csv.append(String.format(Locale.ROOT, "%s,%.2f,%.2f%n",
          r.name().contains(",") ? '"' + r.name() + '"' : r.name(),
          r.calls() / (double) s.steps(), r.micros() / s.steps()));
    }
    try {
      Files.writeString(file, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
