package io.sharcs.modality.image;

import io.sharcs.api.InvalidConfigException;

/**
 * Options of the image encoder's unsupervised pretraining ({@code pretrain:} of an {@code image}
 * modality): the convolution blocks are trained as the encoder half of an autoencoder on the
 * training split's distinct images before SHARCS sees a label. See {@link AutoencoderPretraining}.
 *
 * @param epochs passes over the distinct training images; 0 = no pretraining
 * @param learningRate Adam's learning rate
 * @param batchSize images per step
 */
public record AutoencoderPretrainingConfig(int epochs, double learningRate, int batchSize) {

  /** No pretraining. */
  public static final AutoencoderPretrainingConfig NONE =
      new AutoencoderPretrainingConfig(0, 0.003, 100);

  /** Validates every field; the exception names the field as files spell it. */
  public AutoencoderPretrainingConfig {
    if (epochs < 0) {
      throw new InvalidConfigException(
          "epochs", "got " + epochs + ", expected an integer >= 0 (0 = no pretraining)");
    }
    if (!(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new InvalidConfigException(
          "learning_rate", "got " + learningRate + ", expected a finite number > 0");
    }
    if (batchSize < 2) {
      throw new InvalidConfigException(
          "batch_size",
          "got " + batchSize + ", expected an integer >= 2 (batch norm needs two images)");
    }
  }
}
