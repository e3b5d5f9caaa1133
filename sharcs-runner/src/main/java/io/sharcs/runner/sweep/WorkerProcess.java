package io.sharcs.runner.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;

/**
 * The sweep's side of one worker JVM ({@link SweepWorker}): sends it a run, waits for the run's
 * exit code, and passes on to the run's log whatever else the worker printed (native code's
 * messages). Used by one thread at a time.
 */
final class WorkerProcess implements AutoCloseable {

  private final Process process;
  private final ChildProcesses children;
  private final Writer requests;
  private final BufferedReader replies;

  private WorkerProcess(Process process, ChildProcesses children) {
    this.process = process;
    this.children = children;
    this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.replies = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Starts a worker.
   *
   * @return the worker, or null if the sweep is being stopped
   */
  static WorkerProcess start(ProcessBuilder builder, ChildProcesses children)
      throws IOException {
    Process p = children.start(builder.redirectErrorStream(true));
    return p == null ? null : new WorkerProcess(p, children);
  }

  /**
   * Runs one command line in the worker.
   *
   * @return its exit code, or empty if the worker ended before the run did (it crashed, was
   *     killed, or could not read the request) or answered something else (then it is ended)
   */
  OptionalInt run(SweepWorker.Request request) throws IOException {
    try {
      requests.write(request.line());
      requests.write('\n');
      requests.flush();
    } catch (IOException e) {
      return OptionalInt.empty(); // the worker has ended: its pipe is closed
    }
    for (String line = replies.readLine(); line != null; line = replies.readLine()) {
      if (line.startsWith(SweepWorker.DONE)) {
        try {
          return OptionalInt.of(
              Integer.parseInt(line.substring(SweepWorker.DONE.length()).strip()));
        } catch (NumberFormatException e) {
          // Not a worker this sweep can talk to: end it, so that exitCode() does not wait forever.
          process.destroyForcibly();
          return OptionalInt.empty();
        }
      }
      Files.writeString(request.log(), line + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return OptionalInt.empty();
  }

  /** The worker's exit code, waiting for it to end (call after {@link #run} came back empty). */
  int exitCode() throws InterruptedException {
    return process.waitFor();
  }

  /** Ends the worker: end of input, then waits for the JVM to exit. */
  @Override
  public void close() throws InterruptedException {
    try {
      requests.close();
    } catch (IOException e) {
      // already ended
    }
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      process.destroy(); // untracked from here on: stop it now
      throw e;
    } finally {
      children.finished(process);
      try {
        replies.close();
      } catch (IOException e) {
        // nothing left to read
      }
    }
  }
}
