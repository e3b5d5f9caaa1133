package io.sharcs.core.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.sharcs.core.data.BatchAhead;
import io.sharcs.core.data.Batches;
import io.sharcs.core.data.PreparedData;
import java.util.List;
import java.util.function.Function;

/**
 * The evaluation path from raw inputs of one slot to one output row per input, shared by {@link
 * Inference} and {@link EmbeddingInference}: chunks of {@value #CHUNK} inputs (fewer where the
 * slot's plugin asks, {@link PreparedData#evaluationChunk}), each batched and
 * passed forward in a short-lived sub-manager and copied out to Java arrays, so that nothing
 * native outlives the call.
 */
final class SlotPass {

  /** Inputs per forward pass. */
  static final int CHUNK = 512;

  private SlotPass() {}

  /**
   * @param forward from a batch of the slot to its (rows, width) output, in the batch's manager
   */
  static float[][] rows(
      PreparedData data,
      int slot,
      List<Object> raw,
      NDManager manager,
      Function<NDList, NDArray> forward) {
    float[][] out = new float[raw.size()][];
    int done = 0;
    List<List<Object>> parts = Batches.chunks(raw, data.evaluationChunk(slot, CHUNK));
    try (BatchAhead<List<Object>> ahead =
        new BatchAhead<>(parts, manager, (part, into) -> List.of(data.batch(slot, part, into)))) {
      for (int p = 0; p < parts.size(); p++) {
        try (NDManager sub = manager.newSubManager()) {
          done = Matrices.copyRows(forward.apply(ahead.take(p, sub).get(0)), out, done);
        }
      }
    }
    return out;
  }
}
