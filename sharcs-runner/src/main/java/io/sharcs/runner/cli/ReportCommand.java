package io.sharcs.runner.cli;

import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.run.ReportRebuilder;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sharcs report RUN_DIR}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Build a run's report.html again from its saved model and data set, without training.",
      "Replaces report.html, report/ and explanations.json of the run folder."
    })
public final class ReportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder.")
  String runDirectory;

  private final ReportRebuilder rebuilder;

  /** @param rebuilder rebuilds the report */
  @Inject
  public ReportCommand(ReportRebuilder rebuilder) {
    this.rebuilder = rebuilder;
  }

  @Override
  public Integer call() {
    rebuilder.rebuild(runDirectory);
    return ExitCodes.OK;
  }
}
