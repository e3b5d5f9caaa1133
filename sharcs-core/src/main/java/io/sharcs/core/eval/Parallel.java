package io.sharcs.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Independent, deterministic pieces of the analysis (nearest-neighbour searches, t-SNE concept
 * maps) on the machine's cores. Each piece writes only its own result and results are
 * gathered in order, so the output is that of doing them one after the other, whatever the
 * number of cores. The engine is idle meanwhile (this is plain Java over arrays already copied
 * out of it), so its intra-op threads compete for nothing.
 */
public final class Parallel {

  /** Below this many rows per thread the hand-over costs more than it saves. */
  private static final int MIN_ROWS_PER_THREAD = 256;

  private Parallel() {}

  /** Calls {@code body} once for every row of {@code 0..n-1}, in contiguous ranges per thread. */
  public static void forEachRow(int n, IntConsumer body) {
    int threads = Math.min(cores(), n / MIN_ROWS_PER_THREAD);
    if (threads <= 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    List<Callable<Void>> ranges = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int from = (int) ((long) n * t / threads);
      int to = (int) ((long) n * (t + 1) / threads);
      ranges.add(() -> {
        for (int i = from; i < to; i++) {
          body.accept(i);
        }
        return null;
      });
    }
    run(ranges, threads);
  }

  /** The results of {@code tasks}, in their order. */
  public static <T> List<T> all(List<? extends Callable<T>> tasks) {
    int threads = Math.min(cores(), tasks.size());
    if (threads <= 1) {
      List<T> out = new ArrayList<>();
      for (Callable<T> task : tasks) {
        try {
          out.add(task.call());
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return out;
    }
    return run(tasks, threads);
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static <T> List<T> run(List<? extends Callable<T>> tasks, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "sharcs-analysis");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<T> out = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(tasks)) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
