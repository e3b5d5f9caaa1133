package io.sharcs.core.config;

import static io.sharcs.api.InvalidConfigException.requirePositive;

import io.sharcs.api.InvalidConfigException;

/**
 * Sizes of the parts the core assembles around the plugins' encoders.
 *
 * @param concepts k, the number of concepts per modality (local and shared); for the
 *     non-concept baselines (anchors, unimodal, concat) the width of each modality's embedding
 * @param steepness a in the concept activation sigmoid(a * x), for local and shared concepts
 * @param projectionHidden hidden width of each projection h_m (Linear k-&gt;hidden, ReLU,
 *     Linear hidden-&gt;k)
 * @param predictorHidden hidden width of the label predictor f (and of the baselines' unimodal
 *     heads)
 * @param anchorFraction the anchors baseline: the share of the training samples drawn as
 *     parallel anchors, in (0, 1] (the reference: 0.1)
 * @param anchorPredictorEpochs the anchors baseline: training epochs of the predictor on
 *     relative representations, after the unimodal networks (the reference: 100 for XOR)
 * @param anchorEncoderEpochs the anchors baseline: training epochs of its unimodal networks; 0
 *     (the default) means as many Adam updates as the reference gives them, {@code
 *     training.epochs} epochs of two steps per batch: {@code 2 * training.epochs} epochs under the
 *     clean protocol's single step, {@code training.epochs} under the reference protocol
 * @param localHeadHidden hidden width of each local head (Linear k-&gt;hidden, ReLU,
 *     Linear hidden-&gt;local classes; the reference: 64), which exists only when a training phase
 *     uses local supervision
 */
public record ModelConfig(
    int concepts,
    double steepness,
    int projectionHidden,
    int predictorHidden,
    double anchorFraction,
    int anchorPredictorEpochs,
    int anchorEncoderEpochs,
    int localHeadHidden) {

  private static final double DEFAULT_ANCHOR_FRACTION = 0.1;
  private static final int DEFAULT_LOCAL_HEAD_HIDDEN = 64;
  private static final int DEFAULT_ANCHOR_PREDICTOR_EPOCHS = 100;

  /** The XOR-AND-XOR values of the reference. */
  public static final ModelConfig DEFAULTS =
      new ModelConfig(
          7, 5.0, 7, 10, DEFAULT_ANCHOR_FRACTION, DEFAULT_ANCHOR_PREDICTOR_EPOCHS, 0,
          DEFAULT_LOCAL_HEAD_HIDDEN);

  public ModelConfig {
    requirePositive("concepts", concepts);
    requirePositive("steepness", steepness);
    requirePositive("projection_hidden", projectionHidden);
    requirePositive("predictor_hidden", predictorHidden);
    if (!(anchorFraction > 0 && anchorFraction <= 1)) {
      throw new InvalidConfigException(
          "anchor_fraction", "got " + anchorFraction + ", expected a number in (0, 1]");
    }
    requirePositive("anchor_predictor_epochs", anchorPredictorEpochs);
    if (anchorEncoderEpochs < 0) {
      throw new InvalidConfigException(
          "anchor_encoder_epochs",
          "got " + anchorEncoderEpochs + ", expected an integer >= 1, or 0 for the reference's"
              + " number of updates");
    }
    requirePositive("local_head_hidden", localHeadHidden);
  }

  /** The options with the local heads' width at its default. */
  public ModelConfig(
      int concepts,
      double steepness,
      int projectionHidden,
      int predictorHidden,
      double anchorFraction,
      int anchorPredictorEpochs,
      int anchorEncoderEpochs) {
    this(
        concepts, steepness, projectionHidden, predictorHidden, anchorFraction,
        anchorPredictorEpochs, anchorEncoderEpochs, DEFAULT_LOCAL_HEAD_HIDDEN);
  }

  /** The options with the anchors baseline's unimodal epochs left to the default rule. */
  public ModelConfig(
      int concepts,
      double steepness,
      int projectionHidden,
      int predictorHidden,
      double anchorFraction,
      int anchorPredictorEpochs) {
    this(
        concepts, steepness, projectionHidden, predictorHidden, anchorFraction,
        anchorPredictorEpochs, 0, DEFAULT_LOCAL_HEAD_HIDDEN);
  }

  /**
   * The epochs of the anchors baseline's unimodal networks (see {@link #anchorEncoderEpochs}).
   *
   * @param trainingEpochs {@code training.epochs}
   * @param stepsPerBatch Adam steps per batch of the protocol: 1 (clean) or 2 (reference)
   */
  public int unimodalEpochsForAnchors(int trainingEpochs, int stepsPerBatch) {
    return anchorEncoderEpochs > 0 ? anchorEncoderEpochs : trainingEpochs * 2 / stepsPerBatch;
  }

  /** The SHARCS sizes, with the anchors baseline's options at their defaults. */
  public ModelConfig(int concepts, double steepness, int projectionHidden, int predictorHidden) {
    this(
        concepts,
        steepness,
        projectionHidden,
        predictorHidden,
        DEFAULT_ANCHOR_FRACTION,
        DEFAULT_ANCHOR_PREDICTOR_EPOCHS,
        0,
        DEFAULT_LOCAL_HEAD_HIDDEN);
  }
}
