package io.sharcs.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.sharcs.api.InvalidConfigException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A term of a training phase's loss ({@link TrainingPhase#loss}).
 *
 * <p>The parts a term reaches are the parts its gradient flows into: only those are updated in a
 * phase, however many parts the phase leaves trainable (as PyTorch's Adam skips a parameter
 * without a gradient).
 */
public enum PhaseLoss {
  /**
   * The task loss (BCE with logits on one-hot labels, with the class weights if asked) plus lambda
   * times the semantic regulariser d and the optional separating term: what the paper minimises.
   */
  TASK("task", EnumSet.of(NetworkPart.ENCODERS, NetworkPart.PROJECTIONS, NetworkPart.PREDICTOR)),
  /**
   * Local supervision (method spec 3.1): the sum over the modalities with auxiliary labels of
   * BCE with logits between the local head's output on c_m and the one-hot auxiliary label,
   * without class weights. The shared path and the predictor still run forward (their batch-norm
   * statistics move, as in the reference) but are not in this loss.
   */
  LOCAL("local", EnumSet.of(NetworkPart.ENCODERS, NetworkPart.LOCAL_HEADS));

  private final String id;
  private final Set<NetworkPart> reaches;

  PhaseLoss(String id, Set<NetworkPart> reaches) {
    this.id = id;
    this.reaches = reaches;
  }

  /** The spelling used in experiment files. */
  @JsonValue
  public String id() {
    return id;
  }

  /** The network parts this term's gradient reaches. */
  public Set<NetworkPart> reaches() {
    return EnumSet.copyOf(reaches);
  }

  /** Parses a loss term case-insensitively, failing with the list of valid names. */
  @JsonCreator
  public static PhaseLoss parse(String text) {
    String norm = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (PhaseLoss l : values()) {
      if (l.id.equals(norm)) {
        return l;
      }
    }
    throw new InvalidConfigException(
        "loss",
        "got '" + text + "', expected one of "
            + Arrays.stream(values()).map(PhaseLoss::id).collect(Collectors.joining(", "))
            + " (or a list of them)");
  }

  @Override
  public String toString() {
    return id;
  }
}
