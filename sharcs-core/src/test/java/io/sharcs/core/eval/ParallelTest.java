package io.sharcs.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void everyRowIsVisitedOnce() {
    for (int n : new int[] {0, 1, 255, 512, 10_001}) {
      AtomicIntegerArray visits = new AtomicIntegerArray(n);
      Parallel.forEachRow(n, visits::incrementAndGet);
      for (int i = 0; i < n; i++) {
        assertThat(visits.get(i)).as("row %d of %d", i, n).isEqualTo(1);
      }
    }
  }

  @Test
  void resultsComeInTheTasksOrder() {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      int value = i;
      tasks.add(() -> {
        // The first tasks take longest, so they would finish last.
        Thread.sleep(7 - value);
        return value * value;
      });
    }
    assertThat(Parallel.all(tasks)).containsExactly(0, 1, 4, 9, 16, 25, 36);
  }

  @Test
  void aFailingPieceFailsTheWholeWithItsOwnException() {
    List<Callable<Integer>> tasks = List.of(() -> 1, () -> {
      throw new IllegalArgumentException("bad piece");
    });
    assertThatThrownBy(() -> Parallel.all(tasks))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("bad piece");
    assertThatThrownBy(() -> Parallel.forEachRow(1000, i -> {
      if (i == 900) {
        throw new IllegalStateException("row 900");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("row 900");
  }
}
