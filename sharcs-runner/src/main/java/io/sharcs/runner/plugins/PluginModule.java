package io.sharcs.runner.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds the plugins of a {@link PluginCatalog} in Guice {@link MapBinder}s keyed by id: {@code
 * Map<String, ModalityDefinition<?, ?>>} and {@code Map<String, DatasetProvider>}. Ids are checked before
 * binding, so a duplicate fails with a message naming both classes.
 */
public final class PluginModule extends AbstractModule {

  private final PluginCatalog catalog;

  /**
   * @throws PluginError if two plugins of the same kind share an id, or an id is blank
   */
  public PluginModule(PluginCatalog catalog) {
    checkIds(catalog.modalities(), ModalityDefinition::id, "modality plugin");
    checkIds(catalog.datasets(), DatasetProvider::id, "data set provider");
    this.catalog = catalog;
  }

  @Override
  protected void configure() {
    bind(PluginCatalog.class).toInstance(catalog);
    MapBinder<String, ModalityDefinition<?, ?>> modalities =
        MapBinder.newMapBinder(
            binder(), new TypeLiteral<String>() {},
            new TypeLiteral<ModalityDefinition<?, ?>>() {});
    for (ModalityDefinition<?, ?> p : catalog.modalities()) {
      modalities.addBinding(p.id()).toInstance(p);
    }
    MapBinder<String, DatasetProvider> datasets =
        MapBinder.newMapBinder(binder(), String.class, DatasetProvider.class);
    for (DatasetProvider p : catalog.datasets()) {
      datasets.addBinding(p.id()).toInstance(p);
    }
  }

  private static <T> void checkIds(List<T> plugins, Function<T, String> id, String kind) {
    Map<String, T> seen = new LinkedHashMap<>();
    for (T p : plugins) {
      String key = id.apply(p);
      if (key == null || key.isBlank()) {
        throw new PluginError(
            kind + " " + className(p) + " has id " + (key == null ? "null" : "''")
                + ", expected a non-empty id");
      }
      T previous = seen.putIfAbsent(key, p);
      if (previous != null) {
        throw new PluginError(
            "duplicate " + kind + " id '" + key + "': provided by "
                + className(previous) + " and by " + className(p)
                + ", expected each id once (remove one of them from the class path)");
      }
    }
  }

  /** The class that implements {@code plugin}: a modality's plugin class, not its definition. */
  private static String className(Object plugin) {
    return plugin instanceof ModalityDefinition<?, ?> d
        ? d.plugin().getClass().getName()
        : plugin.getClass().getName();
  }
}
