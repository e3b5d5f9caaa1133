package io.sharcs.core.eval;

/**
 * Missing-modality retrieval for one modality: the accuracy when that modality is taken away and
 * retrieved (see {@link MissingModalityEvaluator}).
 *
 * @param modality the modality taken away
 * @param accuracy the fraction of rows predicted right
 */
public record MissingModalityResult(String modality, double accuracy) {}
