package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.List;

/**
 * Applies Adam to the trainable parameters after a backward pass, {@code stepsPerBatch} times
 * with the same gradient. The reference calls {@code optimizer.step()} twice per batch; the
 * clean protocol steps once.
 */
final class AdamSteps {

  private final Adam adam;
  private final List<Parameter> trainable;
  private final int stepsPerBatch;

  AdamSteps(double learningRate, List<Parameter> trainable, int stepsPerBatch) {
    this.adam = Adam.builder().optLearningRateTracker(Tracker.fixed((float) learningRate)).build();
    this.trainable = List.copyOf(trainable);
    this.stepsPerBatch = stepsPerBatch;
  }

  /** Updates every trainable parameter and leaves its gradient zeroed. */
  void step() {
    for (Parameter p : trainable) {
      NDArray weight = p.getArray();
      try (NDArray gradient = weight.getGradient()) {
        if (stepsPerBatch == 1) {
          adam.update(p.getId(), weight, gradient);
          continue;
        }
        // DJL's PyTorch Adam zeroes the weight's gradient in place after an update, so every
        // repeat must read a copy taken before the first one.
        try (NDArray copy = gradient.duplicate()) {
          for (int s = 0; s < stepsPerBatch; s++) {
            adam.update(p.getId(), weight, copy);
          }
        }
      }
    }
  }
}
