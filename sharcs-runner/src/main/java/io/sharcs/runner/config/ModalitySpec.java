package io.sharcs.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidConfigException;

/**
 * One entry of the experiment file's {@code modalities:} list, before its plugin is looked up.
 *
 * @param name the data set's modality name this entry binds
 * @param plugin the {@link io.sharcs.api.ModalityPlugin} id
 * @param encoder the encoder options as written (null when left out), bound later over the
 *     plugin's defaults
 */
public record ModalitySpec(String name, String plugin, JsonNode encoder) {

  public ModalitySpec {
    ModalityNames.requireName(name);
    if (plugin == null || plugin.isBlank()) {
      throw new InvalidConfigException(
          "plugin", "got " + quote(plugin) + ", expected a modality plugin id");
    }
  }

  private static String quote(String s) {
    return s == null ? "nothing" : "'" + s + "'";
  }
}
