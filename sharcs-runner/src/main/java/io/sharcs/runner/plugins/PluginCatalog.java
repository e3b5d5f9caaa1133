package io.sharcs.runner.plugins;

import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The plugins found on the class path, as found: duplicates are kept so that {@link PluginModule}
 * can report them.
 *
 * @param modalities modality plugins in discovery order
 * @param datasets data set providers in discovery order
 */
public record PluginCatalog(List<ModalityPlugin<?>> modalities, List<DatasetProvider> datasets) {

  public PluginCatalog {
    modalities = List.copyOf(modalities);
    datasets = List.copyOf(datasets);
  }

  /**
   * Discovers every {@link ModalityPlugin} and {@link DatasetProvider} listed in {@code
   * META-INF/services} with {@link ServiceLoader}.
   *
   * @throws PluginError if a listed class cannot be loaded or instantiated
   */
  public static PluginCatalog discover(ClassLoader loader) {
    List<ModalityPlugin<?>> modalities = new ArrayList<>();
    List<DatasetProvider> datasets = new ArrayList<>();
    try {
      for (ModalityPlugin<?> p : ServiceLoader.load(ModalityPlugin.class, loader)) {
        modalities.add(p);
      }
      for (DatasetProvider p : ServiceLoader.load(DatasetProvider.class, loader)) {
        datasets.add(p);
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginError(
          "a plugin on the class path cannot be loaded: " + e.getMessage(), e);
    }
    return new PluginCatalog(modalities, datasets);
  }

  /** Discovers plugins with the class loader that loaded the runner. */
  public static PluginCatalog discover() {
    return discover(PluginCatalog.class.getClassLoader());
  }
}
