package io.sharcs.api;

/**
 * What the core tells a plugin when it builds a local concept encoder.
 *
 * @param concepts k, the number of concepts the encoder must output per sample
 * @param input the common input shape found by {@link ModalityPlugin#inspect}
 * @param sampling how stochastic concept layers (for example Gumbel-softmax) behave at
 *     evaluation time
 */
public record EncoderContext(int concepts, InputSpec input, ConceptSampling sampling) {
  public EncoderContext {
    if (concepts <= 0) {
      throw new IllegalArgumentException("concepts must be > 0, got " + concepts);
    }
    if (input == null || sampling == null) {
      throw new IllegalArgumentException("input and sampling are required");
    }
  }
}
