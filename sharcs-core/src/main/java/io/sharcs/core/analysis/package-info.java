/**
 * Interpretability analysis on plain arrays of concepts and labels: concept completeness
 * (decision trees), concept clusters and the concept-set arithmetic, and the explanations built
 * on them: readable concept trees with rules and fidelity ({@code ConceptTree}), a concept
 * catalogue with prototypes and sentences ({@code ConceptCatalogue}), t-SNE maps ({@code
 * ConceptMap}), nearest neighbours ({@code NearestNeighbours}) and per-class metrics ({@code
 * ClassMetrics}).
 *
 * <p>Knows no model, no data set and no other core package: {@code eval} extracts the concepts
 * from a trained model and hands them here, never the other way round.
 */
package io.sharcs.core.analysis;
