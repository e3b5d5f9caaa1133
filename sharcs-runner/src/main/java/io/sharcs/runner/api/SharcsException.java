package io.sharcs.runner.api;

import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.plugins.PluginError;

/**
 * A failure of the Java API, with a one-line message: what was wrong and, for bad input, where
 * and what is expected (the same line the command line prints, without its {@code sharcs:}
 * prefix). The original exception is the cause.
 */
public final class SharcsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean badInput;

  /**
   * @param message one line
   * @param badInput true when the caller's input (experiment, data, sample, run folder, plugins)
   *     is at fault, false for an internal error
   * @param cause the original exception, or null
   */
  public SharcsException(String message, boolean badInput, Throwable cause) {
    super(message, cause);
    this.badInput = badInput;
  }

  /**
   * True when the input is at fault (the command line's exit code 2), false for an internal
   * error.
   */
  public boolean badInput() {
    return badInput;
  }

  /** {@code e} as a {@link SharcsException}: input errors keep their line, others are named. */
  static SharcsException wrap(RuntimeException e) {
    if (e instanceof SharcsException s) {
      return s;
    }
    if (e instanceof InputError i) {
      return new SharcsException(stripPrefix(i.line()), true, e);
    }
    if (e instanceof InvalidInputException || e instanceof PluginError) {
      return new SharcsException(InputError.oneLine(e.getMessage()), true, e);
    }
    if (e instanceof InvalidConfigException c) {
      return new SharcsException(
          InputError.oneLine(c.field() + ": " + c.problem()), true, e);
    }
    return new SharcsException(
        "internal error: " + e.getClass().getName()
            + (e.getMessage() == null ? "" : ": " + InputError.oneLine(e.getMessage())),
        false, e);
  }

  private static String stripPrefix(String line) {
    return line.startsWith("sharcs: ") ? line.substring("sharcs: ".length()) : line;
  }
}
