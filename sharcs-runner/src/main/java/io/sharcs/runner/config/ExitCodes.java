package io.sharcs.runner.config;

/** The process exit codes of {@code sharcs}. */
public final class ExitCodes {
  /** The command succeeded. */
  public static final int OK = 0;
  /** An unexpected failure (a bug, an I/O failure, a crash in the engine). */
  public static final int FAILURE = 1;
  /** Bad input: config, command line, plugins on the class path or data. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
