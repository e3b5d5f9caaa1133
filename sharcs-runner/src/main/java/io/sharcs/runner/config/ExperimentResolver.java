package io.sharcs.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.runner.plugins.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves an {@link ExperimentSpec} against the {@link PluginRegistry}: looks up the data set
 * provider and the modality plugins, and binds their options over their defaults (the file's keys
 * win) into their typed config records.
 */
public final class ExperimentResolver {

  /** The key of the {@code dataset:} mapping that names the provider. */
  public static final String TYPE = "type";

  private final PluginRegistry registry;
  private final ConfigBinder binder;

  /**
   * @param registry the installed plugins
   * @param binder binds trees with the file's mapper and names the file in errors
   */
  public ExperimentResolver(PluginRegistry registry, ConfigBinder binder) {
    this.registry = registry;
    this.binder = binder;
  }

  /**
   * Resolves {@code spec}.
   *
   * @throws InputError naming the field for an unknown id or a bad option
   */
  public Experiment resolve(ExperimentSpec spec) {
    DatasetSelection dataset = resolveDataset(spec.dataset());
    List<ModalityBinding> modalities = new ArrayList<>();
    for (int i = 0; i < spec.modalities().size(); i++) {
      modalities.add(resolveModality(spec.modalities().get(i), ConfigPath.root()
          .key("modalities").index(i)));
    }
    // Names the options alone determine are checked now, before any data is read or generated.
    dataset.provider().modalities(dataset.config()).ifPresent(names ->
        ModalityNames.inDatasetOrder(ModalityNames.byName(modalities, ModalityBinding::name),
            names, dataset.provider().id(), binder.file()));
    try {
      spec.training().learningRates().requireModalities(
          modalities.stream().map(ModalityBinding::name).toList());
    } catch (InvalidConfigException e) {
      throw new InputError(binder.file(), e.field(), e.problem(), e);
    }
    return new Experiment(
        spec.name(), spec.seed(), spec.mode(), spec.protocol(), spec.report(), dataset,
        modalities,
        spec.model(), spec.training(), spec.runtime());
  }

  private DatasetSelection resolveDataset(JsonNode node) {
    ConfigPath path = ConfigPath.root().key("dataset");
    if (ConfigTrees.isEmpty(node)) {
      throw error(path, "got nothing, expected a mapping with 'type' and the data set's options");
    }
    if (!node.isObject()) {
      throw error(path, "got " + ConfigTrees.describe(node) + ", expected a mapping with 'type'");
    }
    JsonNode type = node.get(TYPE);
    String known = registry.datasets().isEmpty()
        ? "a data set provider id, but none is installed"
        : "one of " + registry.datasetIds();
    if (type == null || !type.isTextual()) {
      throw error(path.key(TYPE), "got " + ConfigTrees.describe(type) + ", expected " + known);
    }
    DatasetProvider provider = registry.dataset(type.asText())
        .orElseThrow(() -> error(path.key(TYPE), "got '" + type.asText() + "', expected " + known
            + " (data set providers are looked for in: " + registry.searched() + ")"));
    ObjectNode options = ((ObjectNode) node).deepCopy();
    options.remove(TYPE);
    ObjectNode merged = ConfigTrees.merge(defaults(provider.defaultConfig()), options);
    DatasetConfig config = binder.bind(merged, provider.configType(), path, Set.of(TYPE));
    return new DatasetSelection(provider, config);
  }

  private ModalityBinding resolveModality(ModalitySpec spec, ConfigPath path) {
    ModalityDefinition<?, ?> plugin = registry.modality(spec.plugin())
        .orElseThrow(() -> error(
            path.key("plugin"),
            "got '" + spec.plugin() + "', expected "
                + (registry.modalities().isEmpty()
                    ? "a modality plugin id, but none is installed"
                    : "one of " + registry.modalityIds())
                + " (plugins are looked for in: " + registry.searched() + ")"));
    ConfigPath encoderPath = path.key("encoder");
    JsonNode encoder = spec.encoder();
    if (!ConfigTrees.isEmpty(encoder) && !encoder.isObject()) {
      throw error(encoderPath, "got " + ConfigTrees.describe(encoder) + ", expected a mapping");
    }
    ObjectNode merged = ConfigTrees.merge(defaults(plugin.defaults()), encoder);
    EncoderConfig config = binder.bind(merged, plugin.optionsType(), encoderPath);
    return new ModalityBinding(spec.name(), plugin, config);
  }

  private ObjectNode defaults(Object defaults) {
    ObjectMapper mapper = binder.mapper();
    JsonNode tree = mapper.valueToTree(defaults);
    return tree instanceof ObjectNode o ? o : mapper.createObjectNode();
  }

  private InputError error(ConfigPath path, String problem) {
    return new InputError(binder.file(), path.toString(), problem);
  }
}
