package io.sharcs.runner.run;

import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.runner.config.Experiment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The facts of one finished run that go into {@code provenance.json}.
 *
 * @param experiment the resolved experiment
 * @param dataset the loaded data set
 * @param experimentFile the experiment file (absolute)
 * @param experimentFileName the file as the user named it
 * @param arguments the command-line arguments
 * @param gitCommit the commit of the working directory, or null
 * @param start when the run started
 * @param end when the run ended
 * @param result the pipeline's result
 * @param processor the processor the run computed on
 * @param threads the intra-op threads the run used (the configured count, or what {@code
 *     runtime.threads: auto} chose)
 */
public record RunRecord(
    Experiment experiment,
    MultimodalDataset dataset,
    Path experimentFile,
    String experimentFileName,
    List<String> arguments,
    String gitCommit,
    Instant start,
    Instant end,
    RunResult result,
    Processor processor,
    int threads) {

  public RunRecord {
    arguments = List.copyOf(arguments);
  }
}
