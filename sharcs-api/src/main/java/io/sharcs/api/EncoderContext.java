package io.sharcs.api;

import java.nio.file.Path;

/**
 * What the core tells a plugin when it builds an encoder.
 *
 * @param concepts k, the width the encoder must output per sample: the number of concepts (for
 *     {@link EncoderPurpose#CONCEPTS}) or the embedding width (for {@link EncoderPurpose#EMBEDDING})
 * @param input the common input shape found by {@link ModalityPlugin#inspect}
 * @param sampling how stochastic concept layers (for example Gumbel-softmax) behave at
 *     evaluation time
 * @param baseDirectory the directory relative paths in the experiment file resolve against (an
 *     encoder's weights file, say)
 * @param purpose whether the core wants a local concept encoder (SHARCS, multi-CBM) or a plain
 *     embedding encoder (the non-concept baselines); see {@link EncoderPurpose}
 */
public record EncoderContext(
    int concepts,
    InputSpec input,
    ConceptSampling sampling,
    Path baseDirectory,
    EncoderPurpose purpose) {
  public EncoderContext {
    if (concepts <= 0) {
      throw new IllegalArgumentException("concepts must be > 0, got " + concepts);
    }
    if (input == null || sampling == null || baseDirectory == null || purpose == null) {
      throw new IllegalArgumentException(
          "input, sampling, baseDirectory and purpose are required");
    }
  }

  /** A context for a local concept encoder ({@link EncoderPurpose#CONCEPTS}). */
  public EncoderContext(int concepts, InputSpec input, ConceptSampling sampling, Path baseDirectory) {
    this(concepts, input, sampling, baseDirectory, EncoderPurpose.CONCEPTS);
  }

  /**
   * A context for a local concept encoder ({@link EncoderPurpose#CONCEPTS}) whose relative paths
   * resolve against the working directory.
   */
  public EncoderContext(int concepts, InputSpec input, ConceptSampling sampling) {
    this(concepts, input, sampling, Path.of(""));
  }

  /** Resolves {@code file}, as written in the experiment file, against {@link #baseDirectory}. */
  public Path resolve(String file) {
    return baseDirectory.resolve(file);
  }
}
