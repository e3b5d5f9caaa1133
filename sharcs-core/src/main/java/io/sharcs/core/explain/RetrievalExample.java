package io.sharcs.core.explain;

/**
 * Missing-modality retrieval with provenance: a test sample predicted with one modality left
 * out, and the training sample whose shared concepts stood in for it.
 *
 * @param missing the modality left out
 * @param query the test sample
 * @param retrievedId the retrieved bank entry's sample id
 * @param retrieved the retrieved sample
 * @param distance L2 distance between the query and the entry in the shared concept space
 * @param predicted the class predicted with the retrieved concepts
 * @param predictedName that class's name
 */
public record RetrievalExample(
    String missing,
    SampleRef query,
    String retrievedId,
    SampleRef retrieved,
    double distance,
    int predicted,
    String predictedName) {}
