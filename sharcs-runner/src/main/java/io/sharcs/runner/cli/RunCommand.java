package io.sharcs.runner.cli;

import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.run.CommandArguments;
import io.sharcs.runner.run.ExperimentRunner;
import io.sharcs.runner.run.RunRequest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sharcs run EXPERIMENT [--seed N] [--mode M] [--out DIR] [--set key=value]...}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Train and evaluate one experiment.",
      "The run folder (default runs/<name>/<mode>/seed-<seed>/) receives",
      "config.resolved.yaml, provenance.json, model/ and, last, metrics.json."
    })
public final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "EXPERIMENT",
      description = "The experiment file: YAML (.yaml, .yml) or JSON.")
  String experiment;

  @Option(names = "--seed", paramLabel = "N", description = "Overrides 'seed'.")
  Long seed;

  @Option(names = "--mode", paramLabel = "M",
      description = "Overrides 'mode': sharcs, multi-cbm, anchors, unimodal or concat (any case).")
  String mode;

  @Option(names = "--out", paramLabel = "DIR",
      description = "The run folder, instead of runs/<name>/<mode>/seed-<seed>.")
  String out;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = {
        "Overrides one value by dotted path, parsed as YAML; repeatable. E.g.",
        "  training.epochs=10",
        "  protocol=reference",
        "  modalities.1.encoder.hidden=[20,20]"
      })
  List<String> sets;

  @Option(names = "--profile-epoch", paramLabel = "N",
      description = {
        "Records the engine's operations during training epoch N (PyTorch's profiler) into",
        "the run folder's profile/: the trace, and operations and native time per training",
        "step (docs/results/performance.md)."
      })
  Integer profileEpoch;

  private final ExperimentRunner runner;
  private final List<String> arguments;

  /**
   * @param runner runs the experiment
   * @param arguments the whole command line, for provenance
   */
  @Inject
  public RunCommand(ExperimentRunner runner, @CommandArguments List<String> arguments) {
    this.runner = runner;
    this.arguments = List.copyOf(arguments);
  }

  @Override
  public Integer call() {
    runner.run(new RunRequest(experiment, seed, mode, out, sets, arguments, profileEpoch));
    return ExitCodes.OK;
  }
}
