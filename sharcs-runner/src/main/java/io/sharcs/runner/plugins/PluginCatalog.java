package io.sharcs.runner.plugins;

import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.ModalityPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The plugins found on the class path, as found: duplicates are kept so that {@link PluginModule}
 * can report them.
 *
 * @param modalities modality plugins in discovery order, each set up ({@link ModalityDefinition#of})
 * @param datasets data set providers in discovery order
 */
public record PluginCatalog(
    List<ModalityDefinition<?, ?>> modalities, List<DatasetProvider> datasets) {

  public PluginCatalog {
    modalities = List.copyOf(modalities);
    datasets = List.copyOf(datasets);
  }

  /**
   * Discovers every {@link ModalityPlugin} and {@link DatasetProvider} listed in {@code
   * META-INF/services} with {@link ServiceLoader}.
   *
   * @throws PluginError if a listed class cannot be loaded or instantiated, or a modality
   *     plugin's setup is incomplete
   */
  public static PluginCatalog discover(ClassLoader loader) {
    List<ModalityDefinition<?, ?>> modalities = new ArrayList<>();
    List<DatasetProvider> datasets = new ArrayList<>();
    try {
      for (ModalityPlugin<?, ?> p : ServiceLoader.load(ModalityPlugin.class, loader)) {
        modalities.add(define(p));
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

  /** A catalog of the given plugins, each set up with {@link #define}, in the given order. */
  public static PluginCatalog of(
      List<? extends ModalityPlugin<?, ?>> modalities, List<DatasetProvider> datasets) {
    return new PluginCatalog(
        modalities.stream().<ModalityDefinition<?, ?>>map(PluginCatalog::define).toList(),
        datasets);
  }

  /** Runs a plugin's setup; a plugin whose setup is incomplete is reported as one line. */
  public static ModalityDefinition<?, ?> define(ModalityPlugin<?, ?> plugin) {
    try {
      return ModalityDefinition.of(plugin);
    } catch (IllegalStateException e) {
      throw new PluginError(e.getMessage() + ", expected a complete setup", e);
    } catch (RuntimeException e) {
      throw new PluginError("modality plugin " + plugin.getClass().getName()
          + ": setup() failed (" + e + ")", e);
    }
  }

  /** Discovers plugins with the class loader that loaded the runner. */
  public static PluginCatalog discover() {
    return discover(PluginCatalog.class.getClassLoader());
  }
}
