package io.sharcs.runner.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.ConfigOverride;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ExperimentLoader;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.config.ResolvedConfig;
import io.sharcs.runner.plugins.PluginRegistry;
import io.sharcs.runner.run.RunSummary;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a whole sweep before anything runs: the block's shape, each value on its own key,
 * every grid point as a complete experiment, distinct run folders and configs, and the state of
 * every run folder. Every problem is one {@link InputError}.
 */
final class SweepPlanner {

  private final PluginRegistry registry;
  private final Path workingDirectory;

  /**
   * @param registry the installed plugins, to resolve every grid point
   * @param workingDirectory what relative paths resolve against
   */
  SweepPlanner(PluginRegistry registry, Path workingDirectory) {
    this.registry = registry;
    this.workingDirectory = workingDirectory;
  }

  /**
   * Plans the sweep of {@code experiment}.
   *
   * @param experiment the experiment file as the user named it
   * @param out the sweep folder as the user named it, or null for {@code runs/<experiment>}
   * @param sets the user's {@code --set key=value} options, applied to every grid point
   * @throws InputError on any problem, before any run folder is touched
   */
  SweepPlan plan(String experiment, String out, List<String> sets) {
    Path file = workingDirectory.resolve(experiment).normalize();
    ObjectNode content = ExperimentLoader.content(file, experiment);
    List<SweepKey> keys = SweepBlock.parse(content.get(ExperimentLoader.SWEEP), experiment);
    ConfigOverrides user = ConfigOverrides.parse(null, null, sets, experiment);
    rejectOverlaps(keys, user, experiment);
    ExperimentLoader loader = new ExperimentLoader(registry);
    Experiment base = loader.load(file, experiment, user);
    for (SweepKey k : keys) {
      for (JsonNode v : k.values()) {
        try {
          loader.load(file, experiment, with(sets, List.of(k.set(v)), experiment));
        } catch (InputError e) {
          throw new InputError(experiment, "sweep." + k.key(), keyProblem(k, v, e), e);
        }
      }
    }

    SweepGrid grid = SweepGrid.expand(keys, experiment);
    Path folder = out != null
        ? workingDirectory.resolve(out).normalize()
        : workingDirectory.resolve("runs").resolve(base.name());
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new InputError(
          display(folder), null, "is a file, expected a sweep folder (a directory)");
    }
    List<PlannedRun> runs = new ArrayList<>();
    Map<String, GridPoint> byName = new HashMap<>();
    Map<JsonNode, GridPoint> byConfig = new HashMap<>();
    List<String> different = new ArrayList<>();
    for (GridPoint p : grid.points()) {
      Experiment e;
      try {
        e = loader.load(file, experiment, with(sets, p.sets(), experiment));
      } catch (InputError ex) {
        throw new InputError(experiment, "sweep", "the grid point " + p.describe()
            + " is not a valid experiment: " + where(ex) + ex.problem(), ex);
      }
      JsonNode config = resolved(e);
      grid.requireFolderNamesFit(p, experiment);
      String name = grid.folder(p, e.mode().id(), e.seed());
      GridPoint clash = byName.putIfAbsent(name, p);
      if (clash != null) {
        throw new InputError(experiment, "sweep", "the grid points " + clash.describe() + " and "
            + p.describe() + " share the run folder " + name + ", expected distinct folders");
      }
      clash = byConfig.putIfAbsent(config, p);
      if (clash != null) {
        throw new InputError(experiment, "sweep", "the grid points " + clash.describe() + " and "
            + p.describe() + " are the same experiment, expected distinct configs");
      }
      Path runFolder = folder.resolve(name);
      if (Files.exists(runFolder) && !Files.isDirectory(runFolder)) {
        throw new InputError(display(runFolder), null, "is a file, expected a run folder");
      }
      FolderState state = FolderState.of(runFolder, config);
      if (state.kind() == FolderState.Kind.DIFFERENT) {
        different.add(display(runFolder) + ": holds a complete run of a different config ("
            + state.difference() + ")");
      }
      runs.add(new PlannedRun(p, name, runFolder, config,
          state.kind() == FolderState.Kind.SAME));
    }
    if (!different.isEmpty()) {
      throw new InputError(null, null, different.get(0)
          + (different.size() == 2 ? " and 1 more such folder"
              : different.size() > 2 ? " and " + (different.size() - 1) + " more such folders"
              : "")
          + ", expected a result of this sweep or none; move or delete "
          + (different.size() > 1 ? "them" : "it")
          + ", or sweep into another folder with --out DIR");
    }
    return new SweepPlan(base.name(), folder, keys, runs);
  }

  /** The resolved config as the run will write it and as a run folder's file reads back. */
  static JsonNode resolved(Experiment e) {
    try {
      return ConfigMappers.yaml().readTree(ResolvedConfig.toYaml(e));
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static ConfigOverrides with(List<String> sets, List<String> more, String file) {
    List<String> all = new ArrayList<>(sets == null ? List.of() : sets);
    all.addAll(more);
    return ConfigOverrides.parse(null, null, all, file);
  }

  /** A {@code --set} of a swept key (or inside or around one) would be silently overridden. */
  private static void rejectOverlaps(List<SweepKey> keys, ConfigOverrides user, String file) {
    for (ConfigOverride o : user.items()) {
      for (SweepKey k : keys) {
        List<String> a = o.keys();
        List<String> b = k.segments();
        int n = Math.min(a.size(), b.size());
        if (a.subList(0, n).equals(b.subList(0, n))) {
          throw new InputError(file, "sweep." + k.key(), "is also set by " + o.option()
              + ", expected each key either swept or set");
        }
      }
    }
  }

  private static String keyProblem(SweepKey k, JsonNode v, InputError e) {
    String key = k.rendered();
    String path = e.path();
    if (key.equals(path)) {
      return e.problem();
    }
    if (path != null && (key.startsWith(path + ".") || key.startsWith(path + "["))) {
      // The key itself is wrong (an unknown key on the way, a scalar where a mapping should be).
      return path + ": " + e.problem();
    }
    return "value " + v + ": " + where(e) + e.problem();
  }

  private static String where(InputError e) {
    return e.path() == null ? "" : e.path() + ": ";
  }

  private String display(Path p) {
    return RunSummary.display(p, workingDirectory);
  }
}
