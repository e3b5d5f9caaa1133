package io.sharcs.runner.config;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetProvider;
import java.util.Objects;

/**
 * The data set of a resolved experiment.
 *
 * @param provider the provider named by {@code dataset.type}
 * @param config its options, defaults filled in
 */
public record DatasetSelection(DatasetProvider provider, DatasetConfig config) {
  public DatasetSelection {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(config, "config");
  }
}
