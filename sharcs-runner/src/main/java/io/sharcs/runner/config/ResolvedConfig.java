package io.sharcs.runner.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.core.data.ModalityBinding;
import java.io.UncheckedIOException;

/**
 * Writes a resolved {@link Experiment} back as an experiment file with every default filled in.
 * Loading the output with {@link ExperimentLoader} gives an equal experiment, so a run folder's
 * {@code config.resolved.yaml} can be run again.
 */
public final class ResolvedConfig {

  private ResolvedConfig() {}

  /** The experiment as a tree, keys in the order of the example files. */
  public static ObjectNode toTree(Experiment e, ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    root.put("name", e.name());
    root.put("seed", e.seed());
    root.put("mode", e.mode().id());
    root.put("protocol", e.protocol().id());
    root.put("report", e.report());
    ObjectNode dataset = root.putObject("dataset");
    dataset.put(ExperimentResolver.TYPE, e.dataset().provider().id());
    dataset.setAll((ObjectNode) mapper.valueToTree(e.dataset().config()));
    ArrayNode modalities = root.putArray("modalities");
    for (ModalityBinding m : e.modalities()) {
      ObjectNode node = modalities.addObject();
      node.put("name", m.name());
      node.put("plugin", m.modality().id());
      node.set("encoder", mapper.valueToTree(m.options()));
    }
    root.set("model", mapper.valueToTree(e.model()));
    root.set("training", mapper.valueToTree(e.training()));
    root.set("runtime", mapper.valueToTree(e.runtime()));
    return root;
  }

  /** The experiment as YAML text. */
  public static String toYaml(Experiment e) {
    ObjectMapper yaml = ConfigMappers.yaml();
    try {
      return yaml.writeValueAsString(toTree(e, yaml));
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
