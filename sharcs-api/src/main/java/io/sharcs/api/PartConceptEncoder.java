package io.sharcs.api;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

/**
 * An optional capability of a local concept encoder {@link ai.djl.nn.Block} whose input has parts
 * (the nodes of a graph) that each pick one local concept: which concept each part picks, for
 * drawing samples with their parts coloured by concept ({@link RenderHints#partConcepts}).
 */
public interface PartConceptEncoder {

  /**
   * For each sample of {@code inputs} (a batch made by the modality's {@link Preprocessor#batch}),
   * the index of the local concept each part picks: the argmax of its concept logits, without
   * noise, so the same input gives the same answer; -1 for padding parts. Does not change the
   * block's state. Arrays it creates are closed before it returns.
   *
   * @param parameters the parameter values to use
   * @param inputs the batch
   * @return {@code [sample][part]}, one row per sample, as long as the batch's padded part count
   */
  int[][] partConcepts(ParameterStore parameters, NDList inputs);
}
