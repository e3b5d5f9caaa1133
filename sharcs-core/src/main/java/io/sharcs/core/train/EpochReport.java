package io.sharcs.core.train;

import java.util.List;

/**
 * Progress after one training epoch.
 *
 * @param epoch 1-based epoch number
 * @param epochs total epochs
 * @param loss mean training loss over the epoch's batches
 * @param trainAccuracy accuracy on the epoch's training batches, as seen while training
 * @param distance mean semantic-regulariser distance d over the epoch's batches
 * @param seconds wall time of the epoch
 * @param local per local head trained in the epoch (a phase with local supervision), its loss and
 *     accuracy; empty otherwise
 */
public record EpochReport(
    int epoch,
    int epochs,
    double loss,
    double trainAccuracy,
    double distance,
    double seconds,
    List<Local> local) {

  public EpochReport {
    local = List.copyOf(local);
  }

  /** An epoch without local supervision. */
  public EpochReport(
      int epoch, int epochs, double loss, double trainAccuracy, double distance, double seconds) {
    this(epoch, epochs, loss, trainAccuracy, distance, seconds, List.of());
  }

  /**
   * One local head in an epoch.
   *
   * @param modality its modality
   * @param loss the mean over the epoch's batches of its loss term (BCE with logits against the
   *     one-hot auxiliary label)
   * @param accuracy the share of the epoch's training rows whose auxiliary label it predicted, as
   *     seen while training
   */
  public record Local(String modality, double loss, double accuracy) {}
}
