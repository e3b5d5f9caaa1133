package io.sharcs.runner.plugins;

import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.ModalityPlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The plugins found: built-in ones on the class path and those of the jars in the plugin folders,
 * each with where it came from, and those that cannot be used ({@link #broken}) with why.
 *
 * <p>Made by {@link #discover(PluginFolders)}, plugins are usable ones only: a plugin whose class
 * fails to load, whose constructor or setup throws, or whose id another plugin found earlier
 * already has (built-ins first, then the folders in order) is in {@link #broken} instead. {@link
 * #of} keeps what it is given, duplicates included, for {@link PluginModule} to refuse.
 *
 * @param modalities modality plugins in discovery order, each set up ({@link ModalityDefinition#of})
 * @param datasets data set providers in discovery order
 * @param broken the plugins, jars and folders that cannot be used, in discovery order
 * @param folders the plugin folders that were searched
 * @param jars the jar each plugin came from, by plugin instance (identity); built-ins have none
 */
public record PluginCatalog(
    List<ModalityDefinition<?, ?>> modalities,
    List<DatasetProvider> datasets,
    List<BrokenPlugin> broken,
    PluginFolders folders,
    Map<Object, Path> jars) {

  /** The origin shown for plugins on the class path. */
  public static final String BUILT_IN = "built-in";

  public PluginCatalog {
    modalities = List.copyOf(modalities);
    datasets = List.copyOf(datasets);
    broken = List.copyOf(broken);
    java.util.Objects.requireNonNull(folders, "folders");
    Map<Object, Path> copy = new IdentityHashMap<>();
    copy.putAll(jars);
    jars = java.util.Collections.unmodifiableMap(copy);
  }

  /** Built-in plugins only, none broken. */
  public PluginCatalog(List<ModalityDefinition<?, ?>> modalities, List<DatasetProvider> datasets) {
    this(modalities, datasets, List.of(), PluginFolders.NONE, Map.of());
  }

  /**
   * Where {@code plugin} (a {@link ModalityDefinition}, its plugin, or a {@link DatasetProvider}
   * of this catalog) came from: its jar's path, or {@value #BUILT_IN}.
   */
  public String origin(Object plugin) {
    Object key = plugin instanceof ModalityDefinition<?, ?> d ? d.plugin() : plugin;
    Path jar = jars.get(key);
    return jar == null ? BUILT_IN : jar.toString();
  }

  /**
   * Discovers the built-in plugins ({@link ServiceLoader} over {@code loader}) and those of the
   * jars in {@code folders} (a class loader over them whose parent is {@code loader}). Never
   * throws for a broken plugin: it is listed in {@link #broken}.
   */
  public static PluginCatalog discover(ClassLoader loader, PluginFolders folders) {
    List<BrokenPlugin> broken = new ArrayList<>();
    Map<Object, Path> jars = new IdentityHashMap<>();
    List<ModalityPlugin<?, ?>> modalityPlugins = new ArrayList<>();
    List<DatasetProvider> datasetProviders = new ArrayList<>();
    for (ModalityPlugin<?, ?> p : builtIn(ModalityPlugin.class, loader, broken)) {
      modalityPlugins.add(p);
    }
    for (DatasetProvider p : builtIn(DatasetProvider.class, loader, broken)) {
      datasetProviders.add(p);
    }
    PluginJars.Loaded loaded = PluginJars.load(folders, loader);
    broken.addAll(loaded.broken());
    for (PluginJars.Found<ModalityPlugin<?, ?>> f : loaded.modalities()) {
      modalityPlugins.add(f.plugin());
      jars.put(f.plugin(), f.jar());
    }
    for (PluginJars.Found<DatasetProvider> f : loaded.datasets()) {
      datasetProviders.add(f.plugin());
      jars.put(f.plugin(), f.jar());
    }
    Map<String, Object> modalityIds = new LinkedHashMap<>();
    List<ModalityDefinition<?, ?>> modalities = new ArrayList<>();
    for (ModalityPlugin<?, ?> p : modalityPlugins) {
      String origin = jars.containsKey(p) ? jars.get(p).toString() : BUILT_IN;
      ModalityDefinition<?, ?> d;
      try {
        d = define(p);
      } catch (PluginError e) {
        broken.add(new BrokenPlugin(origin, p.getClass().getName(), e.getMessage()));
        continue;
      }
      if (clashes("modality plugin", d.id(), p, modalityIds, jars, origin, broken)) {
        continue;
      }
      modalities.add(d);
    }
    Map<String, Object> datasetIds = new LinkedHashMap<>();
    List<DatasetProvider> datasets = new ArrayList<>();
    for (DatasetProvider p : datasetProviders) {
      String origin = jars.containsKey(p) ? jars.get(p).toString() : BUILT_IN;
      String id;
      try {
        id = p.id();
      } catch (RuntimeException e) {
        broken.add(new BrokenPlugin(origin, p.getClass().getName(),
            "id() threw " + PluginJars.cause(e)));
        continue;
      }
      if (id == null || id.isBlank()) {
        broken.add(new BrokenPlugin(origin, p.getClass().getName(),
            "has id " + (id == null ? "null" : "''") + ", expected a non-empty id"));
        continue;
      }
      if (clashes("data set provider", id, p, datasetIds, jars, origin, broken)) {
        continue;
      }
      datasets.add(p);
    }
    return new PluginCatalog(modalities, datasets, broken, folders, jars);
  }

  /** Whether {@code id} is taken already; if so, records {@code plugin} as broken. */
  private static boolean clashes(String kind, String id, Object plugin,
      Map<String, Object> taken, Map<Object, Path> jars, String origin,
      List<BrokenPlugin> broken) {
    Object first = taken.putIfAbsent(id, plugin);
    if (first == null) {
      return false;
    }
    String firstOrigin = jars.containsKey(first) ? jars.get(first).toString() : BUILT_IN;
    broken.add(new BrokenPlugin(origin, plugin.getClass().getName(),
        kind + " id '" + id + "' clashes with " + first.getClass().getName() + " ("
            + firstOrigin + "), expected each id once (remove one of them)"));
    return true;
  }

  /**
   * The {@code service} implementations {@link ServiceLoader} finds through {@code loader}; an
   * entry that fails is recorded as broken and the search goes on with the next.
   */
  private static <T> List<T> builtIn(
      Class<T> service, ClassLoader loader, List<BrokenPlugin> broken) {
    List<T> found = new ArrayList<>();
    Iterator<T> it = ServiceLoader.load(service, loader).iterator();
    // ServiceLoader recovers after a failing entry on a best-effort basis; the bound stops a
    // loader that keeps failing on the same entry.
    for (int failures = 0; failures < 100; ) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        failures++;
        broken.add(new BrokenPlugin(BUILT_IN, null,
            firstLine(e.getMessage())
                + (e.getCause() == null ? "" : " (" + PluginJars.cause(e.getCause()) + ")")));
      }
    }
    return found;
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
          + ": setup() failed (" + PluginJars.cause(e) + ")", e);
    }
  }

  /** Discovers the built-in plugins only, with the class loader that loaded the runner. */
  public static PluginCatalog discover() {
    return discover(PluginCatalog.class.getClassLoader(), PluginFolders.NONE);
  }

  /** The first line of a possibly multi-line message. */
  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
