package io.sharcs.api;

import java.util.List;
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
 */
public record MultimodalDataset(
    String name,
    List<String> modalities,
    List<String> classNames,
    List<MultimodalSample> train,
    List<MultimodalSample> test,
    String fingerprint) {

  public MultimodalDataset {
    Objects.requireNonNull(name, "name");
    modalities = List.copyOf(modalities);
    classNames = List.copyOf(classNames);
    train = List.copyOf(train);
    test = List.copyOf(test);
    Objects.requireNonNull(fingerprint, "fingerprint");
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

  /** The number of classes. */
  public int numClasses() {
    return classNames.size();
  }
}
