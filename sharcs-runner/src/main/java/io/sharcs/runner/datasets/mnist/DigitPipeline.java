package io.sharcs.runner.datasets.mnist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;

/**
 * Builds something per digit on {@value #THREADS} threads and hands the results over in digit
 * order on the calling thread: the JSON trees of 60,000 digits take seconds to build, while the
 * modality readers that consume them are called from one thread, in order, as a data set's
 * readers always are. Results are deterministic (each depends on its digit only); at most
 * {@value #WINDOW} blocks of {@value #BLOCK} digits are built ahead, so memory stays bounded.
 */
final class DigitPipeline {

  /** The threads the building runs on: the project's machines have two cores. */
  static final int THREADS = 2;

  private static final int BLOCK = 64;
  private static final int WINDOW = 8;

  private DigitPipeline() {}

  /**
   * Calls {@code consume.accept(build.apply(i), i)} for {@code i = 0 .. count-1}, in this order,
   * with {@code build} running on the pool.
   */
  static <T> void inOrder(int count, IntFunction<T> build, ObjIntConsumer<T> consume) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, daemonThreads("sharcs-digits-"));
    try {
      int blocks = (count + BLOCK - 1) / BLOCK;
      ArrayDeque<Future<List<T>>> ahead = new ArrayDeque<>();
      int submitted = 0;
      for (int b = 0; b < blocks; b++) {
        while (submitted < blocks && submitted < b + WINDOW) {
          int from = submitted * BLOCK;
          int to = Math.min(count, from + BLOCK);
          ahead.add(pool.submit(() -> {
            List<T> built = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
              built.add(build.apply(i));
            }
            return built;
          }));
          submitted++;
        }
        List<T> built = get(ahead.poll());
        for (int k = 0; k < built.size(); k++) {
          consume.accept(built.get(k), b * BLOCK + k);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building digits", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("building digits failed", e.getCause());
    }
  }

  /** Daemon threads named {@code prefix1}, {@code prefix2}, ... */
  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
