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

  /** Saves the preprocessing into {@code directory}, in files named after {@code modality}. */
  void save(Path directory, String modality) throws IOException;
}
