package io.sharcs.core.config;

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
 *
 * <p>{@link #ANCHORS}, {@link #UNIMODAL} and {@link #CONCAT} are the non-concept baselines; each
 * has its pipeline in {@code io.sharcs.core.pipeline}, a peer of SHARCS's.
 */
public enum Mode {
  /** The method: local concepts, projections into the shared concept space, the regulariser. */
  SHARCS("sharcs"),
  /** Baseline: the same local concept encoders, predictor on local concepts, no shared space. */
  MULTI_CBM("multi-cbm"),
  /**
   * Baseline: relative representations (Moschella et al.). Unimodal networks, then a predictor on
   * the embeddings' cosine similarities to parallel anchors; missing-modality retrieval in that
   * relative space.
   */
  ANCHORS("anchors"),
  /** Baseline: one network per modality (plain embedding, head); the most confident head votes. */
  UNIMODAL("unimodal"),
  /** Baseline: the modalities' plain embeddings concatenated into the predictor, no concepts. */
  CONCAT("concat");

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

  /** Whether this mode trains a concept model (SHARCS, multi-CBM) rather than a baseline. */
  public boolean conceptBased() {
    return this == SHARCS || this == MULTI_CBM;
  }

  @Override
  public String toString() {
    return id;
  }
}
