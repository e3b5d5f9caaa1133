package io.sharcs.api.testkit;

import java.util.List;
import java.util.Objects;

/**
 * What {@link PluginConformance} found, step by step.
 *
 * @param plugin the plugin's id (or class name when even its id fails)
 * @param steps the steps in the order they ran; a step whose prerequisite failed is not run
 */
public record ConformanceReport(String plugin, List<Step> steps) {

  /**
   * One check.
   *
   * @param name what was checked, e.g. {@code forward concepts}
   * @param passed whether it passed
   * @param detail what was seen (a shape, say) or why it failed
   */
  public record Step(String name, boolean passed, String detail) {
    public Step {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
    }
  }

  public ConformanceReport {
    Objects.requireNonNull(plugin, "plugin");
    steps = List.copyOf(steps);
  }

  /** Whether every step passed. */
  public boolean passed() {
    return steps.stream().allMatch(Step::passed);
  }

  /** The failed steps. */
  public List<Step> failures() {
    return steps.stream().filter(s -> !s.passed()).toList();
  }

  /** One line per step: {@code ok   read: 3 samples} or {@code FAIL forward concepts: ...}. */
  public String summary() {
    StringBuilder b = new StringBuilder("plugin '" + plugin + "' conformance:");
    for (Step s : steps) {
      b.append('\n').append(s.passed() ? "  ok   " : "  FAIL ").append(s.name()).append(": ")
          .append(s.detail());
    }
    return b.toString();
  }

  /**
   * Returns normally when every step passed.
   *
   * @throws AssertionError naming every failed step, with the {@link #summary}
   */
  public void assertPassed() {
    if (!passed()) {
      throw new AssertionError(failures().size() + " conformance step(s) failed ("
          + String.join(", ", failures().stream().map(Step::name).toList()) + ")\n" + summary());
    }
  }
}
