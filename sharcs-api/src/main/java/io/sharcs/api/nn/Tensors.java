package io.sharcs.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Creating arrays from Java data so that results are reproducible.
 *
 * <p>DJL's PyTorch engine wraps a Java direct buffer as the tensor's memory ({@code from_blob}),
 * and such buffers are only 16-byte aligned, at addresses that depend on the JVM's allocation
 * history. PyTorch's CPU kernels choose code paths by alignment, so the same computation could
 * differ in the last bit from one run to the next (and training amplifies that). A copy made by
 * PyTorch lives in its own 64-byte-aligned memory. Use these methods for every array built from
 * Java data that enters a computation: batches, targets, selection matrices.
 *
 * <p>Scalars need the same care, and more: DJL's {@code mul(Number)} (and {@code add}, {@code
 * sub}, {@code div}) wraps the number in a temporary direct buffer and frees its wrapper right
 * after the operation, while autograd keeps the scalar for the backward pass. When the garbage
 * collector frees the buffer in between, the backward pass reads freed memory: a rare, timing
 * dependent corruption of gradients. Use {@link #scalar} for every scalar operand of a
 * computation that is differentiated.
 */
public final class Tensors {

  private Tensors() {}

  /** Arrays up to this many bytes are staged in a reused buffer (a batch of graphs: ~10 MB). */
  private static final int STAGED_BYTES = 64 << 20;

  /**
   * Per thread, the direct buffer {@link #create(NDManager, float[], Shape)} stages data in. DJL
   * would otherwise allocate a fresh direct buffer for every array, which the JVM frees only when
   * the garbage collector runs: a batch of superpixel graphs (about 10 MB) per step piled up to
   * gigabytes of resident memory, and the fresh pages cost more system time than the copy.
   */
  private static final ThreadLocal<ByteBuffer> STAGING = new ThreadLocal<>();

  /** An array holding {@code data} with {@code shape}, in PyTorch-allocated memory. */
  public static NDArray create(NDManager manager, float[] data, Shape shape) {
    long bytes = (long) data.length * Float.BYTES;
    if (bytes == 0 || bytes > STAGED_BYTES) {
      try (NDArray wrapped = manager.create(data, shape)) {
        return wrapped.duplicate();
      }
    }
    ByteBuffer staging = STAGING.get();
    if (staging == null || staging.capacity() < bytes) {
      // Grow at least twofold: each buffer left behind is direct memory that only a full
      // garbage collection frees.
      long capacity = Math.max(bytes, staging == null ? 1 << 20 : 2L * staging.capacity());
      staging = ByteBuffer.allocateDirect((int) Math.min(capacity, STAGED_BYTES))
          .order(ByteOrder.nativeOrder());
      STAGING.set(staging);
    }
    staging.clear();
    staging.asFloatBuffer().put(data);
    staging.limit((int) bytes);
    // The wrapper reads the staging buffer in place; the copy owns its memory, so the buffer is
    // free for the next array once the wrapper is closed.
    try (NDArray wrapped = manager.create(staging, shape, DataType.FLOAT32)) {
      return wrapped.duplicate();
    }
  }

  /** A (rows, columns) array holding {@code rows}, in PyTorch-allocated memory. */
  public static NDArray create(NDManager manager, float[][] rows) {
    try (NDArray wrapped = manager.create(rows)) {
      return wrapped.duplicate();
    }
  }

  /** A 0-dimensional array holding {@code value}, in PyTorch-allocated memory. */
  public static NDArray scalar(NDManager manager, float value) {
    try (NDArray wrapped = manager.create(value)) {
      return wrapped.duplicate();
    }
  }
}
