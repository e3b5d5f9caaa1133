package io.sharcs.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Free workers get the run expected to take longest; every pending run exactly once. */
class RunQueueTest {

  @Test
  void aRunOfEachUnstartedGroupGoesFirstInGridOrder() {
    RunQueue q = new RunQueue(List.of("a", "a", "b", "b", "c"), List.of(0, 1, 2, 3, 4));

    assertThat(List.of(q.next(), q.next(), q.next())).containsExactly(0, 2, 4);
    // Nothing finished yet: the rest in grid order.
    assertThat(List.of(q.next(), q.next())).containsExactly(1, 3);
    assertThat(q.next()).isNull();
  }

  @Test
  void theGroupWithTheLongestFinishedRunsGoesNext() {
    RunQueue q = new RunQueue(
        List.of("short", "short", "short", "long", "long", "long"), List.of(0, 1, 2, 3, 4, 5));
    assertThat(q.next()).isZero();
    assertThat(q.next()).isEqualTo(3);
    q.finished(0, 6.5, true);
    q.finished(3, 10.0, true);

    assertThat(List.of(q.next(), q.next(), q.next(), q.next())).containsExactly(4, 5, 1, 2);
  }

  @Test
  void aGroupStartedButNotFinishedCountsAsLongest() {
    RunQueue q = new RunQueue(List.of("a", "a", "b", "b"), List.of(0, 1, 2, 3));
    assertThat(q.next()).isZero();
    assertThat(q.next()).isEqualTo(2);
    q.finished(0, 30.0, true);

    // b has not finished a run: it may be longer than a's 30 s.
    assertThat(q.next()).isEqualTo(3);
    assertThat(q.next()).isEqualTo(1);
  }

  @Test
  void aWorkersFirstRunCountsOnlyUntilAWarmRunOfItsGroupFinished() {
    RunQueue q = new RunQueue(List.of("a", "a", "a", "b", "b"), List.of(0, 1, 2, 3, 4));
    q.next();
    q.next();
    q.finished(0, 14.0, false); // includes the JVM's warm-up
    q.finished(3, 9.0, true);
    assertThat(q.next()).isEqualTo(1); // a: 14 s (cold only) > b: 9 s

    q.finished(1, 6.0, true); // a's warm mean is now 6 s
    assertThat(q.next()).isEqualTo(4);
    assertThat(q.next()).isEqualTo(2);
  }

  @Test
  void onlyThePendingRunsAreHandedOut() {
    RunQueue q = new RunQueue(List.of("a", "a", "b"), List.of(1, 2));

    assertThat(List.of(q.next(), q.next())).containsExactly(1, 2);
    assertThat(q.next()).isNull();
    assertThatThrownBy(() -> new RunQueue(List.of("a"), List.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyPendingRunComesOutExactlyOnce() {
    SplittableRandom random = new SplittableRandom(19);
    for (int trial = 0; trial < 200; trial++) {
      int runs = 1 + random.nextInt(30);
      List<Integer> groupOfRun = new ArrayList<>();
      List<Integer> pending = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        groupOfRun.add(random.nextInt(5));
        if (random.nextInt(4) > 0) {
          pending.add(i);
        }
      }
      RunQueue q = new RunQueue(groupOfRun, pending);
      List<Integer> out = new ArrayList<>();
      for (Integer i = q.next(); i != null; i = q.next()) {
        out.add(i);
        if (random.nextBoolean()) {
          q.finished(i, 1 + random.nextInt(60), out.size() > 2);
        }
      }

      assertThat(out).as("trial %d", trial).containsExactlyInAnyOrderElementsOf(pending);
    }
  }
}
