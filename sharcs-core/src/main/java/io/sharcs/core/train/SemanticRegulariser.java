package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;
import io.sharcs.api.nn.Tensors;

/**
 * The semantic regulariser d: the mean Euclidean (not squared) distance between the shared
 * concepts of semantically matching cross-modal pairs of a mini-batch; and its optional
 * separating term (an extension of the paper, see {@link io.sharcs.core.config.SeparationConfig}).
 */
public final class SemanticRegulariser {

  private SemanticRegulariser() {}

  /**
   * @param stackedShared the shared concepts of all slots stacked modality-major, (N*B, k)
   * @param batchSize B
   * @param pairs the pairs sampled in this batch, not empty
   * @return a scalar: mean over pairs of ||s_a[i] - s_b[j]||_2
   */
  public static NDArray distance(NDArray stackedShared, int batchSize, List<CrossModalPair> pairs) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("no pairs: d is defined as 0 and needs no graph");
    }
    int rows = (int) stackedShared.getShape().get(0);
    // One signed selection matrix turns all the differences into a single matrix product.
    float[] select = new float[pairs.size() * rows];
    for (int p = 0; p < pairs.size(); p++) {
      CrossModalPair pair = pairs.get(p);
      select[p * rows + pair.modalityA() * batchSize + pair.rowA()] += 1f;
      select[p * rows + pair.modalityB() * batchSize + pair.rowB()] -= 1f;
    }
    NDManager manager = stackedShared.getManager();
    NDArray differences =
        Tensors.create(manager, select, new Shape(pairs.size(), rows)).matMul(stackedShared);
    // PyTorch's norm backward is defined as 0 where a norm is 0, so identical vectors are safe.
    return differences.norm(new int[] {1}).mean();
  }

  /**
   * The separating term: over every cross-modal pair of rows of the batch whose content keys are
   * both known and differ, the mean of {@code max(0, margin - ||s_a[i] - s_b[j]||_2)}. Every such
   * pair counts (no sampling), so the term draws no random numbers.
   *
   * @param stackedShared the shared concepts of all slots stacked modality-major, (N*B, k)
   * @param keys per slot, per batch row, the content key or null
   * @param margin distance from which a non-matching pair no longer counts, &gt; 0
   * @return a scalar, or null when the batch holds no non-matching keyed pair
   */
  public static NDArray separation(NDArray stackedShared, List<Object[]> keys, double margin) {
    int batchSize = keys.get(0).length;
    NDManager manager = stackedShared.getManager();
    NDArray total = null;
    int counted = 0;
    for (int b = 1; b < keys.size(); b++) {
      for (int a = 0; a < b; a++) {
        float[] mask = new float[batchSize * batchSize];
        int pairs = 0;
        for (int i = 0; i < batchSize; i++) {
          Object keyA = keys.get(a)[i];
          for (int j = 0; j < batchSize; j++) {
            Object keyB = keys.get(b)[j];
            if (keyA != null && keyB != null && !Objects.equals(keyA, keyB)) {
              mask[i * batchSize + j] = 1f;
              pairs++;
            }
          }
        }
        if (pairs == 0) {
          continue;
        }
        NDArray sharedA = rowsOf(stackedShared, a, batchSize);
        NDArray sharedB = rowsOf(stackedShared, b, batchSize);
        // (B, 1, k) - (1, B, k): every row of slot a against every row of slot b.
        NDArray distances = sharedA.expandDims(1).sub(sharedB.expandDims(0)).norm(new int[] {2});
        NDArray shortfall =
            distances.neg().add(Tensors.scalar(manager, (float) margin)).maximum(0f);
        NDArray sum =
            shortfall.mul(Tensors.create(manager, mask, new Shape(batchSize, batchSize))).sum();
        total = total == null ? sum : total.add(sum);
        counted += pairs;
      }
    }
    return total == null ? null : total.div(Tensors.scalar(manager, (float) counted));
  }

  private static NDArray rowsOf(NDArray stackedShared, int slot, int batchSize) {
    return stackedShared.get(new NDIndex("{}:{}", slot * batchSize, (slot + 1) * batchSize));
  }
}
