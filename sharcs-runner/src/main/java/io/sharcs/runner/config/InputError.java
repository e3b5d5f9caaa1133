package io.sharcs.runner.config;

/**
 * Bad input from the user: a config file, a command-line value or data that cannot be used. The
 * CLI prints it as exactly one line, {@code sharcs: <file>: <path>: <problem>}, and exits with
 * {@link ExitCodes#BAD_INPUT}.
 */
public final class InputError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String path;
  private final String problem;

  /**
   * @param file the file as the user named it, or null when no file is involved
   * @param path the field path inside the file, e.g. {@code training.epochs}, or null/empty
   * @param problem what was found and what is expected, e.g. {@code got 0, expected an integer >= 1}
   */
  public InputError(String file, String path, String problem) {
    this(file, path, problem, null);
  }

  /** As {@link #InputError(String, String, String)}, keeping the cause for {@code --verbose}. */
  public InputError(String file, String path, String problem, Throwable cause) {
    super(render(file, path, problem), cause);
    this.file = file;
    this.path = path == null || path.isEmpty() ? null : path;
    this.problem = problem;
  }

  /** The file as named by the user, or null. */
  public String file() {
    return file;
  }

  /** The field path, or null for the file as a whole. */
  public String path() {
    return path;
  }

  /** What was found and what is expected. */
  public String problem() {
    return problem;
  }

  /** The one line printed on stderr. */
  public String line() {
    return "sharcs: " + getMessage();
  }

  private static String render(String file, String path, String problem) {
    StringBuilder sb = new StringBuilder();
    if (file != null && !file.isEmpty()) {
      sb.append(file).append(": ");
    }
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    sb.append(oneLine(problem));
    return sb.toString();
  }

  /** Collapses line breaks so that a message always fits one line. */
  public static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
