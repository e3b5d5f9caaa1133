package io.sharcs.core;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.ModalityPlugin;
import java.util.Objects;

/**
 * One modality slot of an experiment: the data set's modality {@code name}, the plugin that
 * handles it and the encoder options.
 */
public record ModalityBinding(String name, ModalityPlugin<?> plugin, EncoderConfig encoder) {
  public ModalityBinding {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(encoder, "encoder");
    if (name == null || name.isBlank()) {
      throw new InvalidConfigException("name", "got an empty modality name, expected a name");
    }
  }
}
