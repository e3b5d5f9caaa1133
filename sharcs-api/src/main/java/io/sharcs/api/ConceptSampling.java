package io.sharcs.api;

/** Whether stochastic concept layers sample at evaluation time too. */
public enum ConceptSampling {
  /** Sample while training; take the deterministic mode (e.g. argmax) when evaluating. */
  DETERMINISTIC_IN_EVAL,
  /** Sample always, as the reference's {@code F.gumbel_softmax} does even in eval mode. */
  STOCHASTIC_ALWAYS
}
