package io.sharcs.runner.cli;

import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.run.ExplainRequest;
import io.sharcs.runner.run.ExplainRunner;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sharcs explain RUN_DIR (--sample ID | --input SAMPLE.json) [--json] [--html FILE]}. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain one prediction of a run's saved model: the class probabilities, the active",
      "concepts with their catalogue sentences, the training samples retrieved for missing",
      "modalities, the depth-3 concept tree's path and the nearest training samples."
    })
public final class ExplainCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN_DIR",
      description = "A run folder of sharcs run (or its model folder).")
  String run;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject;

  /** Which sample: exactly one of the two. */
  static final class Subject {
    @Option(names = "--sample", paramLabel = "ID", required = true,
        description = "The id of a train or test sample of the run's data set.")
    String sample;

    @Option(names = "--input", paramLabel = "SAMPLE.json", required = true,
        description = {
          "A new sample: a JSON object with an entry per modality name in the plugin's",
          "form (e.g. {\"table\": [1,0,1,0,0,1]}); modalities may be left out, not all."
        })
    String input;
  }

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write a self-contained HTML page with the inputs drawn.")
  String html;

  private final ExplainRunner runner;

  /** @param runner explains the sample */
  @Inject
  public ExplainCommand(ExplainRunner runner) {
    this.runner = runner;
  }

  @Override
  public Integer call() {
    runner.explain(new ExplainRequest(run, subject.sample, subject.input, json, html));
    return ExitCodes.OK;
  }
}
