package io.sharcs.runner.cli;

import io.sharcs.api.InvalidInputException;
import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.plugins.PluginError;
import java.io.PrintStream;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Reports failures as exactly one line on stderr, {@code sharcs: ...}, plus the stack trace with
 * {@code --verbose}. Bad input ({@link InputError}, {@link io.sharcs.api.InvalidInputException},
 * {@link PluginError}, command-line syntax) exits with {@link ExitCodes#BAD_INPUT}; an {@link
 * OutOfMemoryError} (also as the cause of another) with {@link ExitCodes#FAILURE} and a line
 * naming what ran out and the setting to change; anything else
 * with {@link ExitCodes#FAILURE}.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

  /** The global option that turns on stack traces. */
  public static final String VERBOSE = "--verbose";

  private final PrintStream err;

  /** @param err where the line goes */
  public ErrorReporter(PrintStream err) {
    this.err = err;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    return report(ex, verbose(parseResult));
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    String help = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
    err.println("sharcs: " + InputError.oneLine(ex.getMessage()) + " (see '" + help + "')");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /** Prints the line for {@code t} and returns the exit code. */
  public int report(Throwable t, boolean verbose) {
    int code;
    String line;
    OutOfMemoryError oom = outOfMemory(t);
    if (oom != null) {
      code = ExitCodes.FAILURE;
      line = "sharcs: " + outOfMemoryLine(oom, Runtime.getRuntime().maxMemory());
    } else if (t instanceof InputError e) {
      code = ExitCodes.BAD_INPUT;
      line = e.line();
    } else if (t instanceof InvalidInputException || t instanceof PluginError) {
      code = ExitCodes.BAD_INPUT;
      line = "sharcs: " + InputError.oneLine(t.getMessage());
    } else {
      code = ExitCodes.FAILURE;
      line = "sharcs: internal error: " + t.getClass().getName()
          + (t.getMessage() == null ? "" : ": " + InputError.oneLine(t.getMessage()))
          + (verbose ? "" : " (run with --verbose for the stack trace)");
    }
    err.println(line);
    if (verbose) {
      t.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** The {@link OutOfMemoryError} that {@code t} is or was caused by, or null. */
  static OutOfMemoryError outOfMemory(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError oom) {
        return oom;
      }
    }
    return null;
  }

  /**
   * What ran out and the setting to change, e.g. {@code out of memory (Java heap, max 512 MB):
   * set SHARCS_JAVA_OPTS=-Xmx1g or reduce the data set, the batch size or the image size}.
   *
   * @param maxHeap the heap's limit in bytes ({@link Runtime#maxMemory()})
   */
  static String outOfMemoryLine(OutOfMemoryError e, long maxHeap) {
    String what = e.getMessage() == null ? "" : e.getMessage();
    String reduce = "reduce the data set, the batch size, the image size or the model";
    if (what.contains("Direct buffer memory")) {
      return "out of memory (direct buffers): set SHARCS_JAVA_OPTS=-XX:MaxDirectMemorySize="
          + gigabytes(2 * maxHeap) + " or " + reduce;
    }
    if (what.contains("Requested array size exceeds VM limit")) {
      return "out of memory (an array larger than the JVM allows, 2^31 elements): " + reduce;
    }
    if (what.contains("Metaspace")) {
      return "out of memory (class metadata, Metaspace): set SHARCS_JAVA_OPTS="
          + "-XX:MaxMetaspaceSize=1g";
    }
    if (what.contains("native thread")) {
      return "out of memory (cannot start a thread: " + what + "): reduce --jobs or"
          + " runtime.threads, or raise the process limit (ulimit -u)";
    }
    return "out of memory (Java heap, max " + size(maxHeap) + "): set SHARCS_JAVA_OPTS=-Xmx"
        + gigabytes(2 * maxHeap) + " or " + reduce;
  }

  /** For example {@code 512 MB} or {@code 6.0 GB}. */
  private static String size(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return mb < 1024 ? String.format(java.util.Locale.ROOT, "%.0f MB", mb)
        : String.format(java.util.Locale.ROOT, "%.1f GB", mb / 1024);
  }

  /** A JVM size option value in whole gigabytes, rounded up: {@code 1g}, {@code 12g}. */
  private static String gigabytes(long bytes) {
    long gb = Math.max(1, (bytes + (1L << 30) - 1) >> 30);
    return gb + "g";
  }

  /** Whether {@code --verbose} was given to the command or any subcommand. */
  public static boolean verbose(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }
}
