package io.sharcs.api;

/**
 * Bad data: a sample, a file or a field that does not hold what is expected. The message is one
 * line naming where, what was found and what is expected; the runner prints it as it is.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
