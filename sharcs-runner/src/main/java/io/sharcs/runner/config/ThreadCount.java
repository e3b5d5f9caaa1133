package io.sharcs.runner.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidConfigException;

/**
 * {@code runtime.threads}: a number of PyTorch intra-op threads, or {@code auto}, which lets the
 * runner choose from the cost of the model's inputs ({@code io.sharcs.runner.run.ThreadRule}).
 *
 * @param count the threads, >= 1; 0 for {@code auto}
 */
public record ThreadCount(int count) {

  /** {@code auto}. */
  public static final ThreadCount AUTO = new ThreadCount(0);

  public ThreadCount {
    if (count < 0) {
      throw new IllegalArgumentException("count " + count + ", expected >= 0 (0: auto)");
    }
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
