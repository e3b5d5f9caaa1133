/**
 * A trained model as files and back: the model folder ({@code model.json}, the network's
 * parameters, each modality's preprocessing and retrieval bank), loading it without the training
 * data, and predicting with it, with the provenance of every retrieved modality. It sits between
 * the evaluation layer, whose missing-modality retrieval it shares, and the pipeline, which saves.
 */
package io.sharcs.core.saved;
