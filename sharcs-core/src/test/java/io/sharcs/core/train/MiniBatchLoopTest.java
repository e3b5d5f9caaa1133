package io.sharcs.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The training loop stops at the first batch whose loss is not finite, naming the epoch. */
class MiniBatchLoopTest {

  private static Block linear(NDManager manager) {
    Block block = Linear.builder().setUnits(1).build();
    block.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
    return block;
  }

  /** A step whose loss is the mean output times {@code factor(epoch)}. */
  private static MiniBatchLoop.Step step(Block block, float factor, String culprit) {
    return (rows, ps, batch) -> {
      NDArray x = batch.ones(new Shape(rows.length, 3));
      NDArray out = block.forward(ps, new NDList(x), true).head();
      NDArray loss = out.mean().mul(factor);
      return new MiniBatchLoop.Outcome(loss, 0, 0f, () -> culprit);
    };
  }

  @Test
  void theStepCountOfAnEpochIsTheNumberOfBatchesItIsCutInto() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = linear(manager);
      for (int batchSize : new int[] {2, 4, 64, 100}) {
        MiniBatchLoop loop =
            new MiniBatchLoop(block, 1e-3, 1, 0, batchSize, new SplittableRandom(1), manager);
        for (int rows : new int[] {2, 3, 5, 63, 64, 65, 66, 800, 6400}) {
          assertThat(MiniBatchLoop.batchesPerEpoch(rows, batchSize))
              .as("%d rows in batches of %d", rows, batchSize)
              .isEqualTo(loop.shuffledBatches(rows).size());
        }
      }
      // 800 rows in batches of 64: 12 full batches and one of 32; 65 rows: the lone 65th is left out.
      assertThat(MiniBatchLoop.batchesPerEpoch(800, 64)).isEqualTo(13);
      assertThat(MiniBatchLoop.batchesPerEpoch(65, 64)).isEqualTo(1);
    }
  }

  @Test
  void aNanLossStopsTrainingNamingTheEpochBatchAndModality() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = linear(manager);
      MiniBatchLoop loop =
          new MiniBatchLoop(block, 1e-3, 1, 0, 4, new SplittableRandom(1), manager);

      EpochReport first = loop.epoch(1, 3, 8, step(block, 1f, null));
      assertThat(first.loss()).isFinite();

      assertThatThrownBy(() -> loop.epoch(2, 3, 8, step(block, Float.NaN, "table")))
          .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
            assertThat(e.epoch()).isEqualTo(2);
            assertThat(e.modality()).contains("table");
            assertThat(e.getMessage()).isEqualTo(
                "training diverged in epoch 2 (batch 1 of 2): the loss is NaN, first in the"
                    + " output of modality table, expected a finite loss (lower"
                    + " training.learning_rate, or set training.gradient_clip)");
          });
    }
  }

  @Test
  void anInfiniteLossStopsTrainingToo() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = linear(manager);
      MiniBatchLoop loop =
          new MiniBatchLoop(block, 1e-3, 1, 0, 4, new SplittableRandom(1), manager);

      assertThatThrownBy(() -> loop.epoch(1, 3, 8, step(block, Float.POSITIVE_INFINITY, null)))
          .isInstanceOf(TrainingDivergedException.class)
          .hasMessageStartingWith("training diverged in epoch 1 (batch 1 of 2): the loss is")
          .hasMessageNotContaining("modality");
    }
  }

  @Test
  void anEpochWithoutATrainableBatchIsAnErrorNotANanLoss() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = linear(manager);
      MiniBatchLoop loop =
          new MiniBatchLoop(block, 1e-3, 1, 0, 4, new SplittableRandom(1), manager);

      assertThatThrownBy(() -> loop.epoch(1, 3, 1, step(block, 1f, null)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("no batch of two or more samples among 1 rows in batches of 4");
    }
  }

  @Test
  void theFirstModalityWithANonFiniteOutputIsNamed() {
    try (NDManager manager = NDManager.newBaseManager()) {
      List<NDArray> outputs = List.of(
          manager.create(new float[] {1, 2}),
          manager.create(new float[] {1, Float.NEGATIVE_INFINITY}),
          manager.create(new float[] {Float.NaN, 2}));
      assertThat(MiniBatchLoop.firstNonFinite(outputs, List.of("a", "b", "c"))).isEqualTo("b");
      assertThat(MiniBatchLoop.firstNonFinite(outputs.subList(0, 1), List.of("a"))).isNull();
    }
  }
}
