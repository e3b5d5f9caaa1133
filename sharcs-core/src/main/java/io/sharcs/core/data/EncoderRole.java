package io.sharcs.core.data;

/** What the core asks a slot's plugin to encode for. */
public enum EncoderRole {
  /**
   * A local concept encoder: {@code (B, k)} concept pre-activations, to which the core adds the
   * concept layer (SHARCS, multi-CBM).
   */
  CONCEPTS,
  /**
   * A plain embedding encoder: {@code (B, k)} features used as they are (the non-concept
   * baselines); the plugin's concept encoder when it registered no embedding encoder.
   */
  EMBEDDING
}
