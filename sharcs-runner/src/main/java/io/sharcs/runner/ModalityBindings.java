package io.sharcs.runner;

import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.data.ModalityBinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Matches an experiment's modalities with a data set's. */
public final class ModalityBindings {

  private ModalityBindings() {}

  /**
   * The bindings in the data set's modality order.
   *
   * @throws InputError naming both lists unless the experiment's modality names equal the data
   *     set's
   * @param baseDirectory where relative paths in modality options resolve
   */
  public static List<ModalityBinding> inDatasetOrder(
      Experiment experiment, MultimodalDataset dataset, String file, Path baseDirectory) {
    Map<String, ModalitySelection> byName = new LinkedHashMap<>();
    experiment.modalities().forEach(m -> byName.put(m.name(), m));
    List<String> wanted = dataset.modalities();
    if (wanted.size() != byName.size() || !new HashSet<>(wanted).equals(byName.keySet())) {
      throw new InputError(
          file, "modalities",
          "got names " + byName.keySet() + ", expected the modality names of data set '"
              + dataset.name() + "': " + wanted);
    }
    List<ModalityBinding> bindings = new ArrayList<>();
    for (String name : wanted) {
      bindings.add(byName.get(name).binding(baseDirectory));
    }
    return bindings;
  }
}
