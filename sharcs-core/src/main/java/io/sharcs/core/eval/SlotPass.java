package io.sharcs.core.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.sharcs.core.data.BatchAhead;
import io.sharcs.core.data.Batches;
import io.sharcs.core.data.PreparedData;
import java.util.ArrayList;
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
    return rows(data, slot, raw, manager, 1, batch -> List.of(forward.apply(batch))).get(0);
  }

  /**
   * As {@link #rows(PreparedData, int, List, NDManager, Function)} with {@code outputs} outputs
   * per batch from one forward pass (local and shared concepts, say).
   *
   * @param forward from a batch of the slot to its {@code outputs} (rows, width) outputs
   * @return per output, one row per input
   */
  static List<float[][]> rows(
      PreparedData data,
      int slot,
      List<Object> raw,
      NDManager manager,
      int outputs,
      Function<NDList, List<NDArray>> forward) {
    List<float[][]> out = new ArrayList<>();
    for (int o = 0; o < outputs; o++) {
      out.add(new float[raw.size()][]);
    }
    int done = 0;
    List<List<Object>> parts = Batches.chunks(raw, data.evaluationChunk(slot, CHUNK));
    try (BatchAhead<List<Object>> ahead =
        new BatchAhead<>(parts, manager, (part, into) -> List.of(data.batch(slot, part, into)))) {
      for (int p = 0; p < parts.size(); p++) {
        try (NDManager sub = manager.newSubManager()) {
          List<NDArray> results = forward.apply(ahead.take(p, sub).get(0));
          int next = done;
          for (int o = 0; o < outputs; o++) {
            next = Matrices.copyRows(results.get(o), out.get(o), done);
          }
          done = next;
        }
      }
    }
    return out;
  }
}
