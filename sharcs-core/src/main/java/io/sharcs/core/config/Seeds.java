package io.sharcs.core.config;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds for each random stream of a run (engine, shuffling, pair sampling,
 * analysis subset) from one master seed, so a run is reproduced by its master seed alone.
 */
public final class Seeds {

  private Seeds() {}

  /** A seed for {@code stream}, a stable function of the master seed and the stream's name. */
  public static long derive(long master, String stream) {
    long h = master * 0x9E3779B97F4A7C15L;
    for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    return mix(h);
  }

  /** The engine (PyTorch) seed, which DJL takes as an int. */
  public static int engineSeed(long master) {
    return (int) (derive(master, "engine") & 0x7fffffffL);
  }

  // SplitMix64's finaliser: a bijective avalanche, so nearby masters give unrelated streams.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
