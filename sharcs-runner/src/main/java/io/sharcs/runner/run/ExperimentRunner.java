package io.sharcs.runner.run;

import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.pipeline.Pipelines;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.core.train.EpochReport;
import io.sharcs.core.train.MiniBatchLoop;
import io.sharcs.core.train.TrainingDivergedException;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ExperimentLoader;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.plugins.PluginRegistry;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code sharcs run}: validates everything (config, plugins, data) before touching the run
 * folder, trains in a staging directory, and commits the run folder at the end.
 *
 * <p>Besides the core's timings, {@code metrics.json} holds the wall times of the phases around
 * the core's run ({@link #PHASES}): {@code timing.data_seconds} (reading or generating the data
 * set and checking it), {@code timing.engine_seconds} (loading the engine's native libraries,
 * where this run is the first of its JVM to touch it, and setting its threads) and {@code
 * timing.report_seconds} (provenance, tables and the report; {@code metrics.json} is written
 * last). What a command's wall time holds besides these and {@code timing.total_seconds} is its
 * start (launcher, JVM, plugin discovery, the experiment file) and exit ({@code
 * scripts/bench/bench.sh} shows it). The report and the console show the core's metrics only.
 */
public final class ExperimentRunner {

  private static final String DATA_SECONDS = "timing.data_seconds";
  private static final String ENGINE_SECONDS = "timing.engine_seconds";
  private static final String REPORT_SECONDS = "timing.report_seconds";

  /** The metrics of the phases around the core's run, in {@code metrics.json} only. */
  static final List<String> PHASES = List.of(DATA_SECONDS, ENGINE_SECONDS, REPORT_SECONDS);

  private final RunnerEnvironment env;
  private final PluginRegistry registry;
  private final PrintStream out;

  /**
   * @param env pipeline, clock and working directory
   * @param registry the installed plugins
   * @param out where progress and the summary go
   */
  @Inject
  public ExperimentRunner(
      RunnerEnvironment env, PluginRegistry registry, @Stdout PrintStream out) {
    this.env = env;
    this.registry = registry;
    this.out = out;
  }

  /**
   * Runs one experiment.
   *
   * @return the run folder
   * @throws InputError on bad config, overrides or modality names, and for an {@link
   *     InvalidConfigException} from the data set provider or the core
   * @throws io.sharcs.api.InvalidInputException on bad data
   */
  public Path run(RunRequest request) {
    try {
      return runChecked(request);
    } catch (InvalidConfigException e) {
      // An option that only the data or the core can judge (e.g. an encoder too deep for the
      // inputs): still a config problem of this file.
      throw new InputError(request.experiment(), e.field(), e.problem(), e);
    } catch (TrainingDivergedException e) {
      // The run folder was discarded: a configuration this data cannot train with.
      throw new InputError(request.experiment(), null, e.getMessage(), e);
    }
  }

  private Path runChecked(RunRequest request) {
    Instant start = env.clock().instant();
    String display = request.experiment();
    Path file = env.workingDirectory().resolve(display).normalize();
    ConfigOverrides overrides =
        ConfigOverrides.parse(request.seed(), request.mode(), request.sets(), display);
    Experiment experiment = new ExperimentLoader(registry).load(file, display, overrides);
    DjlRuntime.configure(experiment.runtime());
    Integer profile = request.profileEpoch();
    int epochs = experiment.settings().training().epochs();
    if (profile != null && (profile < 1 || profile > epochs)) {
      throw new InputError("--profile-epoch", null,
          "got " + profile + ", expected an epoch of this run: 1 to " + epochs);
    }

    Path target = request.out() != null
        ? env.workingDirectory().resolve(request.out()).normalize()
        : env.workingDirectory().resolve("runs").resolve(experiment.name())
            .resolve(experiment.mode().id()).resolve("seed-" + experiment.seed());
    String shown = RunSummary.display(target, env.workingDirectory());
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new InputError(shown, null, "is a file, expected a run folder (a directory)");
    }

    // Everything the options alone decide is checked by now: only then is data read, or
    // generated where the user allowed it.
    long dataStart = System.nanoTime();
    ModalityBindings loaded = ModalityBindings.load(experiment, file.getParent(), display,
        new RunDataWrites(file.getParent(), env.workingDirectory(), overrides,
            experiment.dataset().provider().id(), display),
        line -> {
          out.println(line);
          out.flush();
        });
    MultimodalDataset dataset = loaded.dataset();
    List<ModalityBinding> bindings = loaded.bindings();
    Pipelines.requireTrainable(dataset, experiment.settings());
    long dataEnd = System.nanoTime();
    int threads;
    String threadsShown;
    if (experiment.runtime().threads().auto()) {
      ThreadRule.Choice choice = ThreadRule.choose(
          dataset, bindings, Runtime.getRuntime().availableProcessors());
      DjlRuntime.intraOpThreads(choice.threads());
      threads = choice.threads();
      threadsShown = choice.describe();
    } else {
      threads = experiment.runtime().threads().count();
      // The engine may have started at another count: in a sweep's worker JVM, for an earlier run.
      DjlRuntime.intraOpThreads(threads);
      threadsShown = threads + (threads == 1 ? " thread" : " threads");
    }
    long engineEnd = System.nanoTime();

    out.println(String.format(Locale.ROOT,
        "%s: mode %s, protocol %s, seed %d, data set %s (%d train, %d test), %s -> %s",
        experiment.name(), experiment.mode(), experiment.protocol(), experiment.seed(),
        dataset.name(), dataset.train().size(), dataset.test().size(), threadsShown, shown));
    out.flush();

    String removed = RunFolder.describeRemoved(
        RunFolder.removeStale(target), env.workingDirectory());
    if (!removed.isEmpty()) {
      out.println(removed);
      out.flush();
    }
    RunFolder folder = RunFolder.stage(target);
    try {
      RunArtifacts.writeConfig(folder, experiment);
      Consumer<EpochReport> progress = new ProgressPrinter(out);
      if (request.profileEpoch() != null) {
        int steps = MiniBatchLoop.batchesPerEpoch(
            dataset.train().size(), experiment.settings().training().batchSize());
        progress = new EpochProfile(progress, request.profileEpoch(), steps,
            folder.staged("profile"), out);
      }
      RunResult result = env.pipeline().run(
          dataset, bindings, experiment.settings(), progress,
          folder.staged(RunArtifacts.MODEL));
      Instant end = env.clock().instant();
      long reportStart = System.nanoTime();
      RunRecord record = new RunRecord(
          experiment, dataset, file, display, request.arguments(),
          env.gitCommit().apply(sourceDirectory(env)), start, end, result,
          Processor.current(), threads);
      RunArtifacts.writeProvenance(folder, record);
      RunArtifacts.writeTables(folder, result);
      RunArtifacts.writeReport(folder, record);
      RunArtifacts.writeMetrics(folder, result.with(Map.of(
          DATA_SECONDS, seconds(dataStart, dataEnd),
          ENGINE_SECONDS, seconds(dataEnd, engineEnd),
          REPORT_SECONDS, seconds(reportStart, System.nanoTime()))));
      folder.commit();
      RunSummary.print(out, result, shown, Duration.between(start, end).toMillis() / 1000.0);
      return target;
    } catch (RuntimeException | Error e) {
      folder.discard();
      throw e;
    }
  }

  private static double seconds(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }

  /** Where the sharcs sources live (set by the launcher), else the working directory. */
  private static java.nio.file.Path sourceDirectory(RunnerEnvironment env) {
    String home = System.getProperty("sharcs.home");
    return home == null ? env.workingDirectory() : java.nio.file.Path.of(home);
  }
}
