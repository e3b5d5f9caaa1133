package io.sharcs.runner.run;

import ai.djl.engine.Engine;
import io.sharcs.runner.config.RuntimeConfig;
import java.lang.reflect.InvocationTargetException;

/**
 * The DJL system properties of a run. PyTorch reads its thread counts once, when the engine is
 * created, so {@link #configure} must run before anything touches {@code ai.djl.engine.Engine};
 * the runner calls it right after the experiment is resolved. With {@code threads: auto} the
 * engine starts with one thread, and {@link #intraOpThreads} sets the count the rule chose once
 * the data is read.
 */
public final class DjlRuntime {

  /** PyTorch intra-op threads. */
  public static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
  /** PyTorch inter-op threads. */
  public static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
  /** Makes any download attempt fail fast instead of reaching the network. */
  public static final String OFFLINE = "ai.djl.offline";

  private DjlRuntime() {}

  /**
   * Sets the thread counts of {@code runtime} (one intra-op and one inter-op thread for {@code
   * auto}, until {@link #intraOpThreads}) and offline mode.
   */
  public static void configure(RuntimeConfig runtime) {
    String threads =
        Integer.toString(runtime.threads().auto() ? 1 : runtime.threads().count());
    System.setProperty(NUM_THREADS, threads);
    System.setProperty(NUM_INTEROP_THREADS, threads);
    System.setProperty(OFFLINE, "true");
  }

  /**
   * Sets PyTorch's intra-op threads now (the engine may already run; PyTorch allows changing the
   * count between operations), and the property that provenance reports.
   */
  public static void intraOpThreads(int threads) {
    System.setProperty(NUM_THREADS, Integer.toString(threads));
    Engine.getInstance(); // loads the engine's native library if not yet loaded
    try {
      Class.forName("ai.djl.pytorch.jni.JniUtils")
          .getMethod("setNumThreads", int.class)
          .invoke(null, threads);
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      // Another engine: it reads the property when it starts, as before.
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("PyTorch refused " + threads + " threads", e.getCause());
    }
  }
}
