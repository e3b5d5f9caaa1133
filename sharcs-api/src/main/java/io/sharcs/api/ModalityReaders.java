package io.sharcs.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads raw samples through the modality plugins an experiment binds: the one public path by
 * which a data set turns file content into the sample objects of a modality, so a data set never
 * needs a plugin's classes at compile time.
 */
@FunctionalInterface
public interface ModalityReaders {

  /**
   * Reads one raw sample of {@code modality} with the reader of the plugin bound to it.
   *
   * @param modality a modality name of the experiment
   * @param value the sample as a JSON/YAML tree (a path string for an image, a list of numbers
   *     for a table row, an object for a graph, a string for a text)
   * @param where a human-readable location for error messages
   * @return the plugin's sample object
   * @throws InvalidInputException naming {@code where}, what was found and what is expected, also
   *     when no plugin is bound to {@code modality}
   */
  Object read(String modality, JsonNode value, String where);
}
