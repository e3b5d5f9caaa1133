package io.sharcs.core.train;

import ai.djl.nn.Parameter;
import java.util.List;

/**
 * Applies Adam to the trainable parameters after a backward pass, {@code stepsPerBatch} times
 * with the same gradient. The reference calls {@code optimizer.step()} twice per batch; the
 * clean protocol steps once.
 */
public final class AdamSteps {

  private final ReproducibleAdam adam;
  private final int stepsPerBatch;

  AdamSteps(double learningRate, int stepsPerBatch) {
    this.adam = new ReproducibleAdam(learningRate);
    this.stepsPerBatch = stepsPerBatch;
  }

  /**
   * @param learningRate Adam's learning rate
   * @param trainable the parameters to update
   * @param stepsPerBatch Adam updates per gradient: 1 (clean) or 2 (the reference's double step)
   */
  public AdamSteps(double learningRate, List<Parameter> trainable, int stepsPerBatch) {
    this(learningRate, stepsPerBatch);
    train(trainable);
  }

  /** Sets the parameters updated from now on; the moments of each parameter are kept. */
  void train(List<Parameter> parameters) {
    adam.train(parameters);
  }

  /** Updates every trainable parameter and leaves its gradient zeroed. */
  public void step() {
    adam.update(stepsPerBatch);
  }
}
