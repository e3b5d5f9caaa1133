package io.sharcs.core.eval;

/**
 * The robustness tests of one modality (see {@link RobustnessEvaluator}): accuracies over the
 * whole split.
 *
 * @param modality the modality whose concepts are disturbed
 * @param noise with Gaussian noise on its local concepts
 * @param interventionClean noisy, with a random set of concepts per batch set back to the clean
 *     ones
 * @param interventionRetrieved noisy, with that set taken from missing-modality retrieval
 */
public record RobustnessResult(
    String modality, double noise, double interventionClean, double interventionRetrieved) {}
