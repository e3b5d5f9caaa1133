package io.sharcs.core.train;

import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies Adam to the trainable parameters after a backward pass, {@code stepsPerBatch} times
 * with the same gradient. The reference calls {@code optimizer.step()} twice per batch; the
 * clean protocol steps once. With a gradient clip, the gradient is first scaled down to that
 * global norm ({@link GradientClipping}).
 */
public final class AdamSteps {

  private final ReproducibleAdam adam;
  private final int stepsPerBatch;
  private final GradientClipping clipping;
  private List<Parameter> trainable = List.of();

  /**
   * @param gradientClip the largest global gradient norm; 0 = no clipping
   */
  AdamSteps(double learningRate, int stepsPerBatch, double gradientClip) {
    this.adam = new ReproducibleAdam(learningRate);
    this.stepsPerBatch = stepsPerBatch;
    this.clipping = gradientClip > 0 ? new GradientClipping(gradientClip) : null;
  }

  /**
   * @param learningRate Adam's learning rate
   * @param trainable the parameters to update
   * @param stepsPerBatch Adam updates per gradient: 1 (clean) or 2 (the reference's double step)
   * @param gradientClip the largest global gradient norm; 0 = no clipping
   */
  public AdamSteps(
      double learningRate, List<Parameter> trainable, int stepsPerBatch, double gradientClip) {
    this(learningRate, stepsPerBatch, gradientClip);
    train(trainable);
  }

  /**
   * Gives parameters their own learning rates (the others keep the default one), from the next
   * {@link #train} on.
   */
  void rates(java.util.Map<Parameter, Double> rates) {
    adam.rates(rates);
  }

  /** Sets the parameters updated from now on; the moments of each parameter are kept. */
  void train(List<Parameter> parameters) {
    trainable = new ArrayList<>(parameters);
    adam.train(parameters);
  }

  /** Updates every trainable parameter and leaves its gradient zeroed. */
  public void step() {
    if (clipping != null) {
      clipping.apply(trainable);
    }
    adam.update(stepsPerBatch);
  }
}
