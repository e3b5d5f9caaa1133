package io.sharcs.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.data.PreparedData;
import java.util.List;
import java.util.Locale;

/**
 * {@code runtime.threads: auto}: how many PyTorch intra-op threads a run gets, from the cost of its
 * model's inputs.
 *
 * <p>The cost is the number of values the local concept encoders receive per sample: the
 * plugins' own tensors for a batch of the first training samples (a dense graph counts its
 * adjacency, an image its pixels), summed over the modalities. Small inputs make small
 * operations, whose cost is the engine's per-operation overhead: a second thread only adds
 * hand-overs (XOR-AND-XOR's epoch was slower with two, the reference's three times slower).
 * Large inputs (images, superpixel graphs) make convolutions and products that split well over
 * the cores (CLEVR's epoch 3.4x faster with two than with one; docs/results/performance.md).
 *
 * <p>Deterministic: the same data and options give the same count on the same machine, and the
 * run's provenance records it.
 */
final class ThreadRule {

  /** From this many input values per sample on, a run uses every core. */
  static final int LARGE_INPUT = 1_000;
  /** The training samples whose batch is measured. */
  private static final int PROBE_SAMPLES = 32;

  /**
   * The outcome.
   *
   * @param threads the intra-op threads
   * @param inputValues the input values per sample measured
   */
  record Choice(int threads, double inputValues) {

    /** For the console: {@code "2 threads (auto: 12,310 input values a sample)"}. */
    String describe() {
      return String.format(Locale.ROOT, "%d thread%s (auto: %,.0f input values a sample)",
          threads, threads == 1 ? "" : "s", inputValues);
    }
  }

  private ThreadRule() {}

  /** The count for {@code inputValues} per sample on {@code cores} cores. */
  static int threads(double inputValues, int cores) {
    return inputValues >= LARGE_INPUT ? Math.max(1, cores) : 1;
  }

  /**
   * Measures {@code dataset}'s inputs through {@code bindings} (the plugins' preprocessing of a
   * few training samples) and chooses.
   */
  static Choice choose(MultimodalDataset dataset, List<ModalityBinding> bindings, int cores) {
    double values = inputValuesPerSample(dataset, bindings);
    return new Choice(threads(values, cores), values);
  }

  /** The values the encoders receive per sample, over all modalities. */
  static double inputValuesPerSample(MultimodalDataset dataset, List<ModalityBinding> bindings) {
    int n = Math.min(PROBE_SAMPLES, dataset.train().size());
    MultimodalDataset probe = new MultimodalDataset(
        dataset.name(), dataset.modalities(), dataset.classNames(),
        dataset.train().subList(0, n), dataset.test().subList(0, Math.min(1, dataset.test().size())),
        dataset.fingerprint(), dataset.localClassNames());
    PreparedData data = PreparedData.prepare(probe, bindings);
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    long total = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      for (NDList inputs : data.batch(data.train(), rows, manager)) {
        for (NDArray a : inputs) {
          total += a.size();
        }
      }
    }
    return total / (double) n;
  }
}
