package io.sharcs.runner.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The child processes of a running sweep. Until {@link #close}, a shutdown hook stops every child
 * when this JVM ends (Ctrl-C, {@code kill}), so that no run goes on as an orphan; once stopping
 * has begun, no new child is started.
 */
final class ChildProcesses implements AutoCloseable {

  /** How long children get to clean up (their staging directories) before they are killed. */
  private static final long GRACE_SECONDS = 10;

  private final Set<Process> running = new LinkedHashSet<>();
  private final Thread hook = new Thread(this::stopAll, "sharcs-sweep-children");
  private boolean stopping;

  ChildProcesses() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts {@code builder} and tracks the process until {@link #finished}.
   *
   * @return the process, or null if the sweep is being stopped
   */
  synchronized Process start(ProcessBuilder builder) throws IOException {
    if (stopping) {
      return null;
    }
    Process p = builder.start();
    running.add(p);
    return p;
  }

  /** Stops tracking {@code p}, which has ended. */
  synchronized void finished(Process p) {
    running.remove(p);
  }

  /** Whether the sweep is being stopped. */
  synchronized boolean stopping() {
    return stopping;
  }

  /**
   * Asks every child to stop (SIGTERM, so it removes its staging directory), kills those still
   * running after a grace period, and starts no new child.
   */
  void stopAll() {
    List<Process> children;
    synchronized (this) {
      stopping = true;
      children = new ArrayList<>(running);
    }
    children.forEach(Process::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
    for (Process p : children) {
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Removes the shutdown hook; call when every child has ended. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
  }
}
