package io.sharcs.runner.sweep;

import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.plugins.PluginRegistry;
import io.sharcs.runner.run.RunFolder;
import io.sharcs.runner.run.RunSummary;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.Stdout;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sharcs sweep EXPERIMENT [--jobs N] [--out DIR] [--set key=value]...}: runs every point
 * of the experiment's {@code sweep:} grid, one run folder each, skips the runs already complete,
 * and writes the summaries.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run every point of the experiment's 'sweep:' grid and summarise.",
      "The sweep block maps config keys (as --set takes them) to lists of values, e.g.",
      "  sweep: {mode: [sharcs, multi-cbm], seed: [0, 4, 13, 23, 42]}",
      "Each run gets a folder below the sweep folder (default runs/<name>/), named by its",
      "values and ending in <mode>/seed-<seed>; a folder that already holds the run's result",
      "is skipped, so an interrupted sweep resumes. Runs go to --jobs worker JVMs, one run",
      "after another in each; a run's output goes to run.log in its folder. The sweep",
      "folder receives summary.json, summary.csv and summary.md: mean, sample standard",
      "deviation and n of every metric per group (every combination of the swept keys",
      "except seed)."
    })
public final class SweepCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "EXPERIMENT",
      description = "The experiment file with a 'sweep:' block: YAML (.yaml, .yml) or JSON.")
  String experiment;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Runs at a time, each worker JVM doing one after another (default: the"
          + " number of processors).")
  Integer jobs;

  @Option(names = "--out", paramLabel = "DIR",
      description = "The sweep folder, instead of runs/<name>.")
  String out;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = {
        "Overrides one value of every run by dotted path, parsed as YAML; repeatable.",
        "A swept key cannot be set."
      })
  List<String> sets;

  @Spec CommandSpec spec;

  private final RunnerEnvironment env;
  private final PluginRegistry registry;
  private final PrintStream stdout;
  private final ChildMain childMain;

  /**
   * @param env the outside world (working directory)
   * @param registry the installed plugins, for validating every point before any run starts
   * @param stdout where progress and the summary go
   * @param childMain how a child JVM runs one point
   */
  @Inject
  public SweepCommand(RunnerEnvironment env, PluginRegistry registry, @Stdout PrintStream stdout,
      ChildMain childMain) {
    this.env = env;
    this.registry = registry;
    this.stdout = stdout;
    this.childMain = childMain;
  }

  @Override
  public Integer call() {
    int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (parallel < 1) {
      throw new InputError(null, null, "--jobs: got " + parallel + ", expected an integer >= 1");
    }
    List<String> userSets = sets == null ? List.of() : List.copyOf(sets);
    SweepPlan plan =
        new SweepPlanner(registry, env.workingDirectory()).plan(experiment, out, userSets);
    int pending = plan.pending().size();
    int workers = Math.max(1, Math.min(parallel, pending));
    stdout.println(String.format(Locale.ROOT,
        "%s: sweep of %d run%s (%s) -> %s; %d already complete, %d to run, %d at a time",
        plan.experiment(), plan.runs().size(), plan.runs().size() == 1 ? "" : "s",
        String.join(" x ", plan.keys().stream().map(SweepKey::key).toList()),
        display(plan.folder()), plan.runs().size() - pending, pending, workers));
    // Runs killed with kill -9 (or with their sweep) leave staging folders; remove those of
    // ended processes before the runs start again.
    List<Path> stale = new ArrayList<>();
    for (PlannedRun r : plan.runs()) {
      stale.addAll(RunFolder.removeStale(r.folder()));
    }
    String removed = RunFolder.describeRemoved(stale, env.workingDirectory());
    if (!removed.isEmpty()) {
      stdout.println(removed);
    }
    stdout.flush();

    // The children find the same plugins: they inherit the sharcs home and SHARCS_PLUGIN_PATH,
    // and are given this command's --plugin-path folders.
    List<RunOutcome> outcomes = new SweepExecutor(
        ChildJvm.current(childMain), env.workingDirectory(), stdout, workers,
        registry.folders().optionArguments())
        .run(plan, experiment, userSets);

    Map<String, SortedMap<String, Double>> metrics = new TreeMap<>();
    List<RunOutcome> failed = new ArrayList<>();
    for (RunOutcome o : outcomes) {
      if (o.complete()) {
        metrics.put(o.run().name(), o.metrics());
      } else {
        failed.add(o);
      }
    }
    SweepSummary summary = SweepSummary.of(plan, metrics);
    SummaryFiles.write(summary, plan.folder());
    stdout.println();
    stdout.print(SummaryFiles.markdown(summary));
    stdout.println();
    stdout.println("summaries: " + display(plan.folder().resolve(SummaryFiles.MARKDOWN))
        + ", " + SummaryFiles.HTML + ", " + SummaryFiles.CSV + ", " + SummaryFiles.JSON);
    stdout.flush();
    if (failed.isEmpty()) {
      return ExitCodes.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(String.format(Locale.ROOT,
        "sharcs: %d of %d runs failed (%s); rerun the sweep to retry them, the others are kept",
        failed.size(), outcomes.size(),
        String.join(", ", failed.stream()
            .map(o -> o.run().name() + (o.log() == null ? ": " + o.reason()
                : ": log " + display(o.log())))
            .toList())));
    err.flush();
    return ExitCodes.FAILURE;
  }

  private String display(Path p) {
    return RunSummary.display(p, env.workingDirectory());
  }
}
