package io.sharcs.api;

import java.nio.file.Path;

/**
 * What the core tells a plugin when it builds a local concept encoder.
 *
 * @param concepts k, the number of concepts the encoder must output per sample
 * @param input the common input shape found by {@link ModalityPlugin#inspect}
 * @param sampling how stochastic concept layers (for example Gumbel-softmax) behave at
 *     evaluation time
 * @param baseDirectory the directory relative paths in the experiment file resolve against (an
 *     encoder's weights file, say)
 */
public record EncoderContext(
    int concepts, InputSpec input, ConceptSampling sampling, Path baseDirectory) {
  public EncoderContext {
    if (concepts <= 0) {
      throw new IllegalArgumentException("concepts must be > 0, got " + concepts);
    }
    if (input == null || sampling == null || baseDirectory == null) {
      throw new IllegalArgumentException("input, sampling and baseDirectory are required");
    }
  }

  /** A context whose relative paths resolve against the working directory. */
  public EncoderContext(int concepts, InputSpec input, ConceptSampling sampling) {
    this(concepts, input, sampling, Path.of(""));
  }

  /** Resolves {@code file}, as written in the experiment file, against {@link #baseDirectory}. */
  public Path resolve(String file) {
    return baseDirectory.resolve(file);
  }
}
