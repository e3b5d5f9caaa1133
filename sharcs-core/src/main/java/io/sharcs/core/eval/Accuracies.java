package io.sharcs.core.eval;

import java.util.List;

/**
 * A trained model's accuracies on the two splits.
 *
 * @param train on the training split
 * @param test on the test split
 * @param unimodal per modality, its own head's accuracies (the unimodal and anchors baselines;
 *     empty otherwise)
 */
public record Accuracies(double train, double test, List<Unimodal> unimodal) {

  public Accuracies {
    unimodal = List.copyOf(unimodal);
  }

  /** Accuracies without per-modality heads. */
  public Accuracies(double train, double test) {
    this(train, test, List.of());
  }

  /**
   * One modality's head alone.
   *
   * @param modality the modality
   * @param train on the training split
   * @param test on the test split
   */
  public record Unimodal(String modality, double train, double test) {}
}
