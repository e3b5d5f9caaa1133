package io.sharcs.runner.run;

import io.sharcs.core.pipeline.RunResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Prints the metrics of a finished run, one per line, and where the run folder is. */
public final class RunSummary {

  private RunSummary() {}

  /** Prints the summary of {@code result}, saved in {@code folder}. */
  public static void print(PrintStream out, RunResult result, String folder, double seconds) {
    int width = result.metrics().keySet().stream().mapToInt(String::length).max().orElse(0);
    out.println(String.format(Locale.ROOT, "done in %.1f s; run folder %s", seconds, folder));
    for (Map.Entry<String, Double> m : result.metrics().entrySet()) {
      out.println(String.format(Locale.ROOT, "  %-" + width + "s  %s", m.getKey(),
          format(m.getValue())));
    }
    out.flush();
  }

  /** A metric value: integers without decimals, others with four. */
  public static String format(Double v) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      return String.valueOf(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString(v.longValue());
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** {@code path} relative to {@code base} if it is below it, else absolute. */
  public static String display(Path path, Path base) {
    Path abs = path.toAbsolutePath().normalize();
    return abs.startsWith(base) && !abs.equals(base) ? base.relativize(abs).toString()
        : abs.toString();
  }
}
