package io.sharcs.core.config;

import static io.sharcs.api.InvalidConfigException.requireNonNegative;
import static io.sharcs.api.InvalidConfigException.requirePositive;
import static io.sharcs.api.InvalidConfigException.requireProbability;

import io.sharcs.api.InvalidConfigException;
import java.util.List;

/**
 * How the model is trained.
 *
 * @param epochs passes over the training split, &gt;= 1
 * @param batchSize samples per mini-batch, &gt;= {@value #MIN_BATCH_SIZE}
 * @param learningRate Adam's learning rate
 * @param lambda weight of the semantic regulariser d in the loss (SHARCS mode)
 * @param pairProbability probability that a sample seeks a cross-modal partner for d
 * @param classWeights weigh each class's BCE term by (N - n_c) / n_c, as the reference does for
 *     MNIST
 * @param phases an optional schedule (see {@link TrainingPhase}); empty means one phase of
 *     {@code epochs} epochs training everything. When given, the phases' epochs must add up to
 *     {@code epochs}.
 * @param gradientClip the largest global L2 norm of the gradient an Adam step may use; a larger
 *     gradient is scaled down to it before the step. 0 (the default, as the reference) = no
 *     clipping. Guards against the rare batches whose gradient is hundreds of times the usual
 *     (docs/decisions.md, "Gradient clipping").
 * @param separation the semantic regulariser's separating term, an extension of the paper (off
 *     by default; see {@link SeparationConfig}); omitted in a file: off
 * @param learningRates other learning rates than {@code learningRate} for parts of the network,
 *     by parameter path (see {@link LearningRates}); omitted in a file: none
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    double learningRate,
    double lambda,
    double pairProbability,
    boolean classWeights,
    List<TrainingPhase> phases,
    double gradientClip,
    SeparationConfig separation,
    LearningRates learningRates) {

  /**
   * The smallest batch that trains: batch normalisation (in the core and in plugin encoders)
   * needs two samples, so the training loop skips a batch of one.
   */
  public static final int MIN_BATCH_SIZE = 2;

  /** The XOR-AND-XOR values of the reference. */
  public static final TrainingConfig DEFAULTS =
      new TrainingConfig(
          150, 64, 1e-3, 0.1, 0.1, false, List.of(), 0, SeparationConfig.OFF, LearningRates.NONE);

  /**
   * A plain schedule: {@code epochs} epochs training everything, no gradient clipping, the
   * paper's pull-only regulariser.
   */
  public TrainingConfig(
      int epochs,
      int batchSize,
      double learningRate,
      double lambda,
      double pairProbability,
      boolean classWeights) {
    this(
        epochs,
        batchSize,
        learningRate,
        lambda,
        pairProbability,
        classWeights,
        List.of(),
        0,
        SeparationConfig.OFF,
        LearningRates.NONE);
  }

  /** A schedule whose parts all train at {@code learningRate}. */
  public TrainingConfig(
      int epochs,
      int batchSize,
      double learningRate,
      double lambda,
      double pairProbability,
      boolean classWeights,
      List<TrainingPhase> phases,
      double gradientClip,
      SeparationConfig separation) {
    this(
        epochs,
        batchSize,
        learningRate,
        lambda,
        pairProbability,
        classWeights,
        phases,
        gradientClip,
        separation,
        LearningRates.NONE);
  }

  public TrainingConfig {
    if (epochs < 1) {
      throw new InvalidConfigException("epochs", "got " + epochs + ", expected an integer >= 1");
    }
    if (batchSize < MIN_BATCH_SIZE) {
      // The training loop skips batches of one sample, so a batch size of 1 would train on
      // nothing.
      throw new InvalidConfigException(
          "batch_size",
          "got " + batchSize + ", expected an integer >= " + MIN_BATCH_SIZE
              + " (batch normalisation needs two samples per batch)");
    }
    requirePositive("learning_rate", learningRate);
    requireNonNegative("lambda", lambda);
    requireProbability("pair_probability", pairProbability);
    requireNonNegative("gradient_clip", gradientClip);
    phases = phases == null ? List.of() : List.copyOf(phases);
    separation = separation == null ? SeparationConfig.OFF : separation;
    learningRates = learningRates == null ? LearningRates.NONE : learningRates;
    int scheduled = phases.stream().mapToInt(TrainingPhase::epochs).sum();
    if (!phases.isEmpty() && scheduled != epochs) {
      throw new InvalidConfigException(
          "phases",
          "the phases add up to " + scheduled + " epochs but epochs is " + epochs
              + ", expected them to agree (set epochs to " + scheduled + ")");
    }
  }

  /**
   * The index of the first phase with local supervision ({@code loss: local}), or -1 when no
   * phase has it. The network then has local heads, and the data set must have auxiliary labels.
   */
  public int firstLocalPhase() {
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).usesLocalLoss()) {
        return i;
      }
    }
    return -1;
  }

  /** Whether some phase uses local supervision ({@link #firstLocalPhase}). */
  public boolean usesLocalLoss() {
    return firstLocalPhase() >= 0;
  }

  /** The phase that epoch {@code epoch} (1-based) belongs to. */
  public TrainingPhase phaseOf(int epoch) {
    int end = 0;
    for (TrainingPhase p : phases) {
      end += p.epochs();
      if (epoch <= end) {
        return p;
      }
    }
    return TrainingPhase.full(epochs);
  }
}
