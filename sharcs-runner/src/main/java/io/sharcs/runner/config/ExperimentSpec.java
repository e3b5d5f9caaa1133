package io.sharcs.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.TrainingConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An experiment file as bound, before plugins are looked up: the data set and encoder options are
 * still trees, because their types depend on the plugins named. Defaults are already filled in
 * (see {@link ExperimentDefaults}).
 *
 * @param name the experiment name, used in the run-folder path
 * @param seed the master seed
 * @param mode the model trained
 * @param protocol the training/evaluation protocol
 * @param report whether the run explains its model and writes {@code report.html}
 * @param dataset the {@code dataset:} mapping: {@code type} names the provider, the other keys are
 *     its options
 * @param modalities at least two modality bindings with distinct names
 * @param model the core's block sizes
 * @param training optimisation settings
 * @param runtime process settings
 */
public record ExperimentSpec(
    String name,
    long seed,
    Mode mode,
    Protocol protocol,
    boolean report,
    JsonNode dataset,
    List<ModalitySpec> modalities,
    ModelConfig model,
    TrainingConfig training,
    RuntimeConfig runtime) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public ExperimentSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidConfigException(
          "name",
          "got " + (name == null ? "nothing" : "'" + name + "'")
              + ", expected a name of letters, digits, '.', '_' and '-' (it names the run folder)");
    }
    if (mode == null) {
      throw new InvalidConfigException("mode", "got null, expected one of sharcs, multi-cbm");
    }
    if (protocol == null) {
      throw new InvalidConfigException("protocol", "got null, expected clean or reference");
    }
    if (ConfigTrees.isEmpty(dataset)) {
      throw new InvalidConfigException(
          "dataset", "got nothing, expected a mapping with 'type' and the data set's options");
    }
    if (modalities == null) {
      throw new InvalidConfigException(
          "modalities", "got nothing, expected a list of at least 2 modalities");
    }
    if (modalities.size() < 2) {
      throw new InvalidConfigException(
          "modalities",
          "got " + modalities.size() + " modalit" + (modalities.size() == 1 ? "y" : "ies")
              + ", expected at least 2");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < modalities.size(); i++) {
      ModalitySpec m = modalities.get(i);
      if (m == null) {
        throw new InvalidConfigException(
            "modalities[" + i + "]", "got null, expected a mapping with name and plugin");
      }
      ModalityNames.requireNew(seen, m.name(), i);
    }
    modalities = List.copyOf(modalities);
    if (model == null || training == null || runtime == null) {
      throw new InvalidConfigException(
          model == null ? "model" : training == null ? "training" : "runtime",
          "got null, expected a mapping");
    }
  }
}
