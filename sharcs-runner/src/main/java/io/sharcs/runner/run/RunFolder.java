package io.sharcs.runner.run;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run folder written through a staging directory next to it ({@code .<name>.staging-<pid>}),
 * which holds an owner file ({@value #OWNER}: the process id and its start time) until the
 * commit.
 * Nothing in the run folder changes until {@link #commit()}, which moves the staged files in
 * atomically one by one: first the old {@code metrics.json} is removed (the folder is then marked
 * incomplete), then every file is renamed over its old version, each directory (the model) is
 * replaced as a whole by rename, and {@code metrics.json} comes last: its presence marks a
 * complete run.
 *
 * <p>A process killed with {@code kill -9} leaves its staging directory behind: {@link
 * #removeStale} removes those of ended processes, never one whose process is alive.
 */
public final class RunFolder {

  /** The file whose presence marks a complete run; committed last. */
  public static final String METRICS = "metrics.json";

  /** The owner file in a staging directory: {@code <pid> <start time in epoch milliseconds>}. */
  static final String OWNER = ".owner";

  private static final String STAGING = ".staging-";

  /**
   * How far two readings of one process's start time may differ: Linux derives it from the boot
   * time, which it gives in whole seconds.
   */
  private static final long START_TOLERANCE_MILLIS = 1500;

  private final Path target;
  private final Path staging;
  private final String suffix;
  private final Thread cleanup;

  private RunFolder(Path target, Path staging, String suffix) {
    this.target = target;
    this.staging = staging;
    this.suffix = suffix;
    // Ctrl-C during training: leave no staging directory behind.
    this.cleanup = new Thread(this::deleteStaging, "sharcs-staging-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /**
   * Creates the staging directory for {@code target} (and the parent directories). The run
   * folder itself is not touched.
   */
  public static RunFolder stage(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || abs.getFileName() == null) {
      throw new IllegalArgumentException("run folder must not be a root: " + target);
    }
    String suffix = Long.toString(ProcessHandle.current().pid());
    Path staging = parent.resolve("." + abs.getFileName() + ".staging-" + suffix);
    try {
      Files.createDirectories(parent);
      if (Files.exists(staging)) {
        deleteTree(staging);
      }
      Files.createDirectory(staging);
      ProcessHandle self = ProcessHandle.current();
      Files.writeString(staging.resolve(OWNER), self.pid() + " "
          + self.info().startInstant().map(Instant::toEpochMilli).map(String::valueOf).orElse("-")
          + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + staging, e);
    }
    return new RunFolder(abs, staging, suffix);
  }

  /**
   * Removes the staging directories of {@code target} ({@code .<name>.staging-<pid>} next to it)
   * whose process has ended: its pid is not alive, or is alive but started at another time than
   * the owner file records (the pid was reused). A staging directory whose process is alive, or
   * whose owner cannot be told (no owner file yet: it is being created), is kept.
   *
   * @return the removed directories
   */
  public static List<Path> removeStale(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || abs.getFileName() == null || !Files.isDirectory(parent)) {
      return List.of();
    }
    String prefix = "." + abs.getFileName() + STAGING;
    List<Path> removed = new ArrayList<>();
    List<Path> candidates;
    try (Stream<Path> s = Files.list(parent)) {
      candidates = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
    for (Path p : candidates) {
      String pid = p.getFileName().toString().substring(prefix.length());
      if (!pid.matches("[0-9]{1,18}") || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
          || !stale(Long.parseLong(pid), p)) {
        continue;
      }
      try {
        deleteTree(p);
        removed.add(p);
      } catch (IOException e) {
        // best effort: tried again by the next run
      }
    }
    return removed;
  }

  /** Whether the process {@code pid} that created {@code staging} has ended. */
  private static boolean stale(long pid, Path staging) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    if (pid == ProcessHandle.current().pid()) {
      return false;
    }
    String owner;
    try {
      owner = Files.readString(staging.resolve(OWNER), StandardCharsets.UTF_8).strip();
    } catch (IOException | UncheckedIOException e) {
      return false; // being created, or written by an older version: cannot tell, keep it
    }
    String[] fields = owner.split(" ");
    if (fields.length != 2 || !fields[0].equals(Long.toString(pid))
        || !fields[1].matches("[0-9]{1,18}")) {
      return false;
    }
    long recorded = Long.parseLong(fields[1]);
    return process.get().info().startInstant()
        .map(start -> Math.abs(start.toEpochMilli() - recorded) > START_TOLERANCE_MILLIS)
        .orElse(false);
  }

  /**
   * One line naming the removed staging directories, shown relative to {@code base}; empty if
   * none.
   */
  public static String describeRemoved(List<Path> removed, Path base) {
    if (removed.isEmpty()) {
      return "";
    }
    List<String> names = removed.stream().map(p -> RunSummary.display(p, base)).toList();
    return "removed " + removed.size() + " stale staging folder" + (removed.size() == 1 ? "" : "s")
        + " of killed runs: " + String.join(", ", names);
  }

  /** The run folder. */
  public Path target() {
    return target;
  }

  /** The staging directory. */
  public Path staging() {
    return staging;
  }

  /** {@code name} inside the staging directory. */
  public Path staged(String name) {
    return staging.resolve(name);
  }

  /** Moves the staged files into the run folder (see the class comment) and removes staging. */
  public void commit() {
    try {
      Files.createDirectories(target);
      Files.deleteIfExists(staging.resolve(OWNER));
      Files.deleteIfExists(target.resolve(METRICS));
      List<Path> files = new ArrayList<>();
      List<Path> dirs = new ArrayList<>();
      Path metrics = null;
      try (Stream<Path> s = Files.list(staging)) {
        for (Path p : s.sorted().toList()) {
          if (p.getFileName().toString().equals(METRICS)) {
            metrics = p;
          } else if (Files.isDirectory(p)) {
            dirs.add(p);
          } else {
            files.add(p);
          }
        }
      }
      for (Path f : files) {
        Files.move(f, target.resolve(f.getFileName().toString()), ATOMIC_MOVE, REPLACE_EXISTING);
      }
      for (Path d : dirs) {
        replaceDirectory(d, target.resolve(d.getFileName().toString()));
      }
      if (metrics != null) {
        Files.move(metrics, target.resolve(METRICS), ATOMIC_MOVE, REPLACE_EXISTING);
      }
      Files.delete(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the run into " + target, e);
    } finally {
      forgetCleanup();
    }
  }

  /** Deletes the staging directory; the run folder is left as it was. */
  public void discard() {
    deleteStaging();
    forgetCleanup();
  }

  private void deleteStaging() {
    try {
      deleteTree(staging);
    } catch (IOException e) {
      // best effort: a stale staging directory is harmless and replaced by the next run
    }
  }

  private void forgetCleanup() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
  }

  private void replaceDirectory(Path from, Path to) throws IOException {
    Path old = null;
    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
      old = to.resolveSibling("." + to.getFileName() + ".old-" + suffix);
      if (Files.exists(old)) {
        deleteTree(old);
      }
      Files.move(to, old, ATOMIC_MOVE);
    }
    Files.move(from, to, ATOMIC_MOVE);
    if (old != null) {
      deleteTree(old);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
