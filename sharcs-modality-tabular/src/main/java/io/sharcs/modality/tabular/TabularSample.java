package io.sharcs.modality.tabular;

import java.util.Arrays;
import java.util.Objects;

/**
 * One row of numbers: the raw sample of the tabular modality.
 *
 * @param values the row; never mutated after construction
 */
public record TabularSample(float[] values) {

  public TabularSample {
    Objects.requireNonNull(values, "values");
    values = values.clone();
  }

  /** The number of columns. */
  public int width() {
    return values.length;
  }

  /** A copy of the row. */
  @Override
  public float[] values() {
    return values.clone();
  }

  /** Column {@code i}. */
  public float get(int i) {
    return values[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TabularSample t && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "TabularSample" + Arrays.toString(values);
  }
}
