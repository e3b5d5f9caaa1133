package io.sharcs.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The k-d index answers exactly as the linear scan: same row, same distance bits, same ties. */
class NearestIndexTest {

  /** The scan the index must reproduce (the bank's small-bank path, written out on its own). */
  private static long[] scan(float[][] bank, float[] q) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < bank.length; i++) {
      double d = 0;
      for (int j = 0; j < q.length; j++) {
        double diff = bank[i][j] - q[j];
        d += diff * diff;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return new long[] {best, Double.doubleToLongBits(bestDistance)};
  }

  private static float[][] rows(int n, int width, SplittableRandom rng, int kind) {
    float[][] out = new float[n][width];
    for (float[] row : out) {
      for (int j = 0; j < width; j++) {
        row[j] = switch (kind) {
          case 0 -> (float) rng.nextDouble();
          // Few distinct values: many identical rows and many exact ties.
          case 1 -> rng.nextInt(3) * 0.5f;
          // Saturated sigmoids: values crowd at 0 and 1.
          default -> (float) (1 / (1 + Math.exp(-5 * 4 * (rng.nextDouble() - 0.5))));
        };
      }
    }
    return out;
  }

  @Test
  void agreesWithTheLinearScanOnRandomTiedAndSaturatedBanks() {
    SplittableRandom rng = new SplittableRandom(7);
    int checked = 0;
    for (int kind = 0; kind < 3; kind++) {
      for (int width : new int[] {1, 2, 7, 24}) {
        for (int n : new int[] {1, 13, 700, 3000}) {
          float[][] bank = rows(n, width, rng, kind);
          NearestIndex index = new NearestIndex(bank);
          float[][] queries = rows(200, width, rng, kind);
          for (int q = 0; q < queries.length; q++) {
            // Also query with bank rows themselves: distance 0 ties between duplicates.
            float[] query = q % 4 == 0 ? bank[rng.nextInt(n)] : queries[q];
            long[] expected = scan(bank, query);
            NearestIndex.Hit hit = index.nearest(query);
            assertThat(new long[] {hit.row(), Double.doubleToLongBits(hit.squaredDistance())})
                .as("kind %d width %d n %d query %d", kind, width, n, q)
                .containsExactly(expected);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isEqualTo(3 * 4 * 4 * 200);
  }

  @Test
  void aBankOfOneRepeatedRowAnswersItsFirstRow() {
    float[][] bank = new float[2000][];
    for (int i = 0; i < bank.length; i++) {
      bank[i] = new float[] {1f, 0f, 1f};
    }
    assertThat(new NearestIndex(bank).nearest(new float[] {0.3f, 0.2f, 0.9f}).row()).isZero();
  }

  @Test
  void aNanQueryFallsBackToRowZeroLikeTheScan() {
    float[][] bank = rows(600, 3, new SplittableRandom(1), 0);
    NearestIndex.Hit hit = new NearestIndex(bank).nearest(new float[] {Float.NaN, 0f, 0f});
    assertThat(hit.row()).isZero();
    assertThat(hit.squaredDistance()).isInfinite();
  }
}
