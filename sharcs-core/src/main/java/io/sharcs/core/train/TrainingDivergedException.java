package io.sharcs.core.train;

import io.sharcs.api.InvalidInputException;
import java.util.Optional;

/**
 * A training batch's loss became NaN or infinite: the run stops there instead of training on, and
 * writing metrics, from broken weights. Usually the learning rate is too high for the data, or the
 * inputs hold extreme values; the message says which epoch and, where known, which modality's
 * output was not finite first.
 */
public final class TrainingDivergedException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final String modality;

  /**
   * @param epoch the 1-based epoch of the batch
   * @param batch the 1-based batch within the epoch
   * @param batches the epoch's number of batches
   * @param loss the batch's loss (NaN or infinite)
   * @param modality the modality whose output was not finite, or null when unknown
   */
  public TrainingDivergedException(
      int epoch, int batch, int batches, double loss, String modality) {
    super(message(epoch, batch, batches, loss, modality));
    this.epoch = epoch;
    this.modality = modality;
  }

  /** The 1-based epoch in which the loss stopped being finite. */
  public int epoch() {
    return epoch;
  }

  /** The modality whose output was not finite, where known. */
  public Optional<String> modality() {
    return Optional.ofNullable(modality);
  }

  private static String message(int epoch, int batch, int batches, double loss, String modality) {
    String value = Double.isNaN(loss) ? "NaN" : loss > 0 ? "infinite" : "-infinite";
    return "training diverged in epoch " + epoch + " (batch " + batch + " of " + batches + "): the"
        + " loss is " + value
        + (modality == null ? "" : ", first in the output of modality " + modality)
        + ", expected a finite loss (lower training.learning_rate, or set"
        + " training.gradient_clip)";
  }
}
