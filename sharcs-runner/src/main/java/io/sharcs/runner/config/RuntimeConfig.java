package io.sharcs.runner.config;

/**
 * How the process runs, as opposed to what it computes.
 *
 * @param threads PyTorch intra-op threads ({@code ai.djl.pytorch.num_threads}), or {@code auto}
 *     (the default): one thread for models whose inputs are small, where the work of a step is
 *     mostly per-operation overhead and a second thread only waits, and every core for models
 *     whose inputs are large (images, superpixel graphs); see {@code
 *     io.sharcs.runner.run.ThreadRule}. Results depend on the count, so each is reproducible at
 *     its own; provenance records the count used.
 */
public record RuntimeConfig(ThreadCount threads) {

  /** {@code auto}. */
  public static final RuntimeConfig DEFAULTS = new RuntimeConfig(ThreadCount.AUTO);

  public RuntimeConfig {
    if (threads == null) {
      threads = ThreadCount.AUTO;
    }
  }
}
