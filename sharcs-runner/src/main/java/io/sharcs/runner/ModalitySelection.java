package io.sharcs.runner;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.core.data.ModalityBinding;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One modality of a resolved experiment.
 *
 * @param name the data set's modality name
 * @param plugin the plugin handling it
 * @param encoder the encoder options, defaults filled in
 */
public record ModalitySelection(String name, ModalityPlugin<?> plugin, EncoderConfig encoder) {
  public ModalitySelection {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(encoder, "encoder");
  }

  /**
   * The core's view of this modality.
   *
   * @param baseDirectory where relative paths in the options resolve (the experiment's folder)
   */
  public ModalityBinding binding(Path baseDirectory) {
    return new ModalityBinding(name, plugin, encoder, baseDirectory);
  }
}
