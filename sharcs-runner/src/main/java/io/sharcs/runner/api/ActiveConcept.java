package io.sharcs.runner.api;

/**
 * A concept that is on for a sample (its value above 0.5, the threshold of the run's concept
 * catalogue and decision trees).
 *
 * @param modality the present modality whose encoder produced it
 * @param set the concept set: {@code "shared"} for the shared concept space, or the modality's
 *     name for its local concepts, as the run's {@code explanations.json} names catalogues
 * @param index the concept's index within its set
 * @param value its value in [0, 1]
 * @param sentence what the run's concept catalogue says of the concept (e.g. {@code "shared
 *     concept 3: on in 48% of the training samples, mostly class 1 ..."}), or null when the run
 *     folder has no {@code explanations.json} (a run with {@code report: false})
 */
public record ActiveConcept(String modality, String set, int index, double value,
    String sentence) {}
