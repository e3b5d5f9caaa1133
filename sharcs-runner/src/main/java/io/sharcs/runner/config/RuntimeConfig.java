package io.sharcs.runner.config;

import io.sharcs.api.InvalidConfigException;

/**
 * How the process runs, as opposed to what it computes.
 *
 * @param threads PyTorch intra-op and inter-op threads ({@code ai.djl.pytorch.num_threads} and
 *     {@code num_interop_threads}); SHARCS's models are tiny, so 1 is usually fastest
 */
public record RuntimeConfig(int threads) {

  /** One thread. */
  public static final RuntimeConfig DEFAULTS = new RuntimeConfig(1);

  public RuntimeConfig {
    if (threads < 1) {
      throw new InvalidConfigException("threads", "got " + threads + ", expected an integer >= 1");
    }
  }
}
