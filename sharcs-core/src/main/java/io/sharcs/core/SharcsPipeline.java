package io.sharcs.core;

import io.sharcs.api.MultimodalDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Trains one model on a data set and evaluates it: the whole method in one call. */
public final class SharcsPipeline {

  private SharcsPipeline() {}

  /**
   * Runs one experiment.
   *
   * @param dataset the data, already loaded
   * @param bindings one binding per modality of the data set, in slot order
   * @param settings seed, mode, protocol and hyper-parameters
   * @param progress receives one report per epoch
   * @param modelDirectory where the trained model is saved (created if missing)
   * @return metrics and engine facts
   * @throws io.sharcs.api.InvalidInputException if the data does not fit the bindings
   */
  public static RunResult run(
      MultimodalDataset dataset,
      List<ModalityBinding> bindings,
      RunSettings settings,
      Consumer<EpochReport> progress,
      Path modelDirectory) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
