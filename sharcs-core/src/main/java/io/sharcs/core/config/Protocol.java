package io.sharcs.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.sharcs.api.InvalidConfigException;
import java.util.Locale;

/**
 * How training steps and evaluations are done. See {@code docs/decisions.md}.
 *
 * <ul>
 *   <li>{@link #CLEAN}: one Adam step per batch; metrics in eval mode with deterministic concepts;
 *       retrieval banks from the training split only; metrics on the full splits.
 *   <li>{@link #REFERENCE}: the official Python code's behaviour, for comparison: two Adam steps
 *       per batch, final accuracies with batch-norm in training mode and Gumbel noise on,
 *       retrieval banks from the 10% train + 10% test analysis subset.
 * </ul>
 */
public enum Protocol {
  CLEAN("clean"),
  REFERENCE("reference");

  private final String id;

  Protocol(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** Parses a protocol name case-insensitively. */
  @JsonCreator
  public static Protocol parse(String text) {
    String norm = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Protocol p : values()) {
      if (p.id.equals(norm)) {
        return p;
      }
    }
    throw new InvalidConfigException("protocol", "got '" + text + "', expected clean or reference");
  }

  /** Adam updates per mini-batch gradient: the reference steps twice with the same gradient. */
  public int adamStepsPerBatch() {
    return this == REFERENCE ? 2 : 1;
  }

  /**
   * Whether stochastic concept layers keep sampling in evaluation: the reference draws Gumbel
   * noise even in eval mode; the clean protocol takes its expectation.
   */
  public boolean stochasticWhenEvaluating() {
    return this == REFERENCE;
  }

  @Override
  public String toString() {
    return id;
  }
}
