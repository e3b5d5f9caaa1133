package io.sharcs.runner.plugins;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The folders whose jars are loaded as plugins, in search order, each with where it was named:
 * {@code plugins/} under the sharcs home, each folder of {@code SHARCS_PLUGIN_PATH}, each {@code
 * --plugin-path}. Built-in plugins (on the class path) are found before all of them.
 *
 * @param folders the folders in search order, without repeats
 */
public record PluginFolders(List<Folder> folders) {

  /** The environment variable holding extra plugin folders, separated by the path separator. */
  public static final String ENV = "SHARCS_PLUGIN_PATH";

  /** The command-line option naming one more plugin folder. */
  public static final String OPTION = "--plugin-path";

  /** No folders: built-in plugins only. */
  public static final PluginFolders NONE = new PluginFolders(List.of());

  /**
   * One plugin folder.
   *
   * @param path the folder, absolute
   * @param source what named it: {@code sharcs home}, {@code SHARCS_PLUGIN_PATH} or {@code
   *     --plugin-path}
   * @param required whether a missing folder is a problem (named explicitly), unlike the home's
   *     {@code plugins/}, which need not exist
   */
  public record Folder(Path path, String source, boolean required) {
    public Folder {
      path = path.toAbsolutePath().normalize();
      Objects.requireNonNull(source, "source");
    }
  }

  public PluginFolders {
    folders = List.copyOf(folders);
  }

  /**
   * The folders of a sharcs installation and its user.
   *
   * @param home the sharcs home ({@code -Dsharcs.home}, set by the launcher), or null
   * @param envValue the value of {@value #ENV}, or null
   * @param options the values of {@value #OPTION}, in command-line order
   * @param workingDirectory what relative folders resolve against
   */
  public static PluginFolders of(
      String home, String envValue, List<String> options, Path workingDirectory) {
    List<Folder> found = new ArrayList<>();
    if (home != null && !home.isBlank()) {
      found.add(new Folder(workingDirectory.resolve(home).resolve("plugins"), "sharcs home",
          false));
    }
    if (envValue != null) {
      for (String entry : envValue.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
        if (!entry.isBlank()) {
          found.add(new Folder(workingDirectory.resolve(entry.strip()), ENV, true));
        }
      }
    }
    for (String option : options) {
      found.add(new Folder(workingDirectory.resolve(option), OPTION, true));
    }
    // The first mention of a folder wins, so its jars are loaded once.
    Set<Path> seen = new LinkedHashSet<>();
    List<Folder> unique = new ArrayList<>();
    for (Folder f : found) {
      if (seen.add(f.path())) {
        unique.add(f);
      }
    }
    return new PluginFolders(unique);
  }

  /**
   * Where plugins are looked for, for messages: {@code built-in, /opt/sharcs/plugins (sharcs
   * home), /data/p (SHARCS_PLUGIN_PATH)}; names the two ways to add a folder when there is none.
   */
  public String describe() {
    StringBuilder b = new StringBuilder("built-in");
    for (Folder f : folders) {
      b.append(", ").append(f.path()).append(" (").append(f.source()).append(')');
    }
    if (folders.stream().noneMatch(Folder::required)) {
      b.append("; add jars with ").append(OPTION).append(" DIR or ").append(ENV);
    }
    return b.toString();
  }

  /**
   * The command-line options that name again the folders given with {@value #OPTION}, as absolute
   * paths ({@code --plugin-path /abs/dir ...}), for a child process of a sweep: it inherits the
   * sharcs home and {@value #ENV} but not this process's arguments.
   */
  public List<String> optionArguments() {
    List<String> args = new ArrayList<>();
    for (Folder f : folders) {
      if (OPTION.equals(f.source())) {
        args.add(OPTION);
        args.add(f.path().toString());
      }
    }
    return args;
  }

  /**
   * The values of every {@value #OPTION} in {@code args} ({@code --plugin-path DIR} or {@code
   * --plugin-path=DIR}), read before the command line is parsed because plugins must be loaded
   * before picocli sees the commands they configure.
   */
  public static List<String> optionValues(List<String> args) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ("--".equals(a)) {
        break;
      }
      if (a.equals(OPTION) && i + 1 < args.size()) {
        values.add(args.get(++i));
      } else if (a.startsWith(OPTION + "=")) {
        values.add(a.substring(OPTION.length() + 1));
      }
    }
    return values;
  }
}
