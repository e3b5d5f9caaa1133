package io.sharcs.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.sharcs.api.InvalidConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which model is trained. Parsed case-insensitively; {@code -} and {@code _} are the same, so
 * {@code SHARCS}, {@code sharcs}, {@code multi_CBM} and {@code multi-cbm} all work (the
 * reference's case-sensitive strings silently dropped the regulariser).
 */
public enum Mode {
  /** The method: local concepts, projections into the shared concept space, the regulariser. */
  SHARCS("sharcs"),
  /** Baseline: the same local concept encoders, predictor on local concepts, no shared space. */
  MULTI_CBM("multi-cbm");

  private final String id;

  Mode(String id) {
    this.id = id;
  }

  /** The canonical spelling used in files and folder names. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Parses a mode name, failing with the list of valid names. */
  @JsonCreator
  public static Mode parse(String text) {
    String norm = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Mode m : values()) {
      if (m.id.equals(norm)) {
        return m;
      }
    }
    throw new InvalidConfigException(
        "mode",
        "got '" + text + "', expected one of "
            + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
