package io.sharcs.core;

import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An XOR-AND-XOR-shaped task on two vector views, for core tests: view "a" shows bits (f3, f2),
 * view "b" shows (f1, f2), each padded with random bits; label (f1 xor f2) and (f2 xor f3). Neither
 * view alone determines the label, and each view's counterpart rendering is given.
 */
final class TwoViewXorData {

  private TwoViewXorData() {}

  static MultimodalDataset generate(int n, int train, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<MultimodalSample> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int f1 = rng.nextInt(2);
      int f2 = rng.nextInt(2);
      int f3 = rng.nextInt(2);
      int label = (f1 != f2 && f2 != f3) ? 1 : 0;
      float[] a = view(f3, f2, rng);
      float[] b = view(f1, f2, rng);
      samples.add(
          new MultimodalSample(
              "s" + i,
              label,
              Map.of("a", a, "b", b),
              Map.of("a", List.of(f3, f2), "b", List.of(f1, f2)),
              Map.of("a", Map.of("b", view(f3, f2, rng)), "b", Map.of("a", view(f1, f2, rng)))));
    }
    return new MultimodalDataset(
        "two-view-xor",
        List.of("a", "b"),
        List.of("0", "1"),
        samples.subList(0, train),
        samples.subList(train, n),
        "test-" + seed);
  }

  private static float[] view(int hi, int lo, SplittableRandom rng) {
    return new float[] {rng.nextInt(2), hi, rng.nextInt(2), lo, rng.nextInt(2)};
  }
}
