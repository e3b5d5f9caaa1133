package io.sharcs.runner.run;

import io.sharcs.api.DataWrites;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.ModalityReaders;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.runner.config.DatasetSelection;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.config.ModalityNames;
import io.sharcs.runner.plugins.PluginReaders;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads an experiment's data set through its bound modalities and puts the bindings in the data
 * set's order (names matched by {@link ModalityNames}).
 *
 * @param dataset the data set, its samples read by the experiment's plugins
 * @param bindings the experiment's modalities in the data set's order
 */
public record ModalityBindings(MultimodalDataset dataset, List<ModalityBinding> bindings) {

  /**
   * Loads the data set of {@code experiment}; the provider may write (generate) data only where
   * {@code writes} allows, and its progress lines (e.g. what a generation will cost) go to {@code
   * progress}.
   *
   * @param baseDirectory where relative paths in the data set's options resolve
   * @param file the experiment file as the user named it, for messages
   * @throws InputError naming both lists unless the experiment's modality names equal the data
   *     set's
   */
  public static ModalityBindings load(
      Experiment experiment, Path baseDirectory, String file, DataWrites writes,
      Consumer<String> progress) {
    MultimodalDataset dataset;
    try {
      dataset = load(experiment, baseDirectory, file, PluginReaders.of(experiment.modalities()),
          writes, progress);
    } catch (PluginReaders.UnboundModality unbound) {
      // Read the data once more without plugins, only to name all its modalities in the error.
      inDatasetOrder(experiment.modalities(),
          load(experiment, baseDirectory, file, PluginReaders.trees(), writes, progress), file);
      throw unbound;
    }
    return new ModalityBindings(dataset, inDatasetOrder(experiment.modalities(), dataset, file));
  }

  private static MultimodalDataset load(
      Experiment experiment, Path baseDirectory, String file, ModalityReaders readers,
      DataWrites writes, Consumer<String> progress) {
    DatasetSelection selection = experiment.dataset();
    return selection.provider().load(selection.config(),
        new DatasetContext(experiment.seed(), baseDirectory, file, readers, writes, progress,
            experiment.protocol().id()));
  }

  /**
   * The bindings in the data set's modality order.
   *
   * @throws InputError naming both lists unless the names equal the data set's
   */
  static List<ModalityBinding> inDatasetOrder(
      List<ModalityBinding> modalities, MultimodalDataset dataset, String file) {
    return ModalityNames.inDatasetOrder(
        ModalityNames.byName(modalities, ModalityBinding::name), dataset.modalities(),
        dataset.name(), file);
  }
}
