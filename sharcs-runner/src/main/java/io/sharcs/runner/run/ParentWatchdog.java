package io.sharcs.runner.run;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ends a sweep's child JVM when the sweep that started it has ended, however it ended: a
 * shutdown hook in the sweep stops its children on Ctrl-C or {@code kill}, but after {@code kill
 * -9} no hook runs. The sweep passes its process id and start time in the system property {@value
 * #PROPERTY} ({@code <pid>:<start epoch millis>}); the child checks every {@value #PERIOD_MILLIS}
 * ms that this process is alive and is the same process (a reused pid has another start time),
 * and otherwise exits with code 1, its shutdown hooks removing the run's staging directory.
 */
public final class ParentWatchdog {

  /** The system property naming the parent: {@code <pid>:<start epoch millis or ->}. */
  public static final String PROPERTY = "sharcs.parent";

  /** How often the parent is checked. */
  static final long PERIOD_MILLIS = 500;

  /** How long the shutdown hooks get before the JVM is halted. */
  private static final long HALT_AFTER_MILLIS = 2000;

  /** Tolerance for two readings of one process's start time (see {@link RunFolder}). */
  private static final long START_TOLERANCE_MILLIS = 1500;

  private ParentWatchdog() {}

  /** The value of {@value #PROPERTY} that names this process. */
  public static String currentProcess() {
    ProcessHandle self = ProcessHandle.current();
    return self.pid() + ":"
        + self.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("-");
  }

  /**
   * Starts the watchdog if {@value #PROPERTY} is set; does nothing otherwise (a run started by a
   * user).
   *
   * @param err where the one line saying why the run stops goes
   */
  public static void startIfRequested(PrintStream err) {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      return;
    }
    String[] fields = value.strip().split(":", 2);
    long pid;
    try {
      pid = Long.parseLong(fields[0]);
    } catch (NumberFormatException e) {
      return;
    }
    Long start = fields.length == 2 && fields[1].matches("[0-9]{1,18}")
        ? Long.valueOf(fields[1]) : null;
    Thread t = new Thread(() -> watch(pid, start, err), "sharcs-parent-watchdog");
    t.setDaemon(true);
    t.start();
  }

  private static void watch(long pid, Long start, PrintStream err) {
    while (alive(pid, start)) {
      try {
        TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
    err.println("sharcs: the sweep that started this run (process " + pid
        + ") has ended; stopping the run");
    err.flush();
    Thread halt = new Thread(() -> {
      try {
        TimeUnit.MILLISECONDS.sleep(HALT_AFTER_MILLIS);
      } catch (InterruptedException e) {
        // halt now
      }
      Runtime.getRuntime().halt(1);
    }, "sharcs-parent-watchdog-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(1);
  }

  /** Whether process {@code pid} is alive and, if {@code start} is known, started then. */
  static boolean alive(long pid, Long start) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return false;
    }
    if (start == null) {
      return true;
    }
    Optional<Instant> actual = p.get().info().startInstant();
    return actual.isEmpty()
        || Math.abs(actual.get().toEpochMilli() - start) <= START_TOLERANCE_MILLIS;
  }
}
