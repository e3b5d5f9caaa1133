package io.sharcs.runner.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Discovers the plugins of a real installation: the built-in ones and those of the plugin folders
 * of the sharcs home ({@code -Dsharcs.home}), of {@value PluginFolders#ENV} and of the command
 * line's {@value PluginFolders#OPTION}s.
 *
 * @param home the sharcs home, or null
 * @param envValue the value of {@value PluginFolders#ENV}, or null
 * @param options the {@value PluginFolders#OPTION} values
 * @param workingDirectory what relative folders resolve against
 */
public record PluginDiscovery(
    String home, String envValue, List<String> options, Path workingDirectory)
    implements Supplier<PluginCatalog> {

  public PluginDiscovery {
    options = List.copyOf(options);
  }

  /** This process's home and environment variable, no options yet. */
  public static PluginDiscovery system() {
    return new PluginDiscovery(
        System.getProperty("sharcs.home"), System.getenv(PluginFolders.ENV), List.of(),
        Path.of(""));
  }

  /** A copy with the command line's {@value PluginFolders#OPTION} values, resolved against {@code dir}. */
  public PluginDiscovery withOptions(List<String> values, Path dir) {
    return new PluginDiscovery(home, envValue, values, dir);
  }

  /** The folders searched. */
  public PluginFolders folders() {
    return PluginFolders.of(home, envValue, options, workingDirectory.toAbsolutePath());
  }

  @Override
  public PluginCatalog get() {
    return PluginCatalog.discover(PluginCatalog.class.getClassLoader(), folders());
  }
}
