package io.sharcs.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConceptBankTest {

  @Test
  void nearestIsTheEuclideanNearest() {
    ConceptBank bank =
        new ConceptBank(
            new float[][] {
              {0f, 0f, 0f}, {1f, 1f, 1f}, {0.9f, 0.1f, 0f}, {0f, 0.5f, 0.5f}
            });
    assertThat(bank.size()).isEqualTo(4);
    assertThat(bank.nearest(new float[] {0.8f, 0.2f, 0.1f})).isEqualTo(2);
    assertThat(bank.nearest(new float[] {0.1f, 0.1f, 0.1f})).isEqualTo(0);
    assertThat(bank.nearest(new float[] {0.9f, 0.9f, 0.7f})).isEqualTo(1);
    // entry 2 is at L2 sqrt(0.09 + 0.25) = 0.58, entry 3 at sqrt(0.36 + 0.01 + 0.25) = 0.79
    assertThat(bank.nearest(new float[] {0.6f, 0.6f, 0f})).isEqualTo(2);
    assertThat(bank.get(2)).containsExactly(0.9f, 0.1f, 0f);
  }

  @Test
  void l2AndL1Disagree() {
    // to query (0, 0): entry 0 = (1, 1) has L1 2 and L2 1.414; entry 1 = (1.5, 0) has L1 1.5 and
    // L2 1.5. L2 picks entry 0, L1 would pick entry 1.
    ConceptBank bank = new ConceptBank(new float[][] {{1f, 1f}, {1.5f, 0f}});
    assertThat(bank.nearest(new float[] {0f, 0f})).isEqualTo(0);
  }

  @Test
  void tiesGoToTheLowestIndex() {
    ConceptBank bank =
        new ConceptBank(new float[][] {{2f, 0f}, {1f, 0f}, {0f, 1f}, {1f, 0f}, {-1f, 0f}});
    // entries 1, 2, 3 and 4 are all at distance 1 from the origin; entry 1 comes first
    assertThat(bank.nearest(new float[] {0f, 0f})).isEqualTo(1);
    // exact duplicates 1 and 3
    assertThat(bank.nearest(new float[] {1f, 0f})).isEqualTo(1);
  }

  @Test
  void matchesABruteForceSearchOnRandomBanks() {
    SplittableRandom rng = new SplittableRandom(8);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + rng.nextInt(40);
      int k = 1 + rng.nextInt(6);
      float[][] v = new float[n][k];
      for (float[] row : v) {
        for (int j = 0; j < k; j++) {
          row[j] = rng.nextInt(3) / 2f; // coarse values, so ties happen
        }
      }
      float[] q = new float[k];
      for (int j = 0; j < k; j++) {
        q[j] = rng.nextInt(3) / 2f;
      }
      int best = 0;
      double bestD = Double.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        double d = 0;
        for (int j = 0; j < k; j++) {
          d += (v[i][j] - q[j]) * (double) (v[i][j] - q[j]);
        }
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      assertThat(new ConceptBank(v).nearest(q)).isEqualTo(best);
    }
  }

  @Test
  void anEmptyBankIsRejected() {
    assertThatThrownBy(() -> new ConceptBank(new float[0][]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
