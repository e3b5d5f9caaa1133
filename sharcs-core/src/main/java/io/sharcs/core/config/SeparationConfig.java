package io.sharcs.core.config;

import static io.sharcs.api.InvalidConfigException.requireNonNegative;
import static io.sharcs.api.InvalidConfigException.requirePositive;

/**
 * The separating half of the semantic regulariser, an extension of the paper (off by default):
 * besides pulling the shared concepts of semantically matching cross-modal samples together (d),
 * push those of cross-modal samples whose content keys differ at least {@code margin} apart. The
 * paper's regulariser only pulls, so nothing keeps the shared concept space from merging contents
 * that the label seldom tells apart, and retrieval between modalities then confuses them
 * (docs/decisions.md, "Semantic separation").
 *
 * @param weight the term's weight in the loss, next to lambda; 0 = off (the paper's loss)
 * @param margin the Euclidean distance beyond which two non-matching shared concepts are left
 *     alone; shared concepts lie in [0, 1]^k, so a margin of 1 asks them to differ by about one
 *     whole concept
 */
public record SeparationConfig(double weight, double margin) {

  /** Off, with a margin of one concept. */
  public static final SeparationConfig OFF = new SeparationConfig(0, 1);

  public SeparationConfig {
    requireNonNegative("weight", weight);
    requirePositive("margin", margin);
  }

  /** Whether the term is part of the loss. */
  public boolean enabled() {
    return weight > 0;
  }
}
