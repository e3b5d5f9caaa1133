package io.sharcs.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A multimodal data set split into train and test.
 *
 * @param name a short name for logs and provenance
 * @param modalities the modality names the samples use, in slot order
 * @param classNames one name per class; its size is the number of classes
 * @param train the training split
 * @param test the test split
 * @param fingerprint a content hash (hex) of the data or of the generator and its parameters, so
 *     a run folder can answer "which data"
 * @param localClassNames per modality that has auxiliary labels
 *     ({@link MultimodalSample#localLabels()}), the names of those labels' classes; empty for
 *     data sets without local supervision
 */
public record MultimodalDataset(
    String name,
    List<String> modalities,
    List<String> classNames,
    List<MultimodalSample> train,
    List<MultimodalSample> test,
    String fingerprint,
    Map<String, List<String>> localClassNames) {

  public MultimodalDataset {
    Objects.requireNonNull(name, "name");
    modalities = List.copyOf(modalities);
    classNames = List.copyOf(classNames);
    train = List.copyOf(train);
    test = List.copyOf(test);
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (localClassNames == null) {
      localClassNames = Map.of();
    } else {
      Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
      localClassNames.forEach((m, names) -> copy.put(m, List.copyOf(names)));
      localClassNames = java.util.Collections.unmodifiableMap(copy);
    }
    if (classNames.size() < 2) {
      throw new InvalidInputException(
          "data set '" + name + "': found " + classNames.size() + " class(es), expected >= 2");
    }
    if (train.isEmpty() || test.isEmpty()) {
      throw new InvalidInputException(
          "data set '" + name + "': train has " + train.size() + " and test " + test.size()
              + " samples, expected both non-empty");
    }
  }

  /** A data set without auxiliary labels. */
  public MultimodalDataset(
      String name,
      List<String> modalities,
      List<String> classNames,
      List<MultimodalSample> train,
      List<MultimodalSample> test,
      String fingerprint) {
    this(name, modalities, classNames, train, test, fingerprint, Map.of());
  }

  /** The number of classes. */
  public int numClasses() {
    return classNames.size();
  }
}
