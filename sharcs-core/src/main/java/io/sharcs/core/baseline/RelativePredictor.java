package io.sharcs.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.sharcs.api.nn.Layers;
import io.sharcs.api.nn.Tensors;
import io.sharcs.core.EpochReport;
import io.sharcs.core.model.Logits;
import io.sharcs.core.train.TaskLoss;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The anchors baseline's predictor (the reference's {@code PredModel}): {@code Linear(N*n ->
 * 6n), ReLU, Linear(6n -> C)} on the concatenated relative representations of the N modalities
 * (n anchors each), trained with the task loss.
 */
final class RelativePredictor {

  private static final int EVAL_CHUNK = 4096;

  private final SequentialBlock mlp;
  private final NDManager manager;
  private final ParameterStore parameters;

  /**
   * @param inputs N * n
   * @param anchors n (the hidden width is 6n)
   * @param classes C
   */
  RelativePredictor(int inputs, int anchors, int classes, NDManager manager) {
    this.mlp = Layers.mlp(inputs, List.of(6 * anchors), classes);
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
    mlp.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
  }

  /** The block, for saving. */
  SequentialBlock block() {
    return mlp;
  }

  /**
   * Trains on {@code features} (rows, N*n) with {@code labels}.
   *
   * @param firstEpoch the number the first epoch is reported with
   * @param reportedEpochs the total epochs reported (the run's, not only this stage's)
   * @return the last epoch's mean loss
   */
  double train(
      float[][] features,
      int[] labels,
      TaskLoss loss,
      int epochs,
      MiniBatchLoop loop,
      int firstEpoch,
      int reportedEpochs,
      Consumer<EpochReport> progress,
      double[] epochSeconds) {
    double last = Double.NaN;
    for (int e = 0; e < epochs; e++) {
      EpochReport report =
          loop.epoch(
              firstEpoch + e,
              reportedEpochs,
              features.length,
              (rows, ps, batch) -> {
                float[][] x = new float[rows.length][];
                int[] y = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                  x[i] = features[rows[i]];
                  y[i] = labels[rows[i]];
                }
                NDArray logits =
                    mlp.forward(ps, new NDList(Tensors.create(batch, x)), true).head();
                return new MiniBatchLoop.Outcome(
                    loss.compute(logits, y), Logits.countCorrect(logits, y));
              });
      epochSeconds[firstEpoch + e - 1] = report.seconds();
      last = report.loss();
      progress.accept(report);
    }
    return last;
  }

  /** The class (argmax) per row of {@code features}. */
  int[] predict(float[][] features) {
    int[] out = new int[features.length];
    for (int from = 0; from < features.length; from += EVAL_CHUNK) {
      int to = Math.min(features.length, from + EVAL_CHUNK);
      float[][] part = java.util.Arrays.copyOfRange(features, from, to);
      try (NDManager sub = manager.newSubManager()) {
        NDArray logits = mlp.forward(parameters, new NDList(Tensors.create(sub, part)), false).head();
        long[] argmax = logits.argMax(1).toLongArray();
        for (int i = 0; i < argmax.length; i++) {
          out[from + i] = (int) argmax[i];
        }
      }
    }
    return out;
  }

  /** A fresh stream for the predictor's shuffling. */
  static SplittableRandom shuffleStream(long seed) {
    return new SplittableRandom(io.sharcs.core.train.Seeds.derive(seed, "anchor-predictor"));
  }
}
