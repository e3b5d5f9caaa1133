package io.sharcs.runner.cli;

import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.run.BatchPredictor;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sharcs predict RUN_DIR --data MANIFEST --out FILE}. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Score the rows of a manifest with a run's saved model, streaming.",
      "Any modality may be empty in a row (not all): it is retrieved from the shared space.",
      "One line out per row: id, predicted class, class probabilities, the retrieved",
      "sample id per missing modality, the active shared concepts."
    })
public final class PredictCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder.")
  String runDirectory;

  @Option(names = "--data", required = true, paramLabel = "MANIFEST",
      description = "A manifest description (YAML/JSON with type: manifest, file, columns, ...),"
          + " e.g. the manifest.yaml of sharcs generate.")
  String data;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The predictions CSV to write (replaced once complete).")
  String out;

  private final BatchPredictor predictor;

  /** @param predictor scores the rows */
  @Inject
  public PredictCommand(BatchPredictor predictor) {
    this.predictor = predictor;
  }

  @Override
  public Integer call() {
    predictor.predict(runDirectory, data, out);
    return ExitCodes.OK;
  }
}
