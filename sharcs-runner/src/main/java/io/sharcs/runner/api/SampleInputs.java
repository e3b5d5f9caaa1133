package io.sharcs.runner.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.core.data.ModalityBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one sample given by modality name into the plugins' sample objects: a plugin's own
 * sample object is kept, a {@link JsonNode} is read by the plugin ({@code readSample}, the form
 * data files use), and any other value is first mapped to JSON by Jackson (a {@code String} to a
 * JSON string, a {@code List} or array to a JSON list, a {@code Map} to a JSON object).
 */
final class SampleInputs {

  private final Map<String, ModalityDefinition<?, ?>> byName = new LinkedHashMap<>();

  SampleInputs(List<ModalityBinding> bindings) {
    bindings.forEach(b -> byName.put(b.name(), b.modality()));
  }

  /**
   * The sample's modalities as plugin samples, without the missing ones (absent or null).
   *
   * @throws SharcsException naming the modality when it is unknown or its input unreadable, or
   *     when no modality is given
   */
  Map<String, Object> read(Map<String, ?> sample) {
    if (sample == null) {
      throw new SharcsException("sample: got null, expected a map from modality name to input",
          true, null);
    }
    // Sorted: the messages and the reading order do not depend on the caller's map type.
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : new TreeMap<String, Object>(sample).entrySet()) {
      ModalityDefinition<?, ?> modality = byName.get(e.getKey());
      if (modality == null) {
        throw new SharcsException("sample: unknown modality '" + e.getKey()
            + "', expected one of the model's modalities " + byName.keySet(), true, null);
      }
      if (e.getValue() != null) {
        out.put(e.getKey(), read(modality, e.getValue(), "sample modality '" + e.getKey() + "'"));
      }
    }
    if (out.isEmpty()) {
      throw new SharcsException("sample: no modality given, expected at least one of "
          + byName.keySet(), true, null);
    }
    return out;
  }

  private static Object read(ModalityDefinition<?, ?> modality, Object value, String where) {
    if (modality.sampleType().isInstance(value)) {
      return value;
    }
    JsonNode node;
    try {
      node = value instanceof JsonNode j ? j : ExperimentBuilder.jsonValue(value);
    } catch (IllegalArgumentException e) {
      throw new SharcsException(where + ": found " + value.getClass().getName()
          + ", expected " + modality.sampleType().getSimpleName() + " or its JSON form", true, e);
    }
    try {
      return modality.reader().read(node, where);
    } catch (RuntimeException e) {
      throw SharcsException.wrap(e);
    }
  }
}
