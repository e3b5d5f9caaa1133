package io.sharcs.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.sharcs.api.Permutations;
import io.sharcs.core.data.BatchAhead;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The core's one training loop, shared by SHARCS ({@link SharcsTrainer}) and the baselines:
 * every epoch the rows are shuffled and cut into mini-batches; per batch a {@link Step} builds the
 * loss inside a gradient collector, backward, then Adam ({@code stepsPerBatch} updates per
 * gradient). A trailing batch of a single sample is skipped: batch normalisation (in the core or
 * in plugin encoders) needs two rows. A batch whose loss is NaN or infinite stops training with a
 * {@link TrainingDivergedException}.
 */
public final class MiniBatchLoop {

  /**
   * One batch's loss (a scalar to differentiate), how many of its rows were predicted right, the
   * semantic regulariser's distance d in it (0 where there is none), who made a non-finite loss,
   * and the local heads' losses where the batch has local supervision.
   */
  public record Outcome(
      NDArray loss,
      long correct,
      float distance,
      Supplier<String> culprit,
      List<LocalOutcome> local) {

    public Outcome {
      local = List.copyOf(local);
    }

    /** A batch without local supervision. */
    public Outcome(NDArray loss, long correct, float distance, Supplier<String> culprit) {
      this(loss, correct, distance, culprit, List.of());
    }

    /** A batch that cannot tell which modality made a non-finite loss. */
    public Outcome(NDArray loss, long correct, float distance) {
      this(loss, correct, distance, () -> null);
    }

    /** A batch without a regulariser. */
    public Outcome(NDArray loss, long correct) {
      this(loss, correct, 0f);
    }
  }

  /**
   * The name of the first modality whose output in {@code outputs} (slot order, {@code names})
   * holds a NaN or an infinite value, or null. For {@link Outcome#culprit}: called only once a loss
   * is not finite.
   */
  public static String firstNonFinite(List<NDArray> outputs, List<String> names) {
    for (int m = 0; m < outputs.size(); m++) {
      NDArray o = outputs.get(m);
      if (o.isNaN().any().getBoolean() || o.isInfinite().any().getBoolean()) {
        return names.get(m);
      }
    }
    return null;
  }

  /**
   * One local head's part of a batch: its loss term (a scalar, already in the batch's loss) and
   * how many of the batch's rows it predicted right.
   *
   * @param modality the head's modality
   * @param loss the head's loss term
   * @param correct rows whose auxiliary label the head predicted
   */
  public record LocalOutcome(String modality, NDArray loss, long correct) {}

  /** Builds the loss of one batch of rows, in {@code batchManager}. */
  @FunctionalInterface
  public interface Step {
    Outcome forward(int[] rows, ParameterStore parameters, NDManager batchManager);
  }

  /**
   * Builds the loss of one batch of rows from its inputs (built ahead by the loop, {@link
   * BatchAhead}), in {@code batchManager}, which holds the inputs.
   */
  @FunctionalInterface
  public interface StepOnInputs {
    Outcome forward(
        int[] rows, List<NDList> inputs, ParameterStore parameters, NDManager batchManager);
  }

  private final NDManager manager;
  private final ParameterStore parameters;
  private final AdamSteps optimizer;
  private final List<Parameter> learnable = new ArrayList<>();
  private final int batchSize;
  private final SplittableRandom shuffleRng;
  private boolean started;

  /**
   * @param block the model whose learnable parameters Adam updates (all of them, until {@link
   *     #train} narrows the set)
   * @param learningRate Adam's learning rate
   * @param stepsPerBatch Adam updates per gradient: 1 (clean) or 2 (reference)
   * @param gradientClip the largest global gradient norm; 0 = no clipping
   * @param shuffleRng the stream that shuffles the rows every epoch
   */
  public MiniBatchLoop(
      Block block,
      double learningRate,
      int stepsPerBatch,
      double gradientClip,
      int batchSize,
      SplittableRandom shuffleRng,
      NDManager manager) {
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        learnable.add(p.getValue());
      }
    }
    this.optimizer = new AdamSteps(learningRate, stepsPerBatch, gradientClip);
    this.batchSize = batchSize;
    this.shuffleRng = shuffleRng;
  }

  /** The block's learnable parameters (running statistics excluded), in block order. */
  public List<Parameter> learnable() {
    return List.copyOf(learnable);
  }

  /**
   * Gives parameters their own learning rates; the others keep the loop's. Takes effect at the
   * next {@link #train} (or the first epoch), so call it before training.
   */
  public void learningRates(java.util.Map<Parameter, Double> rates) {
    optimizer.rates(rates);
  }

  /**
   * Sets the parameters Adam updates from now on (a subset of {@link #learnable}); the moments
   * of each parameter are kept.
   */
  public void train(List<Parameter> trainable) {
    started = true;
    optimizer.train(trainable);
  }

  /**
   * The training steps of an epoch over {@code rows} rows in batches of {@code batchSize}: as many
   * as {@link #shuffledBatches} cuts (a lone trailing row makes no batch).
   */
  public static int batchesPerEpoch(int rows, int batchSize) {
    return rows / batchSize + (rows % batchSize >= 2 ? 1 : 0);
  }

  /** Shuffled rows {@code 0..rows-1}, in batches of the configured size (a lone trailing row dropped). */
  public List<int[]> shuffledBatches(int rows) {
    int[] order = Permutations.shuffled(rows, shuffleRng);
    List<int[]> batches = new ArrayList<>();
    for (int from = 0; from < rows; from += batchSize) {
      int to = Math.min(rows, from + batchSize);
      if (to - from >= 2) {
        batches.add(Arrays.copyOfRange(order, from, to));
      }
    }
    return batches;
  }

  /**
   * Trains one epoch over rows {@code 0..rows-1}.
   *
   * @param epoch the epoch number for the report
   * @param epochs the total for the report
   */
  public EpochReport epoch(int epoch, int epochs, int rows, Step step) {
    return run(epoch, epochs, shuffledBatches(rows), rows,
        (b, batch, sub) -> step.forward(batch, parameters, sub));
  }

  /**
   * Trains one epoch over rows {@code 0..rows-1}, each batch's inputs built by {@code inputs},
   * on a helper thread while the batch before trains where batches are slow to build ({@link
   * BatchAhead}). The same batches, inputs and updates as building them in the step: only the
   * thread differs.
   *
   * @param epoch the epoch number for the report
   * @param epochs the total for the report
   */
  public EpochReport epoch(
      int epoch, int epochs, int rows, BatchAhead.Builder<int[]> inputs, StepOnInputs step) {
    List<int[]> batches = shuffledBatches(rows);
    try (BatchAhead<int[]> ahead = new BatchAhead<>(batches, manager, inputs)) {
      return run(epoch, epochs, batches, rows,
          (b, batch, sub) -> step.forward(batch, ahead.take(b, sub), parameters, sub));
    }
  }

  private interface IndexedStep {
    Outcome forward(int index, int[] rows, NDManager batchManager);
  }

  private EpochReport run(int epoch, int epochs, List<int[]> batches, int rows, IndexedStep step) {
    if (!started) {
      started = true;
      optimizer.train(learnable);
    }
    long start = System.nanoTime();
    double lossSum = 0;
    double distanceSum = 0;
    long correct = 0;
    long seen = 0;
    // Per local head, in order of appearance: loss sum, correct rows, rows, batches.
    Map<String, double[]> local = new LinkedHashMap<>();
    if (batches.isEmpty()) {
      // The configuration is validated against this (batch size and training split >= 2).
      throw new IllegalStateException(
          "no batch of two or more samples among " + rows + " rows in batches of " + batchSize);
    }
    for (int b = 0; b < batches.size(); b++) {
      int[] batch = batches.get(b);
      try (NDManager sub = manager.newSubManager()) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          Outcome o = step.forward(b, batch, sub);
          gc.backward(o.loss());
          float loss = o.loss().getFloat();
          if (!Float.isFinite(loss)) {
            throw new TrainingDivergedException(
                epoch, b + 1, batches.size(), loss, o.culprit().get());
          }
          lossSum += loss;
          distanceSum += o.distance();
          correct += o.correct();
          for (LocalOutcome l : o.local()) {
            double[] sums = local.computeIfAbsent(l.modality(), m -> new double[4]);
            sums[0] += l.loss().getFloat();
            sums[1] += l.correct();
            sums[2] += batch.length;
            sums[3]++;
          }
        }
        optimizer.step();
      }
      seen += batch.length;
    }
    List<EpochReport.Local> locals = new ArrayList<>();
    for (Map.Entry<String, double[]> l : local.entrySet()) {
      double[] sums = l.getValue();
      // Mean loss over the batches with this head, as the epoch's loss; accuracy over their rows.
      locals.add(
          new EpochReport.Local(l.getKey(), sums[0] / sums[3], sums[1] / sums[2]));
    }
    return new EpochReport(
        epoch,
        epochs,
        lossSum / batches.size(),
        correct / (double) seen,
        distanceSum / batches.size(),
        (System.nanoTime() - start) / 1e9,
        locals);
  }
}
