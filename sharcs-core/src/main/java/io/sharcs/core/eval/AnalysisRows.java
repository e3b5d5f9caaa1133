package io.sharcs.core.eval;

import io.sharcs.api.Permutations;
import io.sharcs.core.data.Batches;
import io.sharcs.core.config.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The rows the post-training analysis (retrieval banks, concept completeness, concept clusters)
 * reads: the full splits, or the reference's "analysis subset" of a random 10% of train and the
 * first 10% of test (method spec 5.1).
 *
 * @param train rows of the training split
 * @param test rows of the test split
 */
public record AnalysisRows(int[] train, int[] test) {

  /** Every row of both splits. */
  public static AnalysisRows full(int trainSize, int testSize) {
    return new AnalysisRows(Batches.range(trainSize), Batches.range(testSize));
  }

  /** The reference's subset: a random 10% of train (at least 1 row) and the first 10% of test. */
  public static AnalysisRows referenceSubset(int trainSize, int testSize, long seed) {
    int[] shuffled =
        Permutations.shuffled(trainSize, new SplittableRandom(Seeds.derive(seed, "analysis")));
    return new AnalysisRows(
        Arrays.copyOf(shuffled, Math.max(1, trainSize / 10)),
        Batches.range(Math.max(1, testSize / 10)));
  }
}
