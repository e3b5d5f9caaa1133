package io.sharcs.runner.plugins;

import java.util.Objects;

/**
 * A plugin that cannot be used, as {@code sharcs plugins} lists it and as the one-line error of
 * every other command names it.
 *
 * @param origin where it came from: a jar's path, a plugin folder, or {@code built-in}
 * @param className the class named in {@code META-INF/services}, or null when the whole jar or
 *     folder is at fault
 * @param problem what is wrong, with the cause when there is one
 */
public record BrokenPlugin(String origin, String className, String problem) {
  public BrokenPlugin {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(problem, "problem");
  }

  /** One line: {@code <origin>: <class>: <problem>}. */
  public String line() {
    return origin + ": " + (className == null ? "" : className + ": ") + problem;
  }
}
