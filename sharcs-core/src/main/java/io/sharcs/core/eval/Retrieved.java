package io.sharcs.core.eval;

/**
 * One bank entry found by missing-modality retrieval: what stood in for the missing modality.
 *
 * @param row the entry's row in its {@link ConceptBank}
 * @param sampleId the id of the sample the entry was computed from
 * @param distance the Euclidean distance between the query and the entry
 */
public record Retrieved(int row, String sampleId, double distance) {}
