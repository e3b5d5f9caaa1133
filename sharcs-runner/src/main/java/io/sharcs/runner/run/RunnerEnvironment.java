package io.sharcs.runner.run;

import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.plugins.PluginDiscovery;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the CLI takes from the outside world; tests replace parts of it.
 *
 * @param plugins discovers the plugins (called once, when the CLI's injector is made)
 * @param pipeline trains and evaluates
 * @param gitCommit the commit of a directory, or null
 * @param clock the time source of provenance
 * @param workingDirectory the directory relative paths (experiment file, {@code --out}, the
 *     default {@code runs/} folder) resolve against
 */
public record RunnerEnvironment(
    Supplier<PluginCatalog> plugins,
    TrainingPipeline pipeline,
    Function<Path, String> gitCommit,
    Clock clock,
    Path workingDirectory) {

  public RunnerEnvironment {
    Objects.requireNonNull(plugins, "plugins");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(gitCommit, "gitCommit");
    Objects.requireNonNull(clock, "clock");
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /**
   * The real world: the built-in plugins and those of the plugin folders ({@link
   * PluginDiscovery}), the SHARCS core, git, the system clock, the cwd.
   */
  public static RunnerEnvironment system() {
    return new RunnerEnvironment(
        PluginDiscovery.system(),
        TrainingPipeline.sharcs(),
        GitCommit::probe,
        Clock.systemUTC(),
        Path.of(""));
  }

  /** A copy with other plugins. */
  public RunnerEnvironment withPlugins(Supplier<PluginCatalog> p) {
    return new RunnerEnvironment(p, pipeline, gitCommit, clock, workingDirectory);
  }

  /** A copy with another pipeline. */
  public RunnerEnvironment withPipeline(TrainingPipeline p) {
    return new RunnerEnvironment(plugins, p, gitCommit, clock, workingDirectory);
  }

  /** A copy with another working directory. */
  public RunnerEnvironment withWorkingDirectory(Path dir) {
    return new RunnerEnvironment(plugins, pipeline, gitCommit, clock, dir);
  }

  /** A copy with another git probe. */
  public RunnerEnvironment withGitCommit(Function<Path, String> g) {
    return new RunnerEnvironment(plugins, pipeline, g, clock, workingDirectory);
  }
}
