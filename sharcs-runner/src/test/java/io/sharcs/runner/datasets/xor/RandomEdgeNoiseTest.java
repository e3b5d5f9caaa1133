package io.sharcs.runner.datasets.xor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomEdgeNoiseTest {

  @Test
  void candidateCountIsRoundOfRatioTimesEdgesWithHalvesToEven() {
    // The four XOR-AND-XOR edge counts (spec: 2, 4, 4 or 6 candidates).
    assertThat(RandomEdgeNoise.candidateCount(10, 0.2)).isEqualTo(2);
    assertThat(RandomEdgeNoise.candidateCount(18, 0.2)).isEqualTo(4);
    assertThat(RandomEdgeNoise.candidateCount(22, 0.2)).isEqualTo(4);
    assertThat(RandomEdgeNoise.candidateCount(32, 0.2)).isEqualTo(6);
    // Python's round(2.5) == 2 and round(3.5) == 4.
    assertThat(RandomEdgeNoise.candidateCount(10, 0.25)).isEqualTo(2);
    assertThat(RandomEdgeNoise.candidateCount(14, 0.25)).isEqualTo(4);
    assertThat(RandomEdgeNoise.candidateCount(10, 0.0)).isZero();
  }

  @Test
  void drawsAllSourcesThenAllTargetsAndKeepsOnlyAscendingPairsInBothDirections() {
    int[][] base = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}, {7, 7}, {8, 8}, {9, 9},
        {0, 1}, {1, 0}, {2, 3}, {3, 2}, {4, 5}};
    // 15 edges * 0.2 = 3 candidates: sources 3, 5, 2 then targets 7, 1, 9.
    Scripted random = new Scripted(3, 5, 2, 7, 1, 9);

    int[][] result = RandomEdgeNoise.addTo(base, 10, 0.2, random);

    assertThat(random.bounds).containsOnly(10);
    assertThat(random.remaining()).isZero();
    assertThat(Arrays.copyOf(result, base.length)).isDeepEqualTo(base);
    assertThat(Arrays.copyOfRange(result, base.length, result.length))
        .isDeepEqualTo(new int[][] {{3, 7}, {2, 9}, {7, 3}, {9, 2}});
  }

  @Test
  void drawsTwoIntegersPerCandidate() {
    for (int edges : new int[] {10, 18, 22, 32}) {
      Counting random = new Counting(new SplittableRandom(edges));

      RandomEdgeNoise.addTo(selfLoops(edges), 10, 0.2, random);

      assertThat(random.calls).isEqualTo(2 * RandomEdgeNoise.candidateCount(edges, 0.2));
    }
  }

  @Test
  void addsNothingAndDrawsNothingWithoutNoise() {
    int[][] base = {{0, 1}, {1, 0}};
    Counting random = new Counting(new SplittableRandom(1));

    assertThat(RandomEdgeNoise.addTo(base, 10, 0.0, random)).isDeepEqualTo(base);
    assertThat(random.calls).isZero();
  }

  @Test
  void keepsAboutFortyFivePercentOfCandidatesOnTenNodes() {
    // P(src < dst) for two uniform draws in [0, 10) is 45/100.
    SplittableRandom random = new SplittableRandom(3);
    int[][] base = selfLoops(50);
    int kept = 0;
    int rounds = 2000;
    for (int i = 0; i < rounds; i++) {
      kept += (RandomEdgeNoise.addTo(base, 10, 0.2, random).length - base.length) / 2;
    }

    assertThat((double) kept / (rounds * 10)).isBetween(0.43, 0.47);
  }

  @Test
  void rejectsRatiosOutsideTheUnitInterval() {
    SplittableRandom random = new SplittableRandom(1);
    assertThatThrownBy(() -> RandomEdgeNoise.addTo(new int[0][], 10, 1.5, random))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RandomEdgeNoise.addTo(new int[0][], 10, Double.NaN, random))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int[][] selfLoops(int count) {
    int[][] edges = new int[count][];
    for (int e = 0; e < count; e++) {
      edges[e] = new int[] {e % 10, e % 10};
    }
    return edges;
  }

  /** Returns a fixed sequence of ints and records the bounds asked for. */
  private static final class Scripted implements RandomGenerator {
    private final Deque<Integer> values = new ArrayDeque<>();
    private final List<Integer> bounds = new ArrayList<>();

    Scripted(int... values) {
      for (int v : values) {
        this.values.add(v);
      }
    }

    @Override
    public int nextInt(int bound) {
      bounds.add(bound);
      return values.remove();
    }

    @Override
    public long nextLong() {
      throw new AssertionError("only nextInt(bound) is expected");
    }

    int remaining() {
      return values.size();
    }
  }

  /** Counts nextInt(bound) calls. */
  private static final class Counting implements RandomGenerator {
    private final RandomGenerator delegate;
    private int calls;

    Counting(RandomGenerator delegate) {
      this.delegate = delegate;
    }

    @Override
    public int nextInt(int bound) {
      calls++;
      return delegate.nextInt(bound);
    }

    @Override
    public long nextLong() {
      return delegate.nextLong();
    }
  }
}
