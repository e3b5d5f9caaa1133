package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies Adam to the trainable parameters after a backward pass, {@code stepsPerBatch} times
 * with the same gradient. The reference calls {@code optimizer.step()} twice per batch; the
 * clean protocol steps once.
 */
public final class AdamSteps {

  private final ReproducibleAdam adam;
  private final int stepsPerBatch;
  private List<Parameter> trainable = List.of();

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
    this.trainable = List.copyOf(parameters);
  }

  /** Updates every trainable parameter and leaves its gradient zeroed. */
  public void step() {
    if (stepsPerBatch == 1) {
      for (Parameter p : trainable) {
        NDArray weight = p.getArray();
        try (NDArray gradient = weight.getGradient()) {
          adam.update(p.getId(), weight, gradient);
        }
      }
      return;
    }
    // The native Adam update zeroes a weight's gradient in place, so the repeats read copies
    // taken before the first one.
    List<NDArray> copies = new ArrayList<>(trainable.size());
    try {
      for (Parameter p : trainable) {
        try (NDArray gradient = p.getArray().getGradient()) {
          copies.add(gradient.duplicate());
        }
      }
      for (int s = 0; s < stepsPerBatch; s++) {
        for (int i = 0; i < trainable.size(); i++) {
          Parameter p = trainable.get(i);
          adam.update(p.getId(), p.getArray(), copies.get(i));
        }
      }
    } finally {
      copies.forEach(NDArray::close);
    }
  }
}
