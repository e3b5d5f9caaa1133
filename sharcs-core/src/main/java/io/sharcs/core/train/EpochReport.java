package io.sharcs.core.train;

/**
 * Progress after one training epoch.
 *
 * @param epoch 1-based epoch number
 * @param epochs total epochs
 * @param loss mean training loss over the epoch's batches
 * @param trainAccuracy accuracy on the epoch's training batches, as seen while training
 * @param distance mean semantic-regulariser distance d over the epoch's batches
 * @param seconds wall time of the epoch
 */
public record EpochReport(
    int epoch, int epochs, double loss, double trainAccuracy, double distance, double seconds) {}
