package io.sharcs.runner.run;

import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.core.saved.LoadedModel;
import io.sharcs.core.saved.ModelManifest;
import io.sharcs.core.saved.SavedModel;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ExperimentLoader;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.plugins.PluginRegistry;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the model of a run folder: binds its {@code model/config.resolved.yaml} with the
 * installed plugins (the data set is neither read nor generated) and hands the bindings and
 * settings to {@link SavedModel#load}.
 */
public final class ModelLoader {

  private final PluginRegistry registry;

  /** @param registry the installed plugins */
  @Inject
  public ModelLoader(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * A run folder's model and the experiment it was trained by.
   *
   * @param experiment the experiment bound from the model folder's resolved config
   * @param model the loaded model; close it
   */
  public record LoadedRun(Experiment experiment, LoadedModel model) implements AutoCloseable {
    @Override
    public void close() {
      model.close();
    }
  }

  /**
   * Loads the model of {@code runDirectory} (a run folder, or its {@code model} folder).
   *
   * @param display the folder as the user named it, for messages
   * @throws InputError with one line when the folder has no model, its config or description is
   *     missing, corrupt or of a newer version, or a plugin it needs is not installed
   */
  public LoadedRun load(Path runDirectory, String display) {
    Path modelDir = Files.isRegularFile(runDirectory.resolve(ModelManifest.FILE))
        ? runDirectory
        : runDirectory.resolve(RunArtifacts.MODEL);
    String shownModel = display + (modelDir.equals(runDirectory) ? "" : "/" + RunArtifacts.MODEL);
    if (!Files.isDirectory(modelDir)) {
      throw new InputError(display, null, "no model folder, expected a run folder of sharcs run");
    }
    Path config = modelDir.resolve(RunArtifacts.CONFIG);
    String shownConfig = shownModel + "/" + RunArtifacts.CONFIG;
    if (!Files.isRegularFile(config)) {
      throw new InputError(shownConfig, null, "file not found, expected the resolved config"
          + " sharcs run saves with the model");
    }
    // The same binding as sharcs run; the data set's options are bound but nothing is read.
    Experiment experiment =
        new ExperimentLoader(registry).load(config, shownConfig, ConfigOverrides.none());
    DjlRuntime.configure(experiment.runtime());
    try {
      return new LoadedRun(
          experiment, SavedModel.load(modelDir, experiment.modalities(), experiment.settings()));
    } catch (InvalidInputException e) {
      throw new InputError(null, null, shown(e.getMessage(), modelDir, shownModel), e);
    } catch (InvalidConfigException e) {
      throw new InputError(shownConfig, e.field(), e.problem(), e);
    }
  }

  /** The message with the model folder's path as the user named it. */
  private static String shown(String message, Path modelDir, String shownModel) {
    return message.replace(modelDir.toString(), shownModel);
  }
}
