package io.sharcs.runner.cli;

import io.sharcs.api.DataWrites;
import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.DatasetGenerator;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.GeneratorOptions;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.datasets.manifest.ManifestWriter;
import io.sharcs.runner.plugins.PluginReaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sharcs generate <id> --out DIR [--seed S] [--key value]...} for a provider without a
 * generator of its own: loads its data set exactly as {@code sharcs run} would with the same
 * options and seed, but with readers that keep each input as the JSON value the provider gave
 * ({@link PluginReaders#trees()}), and writes it with {@link ManifestWriter}. Generic over the
 * data set SPI: nothing here knows a data set by name.
 */
public final class ManifestExport {

  private ManifestExport() {}

  /**
   * Writes {@code provider}'s data set as a manifest.
   *
   * @param tokens {@code --key value} pairs: {@code --seed} (default 0) and the provider's options
   * @return the summary, e.g. {@code "1000 rows as a manifest (rows.csv, manifest.yaml)"}
   */
  public static String export(DatasetProvider provider, List<String> tokens, Path out) {
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
    DatasetConfig config = GeneratorOptions.bind(options(provider), rest);
    MultimodalDataset dataset = provider.load(config, new DatasetContext(seed, out, out.toString(),
        PluginReaders.trees(), DataWrites.inside(out), line -> {}));
    int rows = ManifestWriter.write(dataset, out);
    return rows + " rows of " + dataset.name() + " (seed " + seed + ") as a manifest ("
        + ManifestWriter.ROWS + ", " + ManifestWriter.BLOCK + ")";
  }

  /** The provider's options as generator options, bound by the same strict rules. */
  @SuppressWarnings("unchecked")
  private static DatasetGenerator<DatasetConfig> options(DatasetProvider provider) {
    Map<String, Object> defaults =
        ConfigMappers.yaml().convertValue(provider.defaultConfig(), Map.class);
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
