package io.sharcs.api;

import ai.djl.nn.Block;

/**
 * An optional capability: unsupervised pretraining of the local concept encoder on this run's
 * training split, the offline stand-in for starting from a pretrained backbone (the image plugin
 * trains its convolutions as an autoencoder). Labels, content keys and the test split are never
 * shown to it.
 *
 * <p>The core calls it once per run, in every mode, after the encoder's parameters are
 * initialised and before supervised training. It changes the encoder's parameters in place and
 * must be deterministic given the engine's random generator (seeded by the core) and {@link
 * PretrainingContext#seed()}. It is the plugin's last word on the encoder: parameters it freezes
 * (no longer requiring a gradient) stay untouched by the core's optimiser. An implementation
 * whose options ask for nothing must return at once and draw no random numbers.
 *
 * @param <S> the raw-sample type
 * @param <C> the encoder-options type
 */
@FunctionalInterface
public interface EncoderPretraining<S, C extends EncoderConfig> {

  /**
   * @param encoder the block the plugin's encoder factory made for this run, initialised
   * @param options this modality's options from the experiment file
   * @param context the training samples, the fitted preprocessing, a manager and a seed
   */
  void pretrain(Block encoder, C options, PretrainingContext<S> context);
}
