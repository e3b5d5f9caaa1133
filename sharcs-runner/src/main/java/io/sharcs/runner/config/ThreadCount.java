package io.sharcs.runner.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidConfigException;

/**
 * {@code runtime.threads}: a number of PyTorch intra-op threads, or {@code auto}, which lets the
 * runner choose from the cost of the model's inputs ({@code io.sharcs.runner.run.ThreadRule}).
 *
 *
 * <p>A class, not a record: the binder names a record's own fields below its key, and this value
 * is the key {@code threads} itself.
 */
public final class ThreadCount {

  /** {@code auto}. */
  public static final ThreadCount AUTO = new ThreadCount(0);

  private final int count;

  // Not for Jackson: a number from a file goes through fromJson and its checks.
  @JsonCreator(mode = JsonCreator.Mode.DISABLED)
  private ThreadCount(int count) {
    this.count = count;
  }

  /** The threads, >= 1; 0 for {@code auto}. */
  public int count() {
    return count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ThreadCount t && t.count == count;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(count);
  }

  /** A fixed number of threads. */
  public static ThreadCount of(int count) {
    if (count < 1) {
      throw new InvalidConfigException(
          "threads", "got " + count + ", expected an integer >= 1 or auto");
    }
    return new ThreadCount(count);
  }

  /** From the experiment file: an integer >= 1 or {@code auto}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ThreadCount fromJson(JsonNode node) {
    if (node.isTextual() && node.asText().equalsIgnoreCase("auto")) {
      return AUTO;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return of(node.intValue());
    }
    String found = node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    throw new InvalidConfigException(
        "threads", "got " + found + ", expected an integer >= 1 or auto");
  }

  /** Whether the runner chooses. */
  public boolean auto() {
    return count == 0;
  }

  /** As written in a resolved configuration: the number, or {@code "auto"}. */
  @JsonValue
  public Object value() {
    return auto() ? "auto" : count;
  }

  @Override
  public String toString() {
    return String.valueOf(value());
  }
}
