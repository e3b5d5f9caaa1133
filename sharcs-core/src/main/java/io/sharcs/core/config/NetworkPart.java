package io.sharcs.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.sharcs.api.InvalidConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The groups of parameters a {@link TrainingPhase} can train or freeze. */
public enum NetworkPart {
  /** The local concept encoders g_m (the plugins' blocks). */
  ENCODERS("encoders"),
  /** The projections h_m into the shared concept space. */
  PROJECTIONS("projections"),
  /** The label predictor f. */
  PREDICTOR("predictor"),
  /**
   * The local heads: per modality with auxiliary labels, a small MLP on its local concepts c_m
   * that predicts that modality's own label (local supervision, a phase with {@code loss:
   * local}). They exist only in experiments that use local supervision.
   */
  LOCAL_HEADS("local_heads");

  private final String id;

  NetworkPart(String id) {
    this.id = id;
  }

  /** The spelling used in experiment files. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Parses a part name case-insensitively, failing with the list of valid names. */
  @JsonCreator
  public static NetworkPart parse(String text) {
    String norm = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (NetworkPart p : values()) {
      if (p.id.equals(norm)) {
        return p;
      }
    }
    throw new InvalidConfigException("trainable", "got '" + text + "', expected one of " + ids());
  }

  /** The part whose id is {@code id}, or null. */
  static NetworkPart byId(String id) {
    for (NetworkPart p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    return null;
  }

  /** Every part's id, comma-separated, in declaration order. */
  public static String ids() {
    return Arrays.stream(values()).map(NetworkPart::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
