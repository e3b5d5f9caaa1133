package io.sharcs.core.baseline;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.sharcs.api.Permutations;
import io.sharcs.core.EpochReport;
import io.sharcs.core.train.AdamSteps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The baselines' training loop: shuffled mini-batches, a loss, backward, Adam ({@code
 * stepsPerBatch} updates per gradient, as {@link io.sharcs.core.train.SharcsTrainer}). A trailing
 * batch of a single sample is skipped, as in SHARCS training (plugin encoders may normalise over
 * the batch).
 */
final class MiniBatchLoop {

  /** One batch's loss (a scalar to differentiate) and how many of its rows were predicted right. */
  record Outcome(NDArray loss, long correct) {}

  /** Builds the loss of one batch of rows, in {@code batchManager}. */
  @FunctionalInterface
  interface Step {
    Outcome forward(int[] rows, ParameterStore parameters, NDManager batchManager);
  }

  private final NDManager manager;
  private final ParameterStore parameters;
  private final AdamSteps optimizer;
  private final int batchSize;
  private final SplittableRandom shuffleRng;

  /**
   * @param block the model whose trainable parameters Adam updates
   * @param learningRate Adam's learning rate
   * @param stepsPerBatch Adam updates per gradient: 1 (clean) or 2 (reference)
   * @param gradientClip the largest global gradient norm; 0 = no clipping
   * @param shuffleRng the stream that shuffles the rows every epoch
   */
  MiniBatchLoop(
      Block block,
      double learningRate,
      int stepsPerBatch,
      double gradientClip,
      int batchSize,
      SplittableRandom shuffleRng,
      NDManager manager) {
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
    List<Parameter> trainable = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        trainable.add(p.getValue());
      }
    }
    this.optimizer = new AdamSteps(learningRate, trainable, stepsPerBatch, gradientClip);
    this.batchSize = batchSize;
    this.shuffleRng = shuffleRng;
  }

  /**
   * Trains one epoch over rows {@code 0..rows-1}.
   *
   * @param epoch the epoch number for the report
   * @param epochs the total for the report
   */
  EpochReport epoch(int epoch, int epochs, int rows, Step step) {
    long start = System.nanoTime();
    int[] order = Permutations.shuffled(rows, shuffleRng);
    double lossSum = 0;
    long correct = 0;
    long seen = 0;
    int batches = 0;
    for (int from = 0; from < rows; from += batchSize) {
      int to = Math.min(rows, from + batchSize);
      if (to - from < 2) {
        continue;
      }
      int[] batch = Arrays.copyOfRange(order, from, to);
      try (NDManager sub = manager.newSubManager()) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          Outcome o = step.forward(batch, parameters, sub);
          gc.backward(o.loss());
          lossSum += o.loss().getFloat();
          correct += o.correct();
        }
        optimizer.step();
      }
      seen += batch.length;
      batches++;
    }
    return new EpochReport(
        epoch,
        epochs,
        lossSum / Math.max(1, batches),
        seen == 0 ? Double.NaN : correct / (double) seen,
        0,
        (System.nanoTime() - start) / 1e9);
  }
}
