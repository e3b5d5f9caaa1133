package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import io.sharcs.api.nn.Tensors;

/**
 * The semantic regulariser d: the mean Euclidean (not squared) distance between the shared
 * concepts of semantically matching cross-modal pairs of a mini-batch.
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
}
