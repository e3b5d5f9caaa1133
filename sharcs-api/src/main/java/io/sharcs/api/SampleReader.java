package io.sharcs.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one raw sample of a modality from a JSON/YAML value.
 *
 * @param <S> the raw-sample type
 */
@FunctionalInterface
public interface SampleReader<S> {

  /**
   * @param node the value of this modality for one sample
   * @param where a human-readable location for error messages, e.g. {@code "data.jsonl line 12"}
   * @throws InvalidInputException naming {@code where}, what was found and what is expected
   */
  S read(JsonNode node, String where);
}
