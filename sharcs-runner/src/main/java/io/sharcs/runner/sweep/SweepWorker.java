package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The loop of a sweep's worker JVM: runs one sweep point after another, each as the command line
 * {@code sharcs run ...} would, in this one JVM, so that the JVM start, the engine load and the
 * JIT compiler's work are paid once per worker instead of once per run (the XOR-AND-XOR paper
 * sweep's CPU time went from 285 to 146 s, docs/results/performance.md). Every run seeds the engine's generator itself and
 * builds its own model, data and managers, so a run gives the same metrics in a worker, after
 * other runs, as alone (SweepRunTest compares them).
 *
 * <p>Protocol, one line each way per run: the sweep writes a JSON object {@code {"log": path,
 * "args": [...]}} to the worker's standard input; the worker runs the command with its standard
 * output and error (and {@link System#out} and {@link System#err}) going to the log, then prints
 * {@value #DONE}{@code <exit code>} on its own standard output. Any other line there is output of
 * native code, which the sweep appends to the current run's log. A run that fails (exit code not
 * 0) is the worker's last: whatever it left half-done cannot reach the next run. End of input
 * ends the worker.
 */
public final class SweepWorker {

  /** The command-line argument that makes the CLI's main a worker (never shown in help). */
  public static final String ARGUMENT = "--sweep-worker";

  /** The prefix of the line that ends a run. */
  static final String DONE = "sharcs-sweep-worker: done ";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs one command line; never calls {@link System#exit}. */
  @FunctionalInterface
  public interface Cli {
    /**
     * @return the exit code
     */
    int execute(String[] args, PrintStream out, PrintStream err);
  }

  /** One run: its command line and the log its output goes to. */
  record Request(Path log, List<String> args) {
    Request {
      args = List.copyOf(args);
    }

    /** The request as one line of JSON. */
    String line() {
      ObjectNode node = JSON.createObjectNode();
      node.put("log", log.toString());
      ArrayNode array = node.putArray("args");
      args.forEach(array::add);
      return node.toString();
    }

    static Request parse(String line) throws IOException {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.path("log").isTextual() || !node.path("args").isArray()) {
        throw new IOException("not a sweep worker request: " + line);
      }
      List<String> args = new ArrayList<>();
      node.get("args").forEach(a -> args.add(a.asText()));
      return new Request(Path.of(node.get("log").asText()), args);
    }
  }

  private SweepWorker() {}

  /**
   * Serves requests until the end of {@code requests} or a failed run.
   *
   * @param requests one request line per run
   * @param replies where the {@value #DONE} lines go
   * @param cli how a command line runs
   * @return the worker's exit code: 0, or 1 when a request could not be read or a log not opened
   */
  public static int serve(InputStream requests, PrintStream replies, Cli cli) {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(requests, StandardCharsets.UTF_8));
    long pid = ProcessHandle.current().pid();
    int served = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        Request request = Request.parse(line);
        served++;
        int code = runOne(request, cli, String.format(Locale.ROOT,
            "sweep worker %d: run %d in this JVM", pid, served));
        replies.println(DONE + code);
        replies.flush();
        if (code != 0) {
          return 0;
        }
      }
      return 0;
    } catch (IOException | UncheckedIOException e) {
      replies.println("sharcs: sweep worker: " + e.getMessage());
      replies.flush();
      return 1;
    }
  }

  private static int runOne(Request request, Cli cli, String header) throws IOException {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    try (PrintStream log = new PrintStream(
        new FileOutputStream(request.log().toFile()), true, StandardCharsets.UTF_8)) {
      log.println(header);
      // Libraries that print (a logger's console appender) reach the log too.
      System.setOut(log);
      System.setErr(log);
      try {
        return cli.execute(request.args().toArray(String[]::new), log, log);
      } finally {
        System.setOut(savedOut);
        System.setErr(savedErr);
      }
    }
  }
}
