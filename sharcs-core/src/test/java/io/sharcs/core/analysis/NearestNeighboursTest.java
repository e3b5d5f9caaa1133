package io.sharcs.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

  @Test
  void nearestFirstWithDistances() {
    float[][] bank = {{0, 0}, {3, 4}, {1, 0}, {0, 2}};

    List<NearestNeighbours.Neighbour> found = NearestNeighbours.nearest(bank, new float[] {0, 0}, 3);

    assertThat(found)
        .containsExactly(
            new NearestNeighbours.Neighbour(0, 0.0),
            new NearestNeighbours.Neighbour(2, 1.0),
            new NearestNeighbours.Neighbour(3, 2.0));
  }

  @Test
  void tiesGoToTheLowestIndex() {
    // Rows 1, 3 and 4 are the same point; rows 0 and 2 are equally far the other way.
    float[][] bank = {{2, 0}, {1, 1}, {0, 2}, {1, 1}, {1, 1}};

    assertThat(NearestNeighbours.nearest(bank, new float[] {1, 1}, 2))
        .extracting(NearestNeighbours.Neighbour::index)
        .containsExactly(1, 3);
    assertThat(NearestNeighbours.nearest(bank, new float[] {1, 1}, 5))
        .extracting(NearestNeighbours.Neighbour::index)
        .containsExactly(1, 3, 4, 0, 2);
  }

  @Test
  void aSmallBankGivesAllItsRows() {
    float[][] bank = {{1}, {0}};

    assertThat(NearestNeighbours.nearest(bank, new float[] {0}, 4))
        .extracting(NearestNeighbours.Neighbour::index)
        .containsExactly(1, 0);
  }

  /** Over many random banks (with repeated rows, so ties happen) the heap equals a full sort. */
  @Test
  void equalsBruteForceOnRandomBanks() {
    SplittableRandom rng = new SplittableRandom(42);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(60);
      int width = 1 + rng.nextInt(5);
      int k = 1 + rng.nextInt(8);
      float[][] bank = new float[n][width];
      for (float[] row : bank) {
        for (int j = 0; j < width; j++) {
          row[j] = rng.nextInt(4) / 4f; // a coarse grid: many exact ties
        }
      }
      float[][] queries = new float[3][width];
      for (float[] q : queries) {
        for (int j = 0; j < width; j++) {
          q[j] = rng.nextInt(4) / 4f;
        }
      }

      List<List<NearestNeighbours.Neighbour>> batch = NearestNeighbours.nearest(bank, queries, k);

      for (int q = 0; q < queries.length; q++) {
        float[] query = queries[q];
        List<Integer> expected =
            IntStream.range(0, n)
                .boxed()
                .sorted(
                    Comparator.comparingDouble((Integer i) -> squared(bank[i], query))
                        .thenComparingInt(i -> i))
                .limit(k)
                .toList();
        assertThat(batch.get(q)).extracting(NearestNeighbours.Neighbour::index).isEqualTo(expected);
        assertThat(NearestNeighbours.nearest(bank, query, k)).isEqualTo(batch.get(q));
        for (NearestNeighbours.Neighbour nb : batch.get(q)) {
          assertThat(nb.distance()).isEqualTo(Math.sqrt(squared(bank[nb.index()], query)));
        }
      }
    }
  }

  @Test
  void badInputIsRefused() {
    float[][] bank = {{1, 2}};
    assertThatThrownBy(() -> NearestNeighbours.nearest(bank, new float[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query has 1 columns but the bank has 2");
    assertThatThrownBy(() -> NearestNeighbours.nearest(bank, new float[] {1, 2}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be >= 1, got 0");
    assertThatThrownBy(() -> NearestNeighbours.nearest(bank, new float[][] {{1, 2, 3}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queries have 3 columns but the bank has 2");
  }

  private static double squared(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double d = (double) a[j] - b[j];
      s += d * d;
    }
    return s;
  }
}
