package io.sharcs.core.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds the inputs of the next batch on a helper thread while the calling thread works on the
 * current one. Batching is mostly plain Java (64 superpixel graphs: clusters, coarsened graphs,
 * spline weights, about 9 ms) and a training or evaluation step mostly native, so on two cores
 * the two overlap instead of adding up.
 *
 * <p>Only batches worth it are built ahead: a batch is built on the helper when the one before took
 * at least {@value #AHEAD_NANOS} ns to build, else in place when it is taken. The hand-over costs
 * tens of microseconds and the helper's engine calls compete for the cores, which made XOR
 * (batches of 64 table rows and small graphs, built in a fraction of a millisecond) 16% slower
 * per epoch when every batch went through the helper.
 *
 * <p>Nothing changes but the thread: preprocessing is deterministic ({@code Preprocessor#batch}),
 * so the arrays are bit for bit those the calling thread would have built, batches are taken in
 * order, and at most one batch is built ahead (two batches' arrays alive at a time). A failure
 * while batching (bad input) reaches the caller of {@link #take} unchanged, when it takes that
 * batch.
 *
 * @param <T> what names a batch: its rows, or its raw inputs
 */
public final class BatchAhead<T> implements AutoCloseable {

  /** Builds one batch's inputs into {@code manager}, on the helper thread or the caller's. */
  @FunctionalInterface
  public interface Builder<T> {
    List<NDList> build(T batch, NDManager manager);
  }

  /** Batches that took at least this long to build have their successor built ahead. */
  static final long AHEAD_NANOS = 1_000_000;

  private record Built(NDManager manager, List<NDList> inputs, long nanos) {}

  /**
   * One helper thread for the whole process, reused by every pass: a thread has its own staging
   * buffer for arrays ({@code Tensors}), direct memory the garbage collector frees only in a full
   * collection, so a fresh thread per epoch or per evaluation pass piled up gigabytes of dead
   * buffers over a long run.
   */
  private static final ExecutorService WORKER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sharcs-batch-ahead");
            t.setDaemon(true);
            return t;
          });

  private final List<T> batches;
  private final NDManager parent;
  private final Builder<T> builder;
  private final long aheadNanos;
  private Future<Built> pending;
  private int next;

  /**
   * Nothing is built yet: the first batch is built when taken.
   *
   * @param batches the batches, in the order they will be taken
   * @param parent the manager under which each batch gets its own sub-manager while it is built
   */
  public BatchAhead(List<T> batches, NDManager parent, Builder<T> builder) {
    this(batches, parent, builder, AHEAD_NANOS);
  }

  /** With another threshold than {@link #AHEAD_NANOS}: 0 builds every batch after the first ahead. */
  BatchAhead(List<T> batches, NDManager parent, Builder<T> builder, long aheadNanos) {
    this.batches = List.copyOf(batches);
    this.parent = Objects.requireNonNull(parent, "parent");
    this.builder = Objects.requireNonNull(builder, "builder");
    this.aheadNanos = aheadNanos;
  }

  private Future<Built> submit(int index) {
    T batch = batches.get(index);
    return WORKER.submit(
        () -> {
          NDManager manager = parent.newSubManager();
          try {
            long start = System.nanoTime();
            List<NDList> inputs = builder.build(batch, manager);
            return new Built(manager, inputs, System.nanoTime() - start);
          } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
          }
        });
  }

  /**
   * The inputs of batch {@code index}, in {@code into}; starts building the one after on the
   * helper when this one was slow to build.
   *
   * @throws IllegalStateException if batches are not taken in order
   */
  public List<NDList> take(int index, NDManager into) {
    if (index != next || index >= batches.size()) {
      throw new IllegalStateException("batch " + index + " taken, expected batch " + next);
    }
    next++;
    List<NDList> inputs;
    long nanos;
    if (pending == null) {
      long start = System.nanoTime();
      inputs = builder.build(batches.get(index), into);
      nanos = System.nanoTime() - start;
    } else {
      Built built = await(pending);
      pending = null;
      inputs = built.inputs();
      nanos = built.nanos();
      // Started before the arrays move, so the helper works while they do.
      submitNextIf(nanos);
      for (NDList list : inputs) {
        list.attach(into);
      }
      built.manager().close();
      return inputs;
    }
    submitNextIf(nanos);
    return inputs;
  }

  private void submitNextIf(long lastBuildNanos) {
    if (lastBuildNanos >= aheadNanos && next < batches.size()) {
      pending = submit(next);
    }
  }

  private static Built await(Future<Built> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("batching failed", cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits for a batch built ahead and never taken, and frees it. */
  @Override
  public void close() {
    if (pending != null) {
      try {
        await(pending).manager().close();
      } catch (RuntimeException | Error ignored) {
        // The batch was never taken, so its failure concerns no one.
      }
      pending = null;
    }
  }
}
