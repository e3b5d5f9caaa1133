package io.sharcs.api;

/** Whether stochastic concept layers sample at evaluation time too. */
public enum ConceptSampling {
  /**
   * Sample while training; when evaluating, use a deterministic value that is consistent with
   * the training-time samples (the graph plugin takes their expectation).
   */
  DETERMINISTIC_IN_EVAL,
  /** Sample always, as the reference's {@code F.gumbel_softmax} does even in eval mode. */
  STOCHASTIC_ALWAYS
}
