package io.sharcs.runner.config;

import io.sharcs.api.InvalidConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one rule for the modality names of an experiment file: each entry names a modality (not
 * blank), no name twice, and together exactly the names of the data set. The first two are
 * checked when the file is bound, the last when the data set is loaded; the core's own check
 * (non-blank) can then never fail.
 */
public final class ModalityNames {

  private ModalityNames() {}

  /**
   * Checks the name of one {@code modalities:} entry.
   *
   * @throws InvalidConfigException for field {@code name} if it is missing or blank
   */
  static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidConfigException(
          "name",
          "got " + (name == null ? "nothing" : "'" + name + "'")
              + ", expected the data set's name of this modality");
    }
  }

  /**
   * Checks that entry {@code i}'s name is not among the earlier entries' {@code seen}, and adds it.
   *
   * @throws InvalidConfigException for field {@code modalities[i].name} on a repeat
   */
  static void requireNew(Set<String> seen, String name, int i) {
    if (!seen.add(name)) {
      throw new InvalidConfigException(
          "modalities[" + i + "].name",
          "got '" + name + "' a second time, expected distinct modality names");
    }
  }

  /**
   * The entries of {@code bound} (keyed by name) in the order of the data set's names.
   *
   * @param file the experiment file as the user named it
   * @throws InputError naming both lists unless the names equal the data set's
   */
  public static <T> List<T> inDatasetOrder(
      Map<String, T> bound, List<String> datasetNames, String datasetName, String file) {
    if (datasetNames.size() != bound.size()
        || !new HashSet<>(datasetNames).equals(bound.keySet())) {
      throw new InputError(
          file, "modalities",
          "got names " + bound.keySet() + ", expected the modality names of data set '"
              + datasetName + "': " + datasetNames);
    }
    List<T> ordered = new ArrayList<>();
    for (String name : datasetNames) {
      ordered.add(bound.get(name));
    }
    return ordered;
  }

  /** {@code items} by name, in their order. */
  public static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(i -> map.put(name.apply(i), i));
    return map;
  }
}
