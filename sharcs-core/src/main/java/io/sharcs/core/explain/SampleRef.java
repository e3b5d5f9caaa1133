package io.sharcs.core.explain;

/**
 * One sample of the run's data set, by split and row.
 *
 * @param test whether the sample is in the test split (else training)
 * @param row its row in that split
 */
public record SampleRef(boolean test, int row) {

  /** A training sample. */
  public static SampleRef train(int row) {
    return new SampleRef(false, row);
  }

  /** A test sample. */
  public static SampleRef test(int row) {
    return new SampleRef(true, row);
  }

  /** {@code train} or {@code test}. */
  public String split() {
    return test ? "test" : "train";
  }
}
