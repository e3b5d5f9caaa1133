package io.sharcs.runner.run;

import io.sharcs.runner.config.RuntimeConfig;

/**
 * The DJL system properties of a run. PyTorch reads its thread counts once, when the engine is
 * created, so {@link #configure} must run before anything touches {@code ai.djl.engine.Engine};
 * the runner calls it right after the experiment is resolved.
 */
public final class DjlRuntime {

  /** PyTorch intra-op threads. */
  public static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
  /** PyTorch inter-op threads. */
  public static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
  /** Makes any download attempt fail fast instead of reaching the network. */
  public static final String OFFLINE = "ai.djl.offline";

  private DjlRuntime() {}

  /** Sets the thread counts of {@code runtime} and offline mode. */
  public static void configure(RuntimeConfig runtime) {
    String threads = Integer.toString(runtime.threads());
    System.setProperty(NUM_THREADS, threads);
    System.setProperty(NUM_INTEROP_THREADS, threads);
    System.setProperty(OFFLINE, "true");
  }
}
