/**
 * Explanations of a trained concept model, assembled from the analyses: the concept catalogue,
 * the concept trees with example samples in their nodes, t-SNE maps of the concept spaces,
 * cross-modal nearest examples and missing-modality retrieval with provenance, each sample drawn
 * by its modality's renderer. The report writes these; nothing here draws pages.
 */
package io.sharcs.core.explain;
