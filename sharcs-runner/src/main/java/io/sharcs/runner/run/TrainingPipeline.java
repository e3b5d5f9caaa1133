package io.sharcs.runner.run;

import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.train.EpochReport;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.pipeline.Pipelines;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Trains and evaluates one model: the signature of {@link Pipelines#run}. */
@FunctionalInterface
public interface TrainingPipeline {

  /** See {@link Pipelines#run}. */
  RunResult run(
      MultimodalDataset dataset,
      List<ModalityBinding> bindings,
      RunSettings settings,
      Consumer<EpochReport> progress,
      Path modelDirectory);

  /** The SHARCS core. */
  static TrainingPipeline sharcs() {
    return Pipelines::run;
  }
}
