package io.sharcs.core.data;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.ModalityPlugin;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One modality slot of an experiment: the data set's modality {@code name}, the plugin that
 * handles it and its options (preprocessing and local concept encoder).
 *
 * @param baseDirectory where relative paths in the options resolve (the experiment file's folder)
 */
public record ModalityBinding(
    String name, ModalityPlugin<?> plugin, EncoderConfig encoder, Path baseDirectory) {

  /** A binding whose relative paths resolve against the working directory. */
  public ModalityBinding(String name, ModalityPlugin<?> plugin, EncoderConfig encoder) {
    this(name, plugin, encoder, Path.of(""));
  }

  public ModalityBinding {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    if (name == null || name.isBlank()) {
      throw new InvalidConfigException("name", "got an empty modality name, expected a name");
    }
  }
}
