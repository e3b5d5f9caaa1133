package io.sharcs.runner.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The git commit of a working directory, for provenance. */
public final class GitCommit {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

  private GitCommit() {}

  /**
   * Runs {@code git rev-parse HEAD} in {@code directory}.
   *
   * @return the commit hash, or null if git is missing, fails, is slow or the directory is not in
   *     a repository
   */
  public static String probe(Path directory) {
    Process process = null;
    try {
      process = new ProcessBuilder("git", "rev-parse", "HEAD")
          .directory(directory.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      process.getOutputStream().close();
      String out;
      try (InputStream in = process.getInputStream()) {
        out = new String(in.readNBytes(200), StandardCharsets.UTF_8).strip();
      }
      if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      return SHA.matcher(out).matches() ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }
}
