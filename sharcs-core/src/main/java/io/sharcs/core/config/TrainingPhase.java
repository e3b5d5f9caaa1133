package io.sharcs.core.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.sharcs.api.InvalidConfigException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One phase of a training schedule. The reference trains CLEVR in two phases (section 3.2): first
 * the local path only, with f reading the local concepts; then the encoders are frozen and the
 * shared concept space is switched on while the projections and f keep training. MNIST is trained
 * in two other phases: first the local concept encoders and the local heads on the modalities' own
 * labels (local supervision, {@code loss: local}), then, with those frozen, the projections and f
 * on the task. Experiment files declare such schedules as a list of phases instead of the
 * reference's hard-coded epoch counters.
 *
 * @param epochs passes over the training split in this phase, &gt;= 1
 * @param sharedSpace whether concepts pass through the shared concept space (and the semantic
 *     regulariser applies) in this phase; when false, f reads the local concepts as in multi-CBM.
 *     Ignored without a shared space (mode multi-cbm). Omitted in a file: true.
 * @param trainable the parts whose parameters the optimiser may update; the others stay frozen
 *     (batch-norm running statistics still move, as in the reference). Of these, only the parts
 *     the phase's loss reaches are updated ({@link #trainedParts}). Omitted in a file: all.
 * @param loss the terms of the phase's loss: {@code task} (the default: the task loss and the
 *     semantic regulariser), {@code local} (local supervision) or both; a single term may be
 *     written without the list
 */
public record TrainingPhase(
    int epochs,
    Boolean sharedSpace,
    List<NetworkPart> trainable,
    @JsonFormat(
            with = {
              JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
              JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED
            })
        List<PhaseLoss> loss) {

  public TrainingPhase {
    sharedSpace = sharedSpace == null ? Boolean.TRUE : sharedSpace;
    trainable = trainable == null ? List.of(NetworkPart.values()) : trainable;
    loss = loss == null ? List.of(PhaseLoss.TASK) : loss;
    if (epochs < 1) {
      throw new InvalidConfigException(
          "epochs", "got " + epochs + ", expected an integer >= 1");
    }
    if (trainable.isEmpty()) {
      throw new InvalidConfigException(
          "trainable",
          "got nothing, expected a list of parts to train: " + NetworkPart.ids());
    }
    if (trainable.stream().anyMatch(Objects::isNull)) {
      throw new InvalidConfigException(
          "trainable", "got an empty entry, expected one of " + NetworkPart.ids());
    }
    trainable = List.copyOf(trainable);
    if (loss.isEmpty() || loss.stream().anyMatch(Objects::isNull)) {
      throw new InvalidConfigException(
          "loss", "got " + (loss.isEmpty() ? "nothing" : "an empty entry")
              + ", expected task, local or a list of them");
    }
    if (new LinkedHashSet<>(loss).size() != loss.size()) {
      throw new InvalidConfigException(
          "loss", "got " + loss + ", expected each term once");
    }
    loss = List.copyOf(loss);
    Set<NetworkPart> reached = reached(loss);
    if (trainable.stream().noneMatch(reached::contains)) {
      // Nothing would learn: a schedule mistake, not a way to freeze everything.
      throw new InvalidConfigException(
          "trainable",
          "got " + trainable + ", but loss " + loss + " reaches only "
              + reached.stream().map(NetworkPart::id).collect(Collectors.joining(", "))
              + ", expected at least one of those");
    }
  }

  /** A phase of the task loss, as phases were before losses could be chosen. */
  public TrainingPhase(int epochs, Boolean sharedSpace, List<NetworkPart> trainable) {
    this(epochs, sharedSpace, trainable, null);
  }

  /** A phase that trains everything with the shared space on: the whole of a plain schedule. */
  public static TrainingPhase full(int epochs) {
    return new TrainingPhase(epochs, true, List.of(NetworkPart.values()), List.of(PhaseLoss.TASK));
  }

  /** The trainable parts as a set. */
  public Set<NetworkPart> trainableParts() {
    return EnumSet.copyOf(trainable);
  }

  /**
   * The parts the optimiser updates in this phase: the trainable parts that the loss reaches. A
   * part outside the loss gets no gradient; leaving it out also keeps Adam's momentum from moving
   * it (PyTorch's Adam skips a parameter without a gradient).
   */
  public Set<NetworkPart> trainedParts() {
    Set<NetworkPart> parts = trainableParts();
    parts.retainAll(reached(loss));
    return parts;
  }

  /** Whether the loss has the task term (task loss and semantic regulariser). */
  public boolean usesTaskLoss() {
    return loss.contains(PhaseLoss.TASK);
  }

  /** Whether the loss has the local-supervision term. */
  public boolean usesLocalLoss() {
    return loss.contains(PhaseLoss.LOCAL);
  }

  private static Set<NetworkPart> reached(List<PhaseLoss> loss) {
    Set<NetworkPart> parts = EnumSet.noneOf(NetworkPart.class);
    for (PhaseLoss l : loss) {
      parts.addAll(l.reaches());
    }
    return parts;
  }
}
