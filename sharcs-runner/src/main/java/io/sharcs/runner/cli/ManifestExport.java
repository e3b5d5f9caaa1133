package io.sharcs.runner.cli;

import io.sharcs.api.DataWrites;
import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.DatasetGenerator;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.SampleForm;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.GeneratorOptions;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.datasets.manifest.ManifestWriter;
import io.sharcs.runner.plugins.PluginReaders;
import io.sharcs.runner.plugins.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a provider's data set as a manifest ({@link ManifestWriter}), generic over the data set
 * SPI: nothing here knows a data set by name. The data set is loaded exactly as {@code sharcs
 * run} would with the same options and seed, but with readers that keep each input as the JSON
 * value the provider gave ({@link PluginReaders#trees()}); how each modality's values are stored
 * is the {@link SampleForm} of the plugin the provider names for it ({@link
 * DatasetProvider#plugins}), {@link SampleForm#JSON} when it names none or that plugin is not
 * installed.
 */
public final class ManifestExport {

  private ManifestExport() {}

  /**
   * {@code sharcs generate <id> --out DIR [--seed S] [--key value]...} for a provider without a
   * generator of its own: writes its data set as a manifest into {@code out}, which must be
   * absent or empty.
   *
   * @param tokens {@code --key value} pairs: {@code --seed} (default 0) and the provider's options
   * @return the summary, e.g. {@code "1000 rows of xor-and-xor (seed 0) as a manifest (rows.csv,
   *     manifest.yaml)"}
   */
  public static String export(
      DatasetProvider provider, PluginRegistry registry, List<String> tokens, Path out) {
    long seed = 0;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).equals("--seed") && i + 1 < tokens.size()) {
        try {
          seed = Long.parseLong(tokens.get(++i));
        } catch (NumberFormatException e) {
          throw new InputError(null, "--seed", "got '" + tokens.get(i) + "', expected an integer");
        }
      } else {
        rest.add(tokens.get(i));
      }
    }
    DatasetConfig config = GeneratorOptions.bind(options(provider, Map.of()), rest);
    requireEmpty(out);
    int rows = write(provider, registry, config, seed, out);
    return rows + " rows of " + provider.id() + " (seed " + seed + ") as a manifest ("
        + ManifestWriter.ROWS + ", " + ManifestWriter.BLOCK + ")";
  }

  /**
   * After a provider's generator wrote {@code out}: loads the data set from there with the
   * options the generator gives ({@link DatasetGenerator#readBack}) and writes it as a manifest
   * beside the generated files, referencing them where they are.
   *
   * @param readBack the provider's options that read {@code out}, over its defaults
   * @return the summary, e.g. {@code "a manifest of 200 rows (rows.csv, manifest.yaml)"}
   */
  public static String beside(DatasetProvider provider, PluginRegistry registry,
      Map<String, Object> readBack, Path out) {
    DatasetConfig config = GeneratorOptions.bind(options(provider, readBack), List.of());
    int rows = write(provider, registry, config, 0, out);
    return "a manifest of " + rows + " rows (" + ManifestWriter.ROWS + ", "
        + ManifestWriter.BLOCK + ")";
  }

  /** How each modality of {@code provider}'s data set is stored: its plugin's form. */
  static Map<String, SampleForm> forms(
      DatasetProvider provider, DatasetConfig config, PluginRegistry registry) {
    Map<String, SampleForm> forms = new LinkedHashMap<>();
    provider.plugins(config).forEach((modality, plugin) -> registry.modality(plugin)
        .ifPresent(definition -> forms.put(modality, definition.sampleForm())));
    return forms;
  }

  private static int write(DatasetProvider provider, PluginRegistry registry,
      DatasetConfig config, long seed, Path out) {
    MultimodalDataset dataset;
    try {
      dataset = provider.load(config, new DatasetContext(seed, out,
          out.toString(), PluginReaders.trees(), DataWrites.inside(out), line -> {}));
    } catch (InvalidConfigException e) {
      // A provider asked to write outside the output folder (DataWrites): the option's fault.
      throw new InputError(null, "--" + e.field(), e.problem(), e);
    }
    return ManifestWriter.write(dataset, forms(provider, config, registry), out);
  }

  private static void requireEmpty(Path out) {
    if (!Files.isDirectory(out)) {
      return;
    }
    try (var listing = Files.list(out)) {
      if (listing.findAny().isPresent()) {
        throw new InvalidInputException(out + ": folder is not empty, expected an absent or"
            + " empty folder");
      }
    } catch (IOException e) {
      throw new InvalidInputException(out + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The provider's options as generator options, bound by the same strict rules: its defaults,
   * with {@code over} on top.
   */
  @SuppressWarnings("unchecked")
  private static DatasetGenerator<DatasetConfig> options(
      DatasetProvider provider, Map<String, Object> over) {
    Map<String, Object> defaults = new LinkedHashMap<>(
        ConfigMappers.yaml().convertValue(provider.defaultConfig(), Map.class));
    defaults.putAll(over);
    return new DatasetGenerator<>() {
      @Override
      public Class<DatasetConfig> optionsType() {
        return (Class<DatasetConfig>) provider.configType();
      }

      @Override
      public Map<String, Object> defaults() {
        return defaults;
      }

      @Override
      public String usage() {
        return "";
      }

      @Override
      public String generate(DatasetConfig options, Path out) {
        throw new UnsupportedOperationException("bound only");
      }
    };
  }
}
