package io.sharcs.core.eval;

import java.util.List;

/**
 * A trained model's accuracies on the two splits.
 *
 * @param train on the training split
 * @param test on the test split
 * @param unimodal per modality, its own head's accuracies (the unimodal and anchors baselines;
 *     empty otherwise)
 * @param local per modality with a local head (a concept model with local supervision), the
 *     head's accuracy on the modality's auxiliary labels; empty otherwise
 */
public record Accuracies(double train, double test, List<Unimodal> unimodal, List<Local> local) {

  public Accuracies {
    unimodal = List.copyOf(unimodal);
    local = List.copyOf(local);
  }

  /** Accuracies without local heads. */
  public Accuracies(double train, double test, List<Unimodal> unimodal) {
    this(train, test, unimodal, List.of());
  }

  /** Accuracies without per-modality heads. */
  public Accuracies(double train, double test) {
    this(train, test, List.of());
  }

  /** The same accuracies with the local heads' {@code local}. */
  public Accuracies withLocal(List<Local> local) {
    return new Accuracies(train, test, unimodal, local);
  }

  /**
   * One modality's local head (evaluation mode), on the samples of each split that have an
   * auxiliary label of that modality.
   *
   * @param modality the modality
   * @param train on the training split
   * @param test on the test split; empty when no test sample has an auxiliary label
   */
  public record Local(String modality, double train, java.util.OptionalDouble test) {}

  /**
   * One modality's head alone.
   *
   * @param modality the modality
   * @param train on the training split
   * @param test on the test split
   */
  public record Unimodal(String modality, double train, double test) {}
}
