package io.sharcs.api;

import java.util.List;

/**
 * A configuration value out of its domain. Thrown from the compact constructors of config
 * records; the runner adds the file and the path of the enclosing object to {@link #field()}.
 */
public class InvalidConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;

  /**
   * @param field the field name as written in experiment files, e.g. {@code "hidden"}
   * @param problem what was found and what is expected, e.g. {@code "got -1, expected > 0"}
   */
  public InvalidConfigException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }

  /** Throws unless {@code value > 0}. */
  public static int requirePositive(String field, int value) {
    if (value <= 0) {
      throw new InvalidConfigException(field, "got " + value + ", expected an integer > 0");
    }
    return value;
  }

  /** Throws unless {@code value} is finite and {@code >= 0}. */
  public static double requireNonNegative(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new InvalidConfigException(field, "got " + value + ", expected a number >= 0");
    }
    return value;
  }

  /** Throws unless {@code value} is finite and {@code > 0}. */
  public static double requirePositive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new InvalidConfigException(field, "got " + value + ", expected a number > 0");
    }
    return value;
  }

  /**
   * Throws unless {@code values} is a list of integers {@code > 0}, non-empty unless {@code
   * mayBeEmpty} (layer widths, for example).
   *
   * @return an unmodifiable copy
   */
  public static List<Integer> requirePositiveIntegers(
      String field, List<Integer> values, boolean mayBeEmpty) {
    String expected = "a list of integers > 0" + (mayBeEmpty ? "" : ", at least one");
    if (values == null || (!mayBeEmpty && values.isEmpty())) {
      throw new InvalidConfigException(field, "got " + values + ", expected " + expected);
    }
    for (Integer v : values) {
      if (v == null || v <= 0) {
        throw new InvalidConfigException(field, "got " + values + ", expected " + expected);
      }
    }
    return List.copyOf(values);
  }

  /** Throws unless {@code 0 <= value <= 1}. */
  public static double requireProbability(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new InvalidConfigException(field, "got " + value + ", expected a number in [0, 1]");
    }
    return value;
  }
}
