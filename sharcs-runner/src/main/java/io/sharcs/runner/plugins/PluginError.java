package io.sharcs.runner.plugins;

/**
 * The plugins on the class path cannot be used: two jars provide the same id, or a service entry
 * is broken. Reported as one line; exit code 2 (bad input), since the user fixes it
 * by changing the class path.
 */
public final class PluginError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message one line: what was found and what is expected */
  public PluginError(String message) {
    super(message);
  }

  /** @param message one line: what was found and what is expected */
  public PluginError(String message, Throwable cause) {
    super(message, cause);
  }
}
