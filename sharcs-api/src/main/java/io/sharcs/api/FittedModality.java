package io.sharcs.api;

import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A modality ready for one run: its definition, its options and its preprocessor, fitted on the
 * training split or loaded with a saved model. It creates the run's encoders on that
 * preprocessor, so callers never handle the plugin's own preprocessor type.
 *
 * @param <S> the raw-sample type
 * @param <C> the encoder-options type
 */
public interface FittedModality<S, C extends EncoderConfig> {

  /** What the plugin contributed. */
  ModalityDefinition<S, C> definition();

  /** This run's options. */
  C options();

  /** This run's preprocessing. */
  Preprocessor<S> preprocessor();

  /** Creates the local concept encoder g_m: {@code (B, context.outputs())} pre-activations. */
  Block conceptEncoder(EncoderContext context);

  /** Creates the plain embedding encoder of the non-concept baselines. */
  Block embeddingEncoder(EncoderContext context);

  /**
   * Draws {@code sample} for a person with the plugin's {@link SampleRenderer} and this run's
   * preprocessor. Never throws for a sample of the modality's type: without a renderer the
   * result is a {@link Rendering#TEXT} excerpt of the sample's {@code toString()}, and when the
   * renderer fails it is a text rendering that says so and why.
   *
   * @throws InvalidInputException when {@code sample} is not of the modality's sample type
   */
  Rendering render(Object sample, RenderHints hints);

  /** Whether the plugin registered a {@link SampleRenderer} (else {@link #render} gives text). */
  boolean renders();

  /** Saves the preprocessing into {@code directory}, in files named after {@code modality}. */
  void save(Path directory, String modality) throws IOException;
}
