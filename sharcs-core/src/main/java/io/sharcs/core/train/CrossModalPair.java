package io.sharcs.core.train;

/**
 * Two samples of one mini-batch, in different modalities, that show the same content: the
 * semantic regulariser pulls their shared concepts together.
 *
 * @param modalityA slot of the first modality (the lower slot)
 * @param rowA row of the first sample in the batch
 * @param modalityB slot of the second modality (the higher slot)
 * @param rowB row of the second sample in the batch
 */
public record CrossModalPair(int modalityA, int rowA, int modalityB, int rowB) {}
