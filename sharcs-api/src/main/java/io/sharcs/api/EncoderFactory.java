package io.sharcs.api;

import ai.djl.nn.Block;

/**
 * Creates a modality's encoder for one run.
 *
 * @param <C> the plugin's encoder-options type
 * @param <P> the plugin's preprocessor type
 */
@FunctionalInterface
public interface EncoderFactory<C extends EncoderConfig, P> {

  /**
   * Creates the encoder. Its forward pass takes the {@link ai.djl.ndarray.NDList} made by {@code
   * preprocessor}'s {@link Preprocessor#batch} and returns one array of shape {@code (B,
   * context.outputs())}: for a local concept encoder, concept pre-activations, before the core's
   * concept normalisation and sigmoid.
   *
   * @param options this modality's options from the experiment file
   * @param preprocessor the preprocessing fitted (or loaded) for this run
   * @param context the output width and how stochastic layers behave
   * @throws InvalidInputException when the options name a missing file, say
   */
  Block create(C options, P preprocessor, EncoderContext context);
}
