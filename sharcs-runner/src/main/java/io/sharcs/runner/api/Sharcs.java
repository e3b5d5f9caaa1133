package io.sharcs.runner.api;

import io.sharcs.runner.explain.ExplanationsJson;
import io.sharcs.runner.explain.SavedExplanations;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.run.ModelLoader;
import io.sharcs.runner.run.ModelLoader.LoadedRun;
import io.sharcs.runner.run.RunArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point for programs that embed sharcs: experiments to train and saved models to
 * query, without the command line. Plugins are those on the class path, found as {@code sharcs
 * plugins} finds them.
 *
 * <pre>{@code
 * Path run = Sharcs.experiment(Path.of("examples/xor-and-xor.yaml"))
 *     .set("training.epochs", 30).onEpoch(e -> System.out.println(e.loss()))
 *     .train(Path.of("runs/mine"));
 * try (SharcsModel model = Sharcs.load(run)) {
 *   SharcsPrediction p = model.predict(Map.of("table", List.of(1, 0, 0, 1, 0)));
 * }
 * }</pre>
 */
public final class Sharcs {

  private Sharcs() {}

  /**
   * An experiment read from {@code file} (YAML or JSON, as {@code sharcs run} reads it) when it
   * is trained; relative data paths in it resolve against the file's folder.
   */
  public static ExperimentBuilder experiment(Path file) {
    return ExperimentBuilder.fromFile(file);
  }

  /**
   * An experiment written in code: name it, then give its {@link ExperimentBuilder#dataset data
   * set} and {@link ExperimentBuilder#modality modalities}; every other setting has the default
   * an experiment file has.
   */
  public static ExperimentBuilder experiment(String name) {
    return ExperimentBuilder.inCode(name);
  }

  /**
   * Loads the model of a run folder written by {@code sharcs run} or {@link
   * ExperimentBuilder#train} (or of its {@code model} folder), with the concept catalogue of
   * its {@code explanations.json} when the run has one.
   *
   * @throws SharcsException with one line when the folder has no model, a file of it is missing,
   *     corrupt or of a newer version, or a plugin it needs is not installed
   */
  public static SharcsModel load(Path runDirectory) {
    Objects.requireNonNull(runDirectory, "runDirectory");
    Path dir = runDirectory.toAbsolutePath().normalize();
    String shown = runDirectory.toString();
    try {
      LoadedRun run = new ModelLoader(Plugins.registry(PluginCatalog.discover())).load(dir, shown);
      try {
        // The explanations live beside the model folder, in the run folder.
        boolean modelFolder = dir.getFileName() != null
            && dir.getFileName().toString().equals(RunArtifacts.MODEL)
            && !Files.isDirectory(dir.resolve(RunArtifacts.MODEL));
        Path runFolder = modelFolder ? dir.getParent() : dir;
        String shownFile = (modelFolder ? shown + "/.." : shown) + "/" + ExplanationsJson.FILE;
        Path explanations = runFolder.resolve(ExplanationsJson.FILE);
        return new SharcsModel(run, Files.isRegularFile(explanations)
            ? Optional.of(SavedExplanations.read(explanations, shownFile))
            : Optional.empty());
      } catch (RuntimeException e) {
        run.close();
        throw e;
      }
    } catch (RuntimeException e) {
      throw SharcsException.wrap(e);
    }
  }
}
