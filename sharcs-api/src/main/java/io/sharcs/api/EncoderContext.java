package io.sharcs.api;

/**
 * What the core tells a plugin when it creates an encoder.
 *
 * @param outputs the width the encoder must output per sample: k, the number of local concepts
 *     (or the embedding width for an embedding encoder)
 * @param stochasticWhenEvaluating whether stochastic layers (a Gumbel-softmax, say) keep sampling
 *     when the block is not training, as the reference's code does; when {@code false} they use a
 *     deterministic value consistent with their training-time samples (an expectation)
 * @param restoring whether the encoder is made for a saved model whose parameters will be loaded
 *     into it: the plugin builds the same architecture but must not read initial weights from
 *     files named in its options (they may have moved; the saved parameters hold them)
 */
public record EncoderContext(int outputs, boolean stochasticWhenEvaluating, boolean restoring) {
  public EncoderContext {
    if (outputs <= 0) {
      throw new IllegalArgumentException("outputs must be > 0, got " + outputs);
    }
  }

  /** A context for training a new encoder (not {@link #restoring}). */
  public EncoderContext(int outputs, boolean stochasticWhenEvaluating) {
    this(outputs, stochasticWhenEvaluating, false);
  }

  /** A context for {@code outputs} outputs whose stochastic layers are deterministic in eval. */
  public static EncoderContext of(int outputs) {
    return new EncoderContext(outputs, false);
  }
}
