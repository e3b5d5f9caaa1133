package io.sharcs.runner.run;

import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.EpochReport;
import io.sharcs.core.ModalityBinding;
import io.sharcs.core.RunResult;
import io.sharcs.core.RunSettings;
import io.sharcs.core.SharcsPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Trains and evaluates one model: the signature of {@link SharcsPipeline#run}. */
@FunctionalInterface
public interface TrainingPipeline {

  /** See {@link SharcsPipeline#run}. */
  RunResult run(
      MultimodalDataset dataset,
      List<ModalityBinding> bindings,
      RunSettings settings,
      Consumer<EpochReport> progress,
      Path modelDirectory);

  /** The SHARCS core. */
  static TrainingPipeline sharcs() {
    return SharcsPipeline::run;
  }
}
