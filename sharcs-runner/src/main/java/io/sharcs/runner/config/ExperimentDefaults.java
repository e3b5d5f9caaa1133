package io.sharcs.runner.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.TrainingConfig;
import java.nio.file.Path;

/**
 * The values of top-level keys an experiment file leaves out: the name from the file stem, seed
 * 0, mode {@code sharcs}, protocol {@code clean}, and the {@code DEFAULTS} of the model, training
 * and runtime records. Data set and modalities have no defaults.
 */
public final class ExperimentDefaults {

  private ExperimentDefaults() {}

  /** The defaults as a tree, ready to have the file merged over it. */
  public static ObjectNode tree(ObjectMapper mapper, String name) {
    ObjectNode d = mapper.createObjectNode();
    d.put("name", name);
    d.put("seed", 0L);
    d.put("mode", Mode.SHARCS.id());
    d.put("protocol", Protocol.CLEAN.id());
    d.put("report", true);
    d.set("model", mapper.valueToTree(ModelConfig.DEFAULTS));
    d.set("training", mapper.valueToTree(TrainingConfig.DEFAULTS));
    d.set("runtime", mapper.valueToTree(RuntimeConfig.DEFAULTS));
    return d;
  }

  /** The file name without its extension: {@code examples/xor-and-xor.yaml} gives the name. */
  public static String stem(Path file) {
    String n = file.getFileName() == null ? "experiment" : file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
