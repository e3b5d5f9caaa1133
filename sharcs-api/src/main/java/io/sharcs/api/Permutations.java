package io.sharcs.api;

import java.util.SplittableRandom;

/**
 * Seeded random orders, shared by the core's training loops and plugins that train something of
 * their own (such as an encoder's pretraining), so both draw orders the same way.
 */
public final class Permutations {

  private Permutations() {}

  /** {@code 0, 1, ..., n-1} in a random order (Fisher-Yates, driven by {@code rng}). */
  public static int[] shuffled(int n, SplittableRandom rng) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
    return rows;
  }
}
