package io.sharcs.runner.run;

import io.sharcs.api.DatasetContext;
import io.sharcs.api.ModalityReaders;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.ModalityBinding;
import io.sharcs.runner.config.DatasetSelection;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.plugins.PluginReaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads an experiment's data set through its bound modalities and matches the two: the one
 * place where the experiment's modality names meet the data set's.
 *
 * @param dataset the data set, its samples read by the experiment's plugins
 * @param bindings the experiment's modalities in the data set's order
 */
public record ModalityBindings(MultimodalDataset dataset, List<ModalityBinding> bindings) {

  /**
   * Loads the data set of {@code experiment}.
   *
   * @param baseDirectory where relative paths in the data set's options resolve
   * @param file the experiment file as the user named it, for messages
   * @throws InputError naming both lists unless the experiment's modality names equal the data
   *     set's
   */
  public static ModalityBindings load(Experiment experiment, Path baseDirectory, String file) {
    DatasetSelection selection = experiment.dataset();
    MultimodalDataset dataset;
    try {
      dataset = load(experiment, baseDirectory, file, PluginReaders.of(experiment.modalities()));
    } catch (PluginReaders.UnboundModality unbound) {
      // Read the data once more without plugins, only to name all its modalities in the error.
      inDatasetOrder(experiment.modalities(),
          load(experiment, baseDirectory, file, PluginReaders.trees()), file);
      throw unbound;
    }
    return new ModalityBindings(dataset, inDatasetOrder(experiment.modalities(), dataset, file));
  }

  private static MultimodalDataset load(
      Experiment experiment, Path baseDirectory, String file, ModalityReaders readers) {
    DatasetSelection selection = experiment.dataset();
    return selection.provider().load(
        selection.config(), new DatasetContext(experiment.seed(), baseDirectory, file, readers));
  }

  /**
   * The bindings in the data set's modality order.
   *
   * @throws InputError naming both lists unless the names equal the data set's
   */
  static List<ModalityBinding> inDatasetOrder(
      List<ModalityBinding> modalities, MultimodalDataset dataset, String file) {
    Map<String, ModalityBinding> byName = new LinkedHashMap<>();
    modalities.forEach(m -> byName.put(m.name(), m));
    List<String> wanted = dataset.modalities();
    if (wanted.size() != byName.size() || !new HashSet<>(wanted).equals(byName.keySet())) {
      throw new InputError(
          file, "modalities",
          "got names " + byName.keySet() + ", expected the modality names of data set '"
              + dataset.name() + "': " + wanted);
    }
    List<ModalityBinding> bindings = new ArrayList<>();
    for (String name : wanted) {
      bindings.add(byName.get(name));
    }
    return bindings;
  }
}
