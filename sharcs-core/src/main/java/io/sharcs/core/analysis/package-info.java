/**
 * Interpretability analysis on plain arrays of concepts and labels: concept completeness
 * (decision trees), concept clusters and the concept-set arithmetic.
 *
 * <p>Knows no model, no data set and no other core package: {@code eval} extracts the concepts
 * from a trained model and hands them here, never the other way round.
 */
package io.sharcs.core.analysis;
