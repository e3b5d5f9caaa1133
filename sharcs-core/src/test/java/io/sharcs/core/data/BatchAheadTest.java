package io.sharcs.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.nn.Tensors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batches built on the helper thread: order, ownership, failures, nothing left behind. */
class BatchAheadTest {

  private static List<NDList> build(int[] rows, NDManager manager) {
    float[] values = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      values[i] = rows[i] * 1.5f;
    }
    return List.of(new NDList(Tensors.create(manager, values, new Shape(rows.length))));
  }

  /** Every batch counts as slow: each has its successor built ahead. */
  private static final long ALWAYS = 0;

  /** No batch counts as slow: all are built in place. */
  private static final long NEVER = Long.MAX_VALUE;

  /**
   * Takes every batch into its own step manager, checking each against the arrays built in place;
   * returns the names of the threads that built them, in order.
   */
  private static List<String> takeAll(List<int[]> batches, long aheadNanos) {
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    try (NDManager root = NDManager.newBaseManager();
        BatchAhead<int[]> ahead =
            new BatchAhead<>(
                batches,
                root,
                (rows, m) -> {
                  threads.add(Thread.currentThread().getName());
                  return build(rows, m);
                },
                aheadNanos)) {
      for (int b = 0; b < batches.size(); b++) {
        try (NDManager step = root.newSubManager()) {
          NDArray got = ahead.take(b, step).get(0).head();
          NDArray expected = build(batches.get(b), step).get(0).head();
          assertThat(got.toFloatArray()).containsExactly(expected.toFloatArray());
          assertThat(got.getManager()).isSameAs(step);
        }
      }
      // Every array went with the step's manager: nothing is left under the root.
      assertThat(root.getManagedArrays()).isEmpty();
    }
    return threads;
  }

  @Test
  void slowBatchesHaveTheirSuccessorsBuiltAheadWithTheArraysTheCallerWouldHaveBuilt() {
    List<String> threads =
        takeAll(List.of(new int[] {3, 1}, new int[] {0}, new int[] {7, 8, 9}), ALWAYS);
    // The first batch is built when taken; each one after it, ahead.
    assertThat(threads).hasSize(3);
    assertThat(threads.get(0)).isEqualTo(Thread.currentThread().getName());
    assertThat(threads.subList(1, 3)).allMatch(name -> name.equals("sharcs-batch-ahead"));
  }

  @Test
  void cheapBatchesAreBuiltInPlace() {
    List<String> threads =
        takeAll(List.of(new int[] {1}, new int[] {2}, new int[] {3}), NEVER);
    assertThat(threads).hasSize(3).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void batchesMustBeTakenInOrder() {
    try (NDManager root = NDManager.newBaseManager();
        BatchAhead<int[]> ahead =
            new BatchAhead<>(List.of(new int[] {1}, new int[] {2}), root, BatchAheadTest::build)) {
      assertThatThrownBy(() -> ahead.take(1, root))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("batch 1 taken, expected batch 0");
    }
  }

  @Test
  void aFailureOnTheHelperReachesTheCallerUnchangedWhenItTakesThatBatch() {
    InvalidInputException bad = new InvalidInputException("data.csv row 7: found 'x', expected a number");
    try (NDManager root = NDManager.newBaseManager();
        BatchAhead<int[]> ahead =
            new BatchAhead<>(
                List.of(new int[] {1}, new int[] {2}),
                root,
                (rows, m) -> {
                  if (rows[0] == 2) {
                    throw bad;
                  }
                  return build(rows, m);
                },
                ALWAYS)) {
      try (NDManager step = root.newSubManager()) {
        assertThat(ahead.take(0, step)).hasSize(1);
      }
      assertThatThrownBy(() -> ahead.take(1, root)).isSameAs(bad);
    }
  }

  @Test
  void closingEarlyFreesTheBatchBuiltAhead() {
    try (NDManager root = NDManager.newBaseManager()) {
      try (BatchAhead<int[]> ahead =
          new BatchAhead<>(
              List.of(new int[] {1}, new int[] {2}), root, BatchAheadTest::build, ALWAYS)) {
        try (NDManager step = root.newSubManager()) {
          ahead.take(0, step);
        }
      }
      assertThat(root.getManagedArrays()).isEmpty();
    }
  }
}
