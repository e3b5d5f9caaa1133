package io.sharcs.core.data;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.ModalityDefinition;
import java.util.Objects;

/**
 * One modality slot of an experiment: the data set's modality {@code name}, the modality plugin
 * that handles it and its options (preprocessing and local concept encoder), already bound and
 * checked against the plugin's options type; file paths in the options are resolved.
 *
 * @param name the modality name in the data set
 * @param modality what the plugin contributed
 * @param options the modality's options, of {@code modality}'s options type
 */
public record ModalityBinding(
    String name, ModalityDefinition<?, ?> modality, EncoderConfig options) {

  public ModalityBinding {
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(options, "options");
    if (name == null || name.isBlank()) {
      throw new InvalidConfigException("name", "got an empty modality name, expected a name");
    }
    modality.options(options);
  }
}
