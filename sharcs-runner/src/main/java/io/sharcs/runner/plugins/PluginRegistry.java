package io.sharcs.runner.plugins;

import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityDefinition;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The usable plugins, by id: what experiment files may name. One per CLI injector. */
@Singleton
public final class PluginRegistry {

  private final SortedMap<String, ModalityDefinition<?, ?>> modalities;
  private final SortedMap<String, DatasetProvider> datasets;
  private final PluginCatalog catalog;

  /** Built by Guice from the {@link PluginModule} map bindings and the catalog they came from. */
  @Inject
  public PluginRegistry(
      Map<String, ModalityDefinition<?, ?>> modalities, Map<String, DatasetProvider> datasets,
      PluginCatalog catalog) {
    this.modalities = Collections.unmodifiableSortedMap(new TreeMap<>(modalities));
    this.datasets = Collections.unmodifiableSortedMap(new TreeMap<>(datasets));
    this.catalog = catalog;
  }

  /** A registry of these plugins, all built in, none broken. */
  public PluginRegistry(
      Map<String, ModalityDefinition<?, ?>> modalities, Map<String, DatasetProvider> datasets) {
    this(modalities, datasets, new PluginCatalog(java.util.List.of(), java.util.List.of()));
  }

  /**
   * A registry of {@code catalog}'s plugins by id (no checks: {@link PluginModule} checks ids when
   * the command line starts).
   */
  public static PluginRegistry of(PluginCatalog catalog) {
    Map<String, ModalityDefinition<?, ?>> modalities = new java.util.LinkedHashMap<>();
    catalog.modalities().forEach(m -> modalities.put(m.id(), m));
    Map<String, DatasetProvider> datasets = new java.util.LinkedHashMap<>();
    catalog.datasets().forEach(d -> datasets.put(d.id(), d));
    return new PluginRegistry(modalities, datasets, catalog);
  }

  /** Where {@code plugin} came from: its jar's path, or {@value PluginCatalog#BUILT_IN}. */
  public String origin(Object plugin) {
    return catalog.origin(plugin);
  }

  /** The plugins that cannot be used, with why. */
  public java.util.List<BrokenPlugin> broken() {
    return catalog.broken();
  }

  /** The plugin folders that were searched, with what named each. */
  public PluginFolders folders() {
    return catalog.folders();
  }

  /** Where plugins are looked for, for messages about an unknown id. */
  public String searched() {
    return catalog.folders().describe();
  }

  /** Modality plugins by id, sorted. */
  public SortedMap<String, ModalityDefinition<?, ?>> modalities() {
    return modalities;
  }

  /** Data set providers by id, sorted. */
  public SortedMap<String, DatasetProvider> datasets() {
    return datasets;
  }

  /** The modality plugin with {@code id}, if any. */
  public Optional<ModalityDefinition<?, ?>> modality(String id) {
    return Optional.ofNullable(modalities.get(id));
  }

  /** The data set provider with {@code id}, if any. */
  public Optional<DatasetProvider> dataset(String id) {
    return Optional.ofNullable(datasets.get(id));
  }

  /** The modality plugin ids, comma-separated, for messages ({@code none} if there are none). */
  public String modalityIds() {
    return modalities.isEmpty() ? "none installed" : String.join(", ", modalities.keySet());
  }

  /** The data set provider ids, comma-separated, for messages. */
  public String datasetIds() {
    return datasets.isEmpty() ? "none installed" : String.join(", ", datasets.keySet());
  }
}
