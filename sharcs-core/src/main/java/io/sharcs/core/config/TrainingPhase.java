package io.sharcs.core.config;

import io.sharcs.api.InvalidConfigException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One phase of a training schedule. The reference trains CLEVR in two phases (section 3.2): first
 * the local path only, with f reading the local concepts; then the encoders are frozen and the
 * shared concept space is switched on while the projections and f keep training. Experiment files
 * declare such schedules as a list of phases instead of the reference's hard-coded epoch counter.
 *
 * @param epochs passes over the training split in this phase, &gt;= 1
 * @param sharedSpace whether concepts pass through the shared concept space (and the semantic
 *     regulariser applies) in this phase; when false, f reads the local concepts as in multi-CBM.
 *     Ignored without a shared space (mode multi-cbm). Omitted in a file: true.
 * @param trainable the parts whose parameters the optimiser updates; the others stay frozen
 *     (batch-norm running statistics still move, as in the reference). Omitted in a file: all.
 */
public record TrainingPhase(int epochs, Boolean sharedSpace, List<NetworkPart> trainable) {

  public TrainingPhase {
    sharedSpace = sharedSpace == null ? Boolean.TRUE : sharedSpace;
    trainable = trainable == null ? List.of(NetworkPart.values()) : trainable;
    if (epochs < 1) {
      throw new InvalidConfigException(
          "epochs", "got " + epochs + ", expected an integer >= 1");
    }
    if (trainable.isEmpty()) {
      throw new InvalidConfigException(
          "trainable",
          "got nothing, expected a list of parts to train: encoders, projections, predictor");
    }
    if (trainable.stream().anyMatch(Objects::isNull)) {
      throw new InvalidConfigException(
          "trainable", "got an empty entry, expected encoders, projections or predictor");
    }
    trainable = List.copyOf(trainable);
  }

  /** A phase that trains everything with the shared space on: the whole of a plain schedule. */
  public static TrainingPhase full(int epochs) {
    return new TrainingPhase(epochs, true, List.of(NetworkPart.values()));
  }

  /** The trainable parts as a set. */
  public Set<NetworkPart> trainableParts() {
    return EnumSet.copyOf(trainable);
  }
}
