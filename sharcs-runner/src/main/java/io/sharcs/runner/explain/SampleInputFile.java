package io.sharcs.runner.explain;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.plugins.PluginReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a new sample for {@code sharcs explain --input}: a JSON object with one entry per
 * modality name, each in the form the modality's plugin reads (as in a data set's files, e.g. a
 * list of numbers for a table row, {@code {"x": [[...]], "edges": [[0, 1], ...]}} for a graph).
 * Any modality may be left out (or null), not all.
 */
public final class SampleInputFile {

  private SampleInputFile() {}

  /**
   * Reads {@code file} with the plugins the run binds to its modalities.
   *
   * @param display the file as the user named it, for messages
   * @param bindings the run's modalities
   * @return the raw inputs by modality name, in the file's order
   * @throws InputError when the file is missing, not a JSON object, names a modality the run does
   *     not have, or gives none
   * @throws io.sharcs.api.InvalidInputException with the plugin reader's message when an entry is
   *     malformed
   */
  public static Map<String, Object> read(
      Path file, String display, List<ModalityBinding> bindings) {
    List<String> names = bindings.stream().map(ModalityBinding::name).toList();
    if (!Files.isRegularFile(file)) {
      throw new InputError(display, null,
          "file not found, expected a JSON object with an entry per modality of " + names);
    }
    JsonNode root;
    try {
      root = ConfigMappers.json().readTree(file.toFile());
    } catch (IOException e) {
      throw new InputError(display, null, "not JSON (" + e.getMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new InputError(display, null, "got " + (root == null ? "nothing" : root.getNodeType())
          + ", expected a JSON object with an entry per modality of " + names);
    }
    PluginReaders readers = PluginReaders.of(bindings);
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!names.contains(e.getKey())) {
        throw new InputError(display, e.getKey(),
            "unknown modality, expected one of the run's modalities " + names);
      }
      if (!e.getValue().isNull()) {
        inputs.put(e.getKey(), readers.read(e.getKey(), e.getValue(), display + ": " + e.getKey()));
      }
    }
    if (inputs.isEmpty()) {
      throw new InputError(display, null,
          "no modality given, expected at least one of " + names);
    }
    return inputs;
  }
}
