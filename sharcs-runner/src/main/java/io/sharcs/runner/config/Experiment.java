package io.sharcs.runner.config;

import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.config.TrainingConfig;
import java.util.List;
import java.util.Objects;

/**
 * A fully resolved experiment: every default filled in, plugins and provider looked up, every
 * option typed and validated. {@link ResolvedConfig} writes it back as a file that loads to an
 * equal value.
 *
 * @param name the experiment name
 * @param seed the master seed
 * @param mode the model trained
 * @param protocol the training/evaluation protocol
 * @param report whether the run explains its model and writes {@code report.html}
 * @param dataset the data set provider and its options
 * @param modalities the modalities in file order, bound to their plugins and options once
 * @param model the core's block sizes
 * @param training optimisation settings
 * @param runtime process settings
 */
public record Experiment(
    String name,
    long seed,
    Mode mode,
    Protocol protocol,
    boolean report,
    DatasetSelection dataset,
    List<ModalityBinding> modalities,
    ModelConfig model,
    TrainingConfig training,
    RuntimeConfig runtime) {

  public Experiment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(dataset, "dataset");
    modalities = List.copyOf(modalities);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(runtime, "runtime");
  }

  /** The core's run settings. */
  public RunSettings settings() {
    return new RunSettings(seed, mode, protocol, model, training, report);
  }
}
