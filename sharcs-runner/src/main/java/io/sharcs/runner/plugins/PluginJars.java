package io.sharcs.runner.plugins;

import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityPlugin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Loads the plugins of the jars in {@link PluginFolders}: one class loader over all the jars
 * (parent: the loader of sharcs-api, so plugins share its types), and for each jar, in folder
 * order then file-name order, the classes its {@code META-INF/services} files list, instantiated
 * as {@link java.util.ServiceLoader} would (public no-argument constructor). The service files
 * are read per jar, rather than through one {@code ServiceLoader} over the loader, so that every
 * plugin, and every failure, is attributed to its jar.
 */
final class PluginJars {

  /** The service interfaces a plugin jar may implement. */
  static final List<Class<?>> SERVICES = List.of(ModalityPlugin.class, DatasetProvider.class);

  /**
   * What the jars contributed.
   *
   * @param modalities modality plugins (not yet set up), with their jar
   * @param datasets data set providers, with their jar
   * @param broken jars, folders and classes that cannot be used
   */
  record Loaded(
      List<Found<ModalityPlugin<?, ?>>> modalities,
      List<Found<DatasetProvider>> datasets,
      List<BrokenPlugin> broken) {}

  /** A plugin instance and the jar it came from. */
  record Found<T>(T plugin, Path jar) {}

  private PluginJars() {}

  /** Loads every plugin jar of {@code folders}; never throws for a bad jar or class. */
  static Loaded load(PluginFolders folders, ClassLoader parent) {
    List<BrokenPlugin> broken = new ArrayList<>();
    List<Path> jars = new ArrayList<>();
    for (PluginFolders.Folder f : folders.folders()) {
      jars.addAll(jarsIn(f, broken));
    }
    List<Found<ModalityPlugin<?, ?>>> modalities = new ArrayList<>();
    List<Found<DatasetProvider>> datasets = new ArrayList<>();
    if (jars.isEmpty()) {
      return new Loaded(modalities, datasets, broken);
    }
    List<Path> readable = new ArrayList<>();
    List<List<List<String>>> entries = new ArrayList<>();
    for (Path jar : jars) {
      try {
        entries.add(serviceEntries(jar));
        readable.add(jar);
      } catch (IOException | RuntimeException e) {
        broken.add(new BrokenPlugin(jar.toString(), null,
            "not a readable jar (" + cause(e) + "), expected a jar built from a plugin project"));
      }
    }
    // Never closed: the plugins' classes are used until the JVM ends.
    URLClassLoader loader = new URLClassLoader("sharcs-plugins", urls(readable), parent);
    for (int j = 0; j < readable.size(); j++) {
      Path jar = readable.get(j);
      List<List<String>> byService = entries.get(j);
      if (byService.stream().allMatch(List::isEmpty)) {
        broken.add(new BrokenPlugin(jar.toString(), null,
            "lists no plugin, expected META-INF/services/" + ModalityPlugin.class.getName()
                + " or META-INF/services/" + DatasetProvider.class.getName()));
        continue;
      }
      for (String name : byService.get(0)) {
        Object p = instantiate(loader, jar, name, ModalityPlugin.class, broken);
        if (p != null) {
          modalities.add(new Found<>((ModalityPlugin<?, ?>) p, jar));
        }
      }
      for (String name : byService.get(1)) {
        Object p = instantiate(loader, jar, name, DatasetProvider.class, broken);
        if (p != null) {
          datasets.add(new Found<>((DatasetProvider) p, jar));
        }
      }
    }
    return new Loaded(modalities, datasets, broken);
  }

  /** The jars of one folder, sorted by file name so that the load order is reproducible. */
  private static List<Path> jarsIn(PluginFolders.Folder folder, List<BrokenPlugin> broken) {
    if (!Files.isDirectory(folder.path())) {
      if (folder.required()) {
        broken.add(new BrokenPlugin(folder.path().toString(), null,
            "no such folder (named by " + folder.source() + "), expected a folder of plugin jars"));
      }
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder.path())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      broken.add(new BrokenPlugin(folder.path().toString(), null,
          "cannot list the folder (" + cause(e) + ")"));
      return List.of();
    }
  }

  /** Per service of {@link #SERVICES}, the class names its service file in {@code jar} lists. */
  private static List<List<String>> serviceEntries(Path jar) throws IOException {
    List<List<String>> out = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Class<?> service : SERVICES) {
        ZipEntry entry = file.getEntry("META-INF/services/" + service.getName());
        out.add(entry == null ? List.of() : names(file.getInputStream(entry)));
      }
    }
    return out;
  }

  /** The class names of a service file: one per line, {@code #} starts a comment. */
  private static List<String> names(InputStream in) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (!name.isEmpty() && !names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** The plugin {@code name} of {@code jar}, or null after recording why it cannot be used. */
  private static Object instantiate(
      ClassLoader loader, Path jar, String name, Class<?> service, List<BrokenPlugin> broken) {
    String kind = service == ModalityPlugin.class ? "modality plugin" : "data set provider";
    Class<?> type;
    try {
      type = Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      broken.add(new BrokenPlugin(jar.toString(), name,
          kind + " class cannot be loaded (" + cause(e) + ")"));
      return null;
    }
    if (!service.isAssignableFrom(type)) {
      broken.add(new BrokenPlugin(jar.toString(), name,
          "does not implement " + service.getName() + " (built against another sharcs-api?)"));
      return null;
    }
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      broken.add(new BrokenPlugin(jar.toString(), name,
          "has no public no-argument constructor, expected one for ServiceLoader"));
    } catch (InvocationTargetException e) {
      broken.add(new BrokenPlugin(jar.toString(), name,
          "constructor threw " + cause(e.getCause())));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      broken.add(new BrokenPlugin(jar.toString(), name,
          kind + " cannot be instantiated (" + cause(e) + ")"));
    }
    return null;
  }

  private static URL[] urls(List<Path> jars) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException("a file path is always a URL: " + jars.get(i), e);
      }
    }
    return urls;
  }

  /**
   * {@code t} and its causes in one line: {@code IllegalStateException: no licence (caused by
   * NoSuchFileException: /x)}; an initialiser's or reflective wrapper is skipped.
   */
  static String cause(Throwable t) {
    Throwable shown = t;
    while ((shown instanceof ExceptionInInitializerError
            || shown instanceof InvocationTargetException)
        && shown.getCause() != null) {
      shown = shown.getCause();
    }
    StringBuilder b = new StringBuilder(describe(shown));
    int depth = 0;
    for (Throwable c = shown.getCause(); c != null && c != shown && depth < 3;
        c = c.getCause(), depth++) {
      b.append(" (caused by ").append(describe(c)).append(')');
    }
    return b.toString();
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    String line = message == null ? "" : message.lines().findFirst().orElse("");
    return t.getClass().getSimpleName() + (line.isBlank() ? "" : ": " + line);
  }
}
