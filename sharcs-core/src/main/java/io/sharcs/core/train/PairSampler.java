package io.sharcs.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Samples the cross-modal pairs of a mini-batch for the semantic regulariser, generalising the
 * reference's rule to N modalities: for every pair of slots a &lt; b and every row i of slot b,
 * with probability p, pair it with the first row j of slot a (in batch order, j = i allowed)
 * whose content key equals row i's and that no earlier pair of (a, b) used. Rows without a key
 * never pair.
 */
public final class PairSampler {

  private final double probability;

  /** @param probability chance that a row seeks a partner, the reference's 0.1 */
  public PairSampler(double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
    }
    this.probability = probability;
  }

  /**
   * @param keys per slot, per batch row, the content key or null
   * @param rng the run's pair-sampling stream; one draw per row of each higher slot
   */
  public List<CrossModalPair> sample(List<Object[]> keys, RandomGenerator rng) {
    List<CrossModalPair> pairs = new ArrayList<>();
    for (int b = 1; b < keys.size(); b++) {
      for (int a = 0; a < b; a++) {
        samplePairs(a, keys.get(a), b, keys.get(b), rng, pairs);
      }
    }
    return pairs;
  }

  private void samplePairs(
      int a, Object[] keysA, int b, Object[] keysB, RandomGenerator rng, List<CrossModalPair> out) {
    boolean[] used = new boolean[keysA.length];
    for (int i = 0; i < keysB.length; i++) {
      if (rng.nextDouble() >= probability || keysB[i] == null) {
        continue;
      }
      for (int j = 0; j < keysA.length; j++) {
        if (!used[j] && Objects.equals(keysA[j], keysB[i])) {
          used[j] = true;
          out.add(new CrossModalPair(a, j, b, i));
          break;
        }
      }
    }
  }
}
