package io.sharcs.runner.api;

/**
 * The sample of a model's retrieval bank (its training split) that stood in for a missing
 * modality: the one whose shared concepts of that modality are nearest to the shared concepts
 * of the sample's first present modality.
 *
 * @param sampleId the bank sample's id in its data set
 * @param distance the Euclidean distance in the shared concept space
 */
public record RetrievedSample(String sampleId, double distance) {}
