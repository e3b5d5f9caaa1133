package io.sharcs.api;

/**
 * What the core wants an encoder for (part of the modality SPI, see {@link EncoderContext}).
 *
 * <p>SHARCS and the multi-CBM baseline ask for {@link #CONCEPTS}. The non-concept baselines
 * (anchors, unimodal, concat) ask for {@link #EMBEDDING}: the same encoder <em>without</em> its
 * concept machinery, as the reference's baselines use it.
 */
public enum EncoderPurpose {
  /**
   * A local concept encoder: {@code (B, k)} concept pre-activations, to which the core adds the
   * concept layer (normalisation and steep sigmoid). Stochastic concept layers (a Gumbel-softmax
   * per graph node, say) belong here and follow {@link EncoderContext#sampling()}.
   */
  CONCEPTS,
  /**
   * A plain embedding encoder: {@code (B, k)} real-valued features that the core uses as they
   * are (no normalisation, no sigmoid). An encoder should leave out anything that exists only to
   * make concepts (the graph plugin drops its per-node Gumbel-softmax and sum-pools the last
   * layer's node outputs); an encoder whose output is already a plain embedding (an MLP) may
   * ignore the purpose.
   */
  EMBEDDING
}
