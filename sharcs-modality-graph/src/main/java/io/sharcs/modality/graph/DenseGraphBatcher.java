package io.sharcs.modality.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.InvalidInputException;
import java.util.List;
import io.sharcs.api.nn.Tensors;

/**
 * Packs graphs into one dense, zero-padded batch: {@code x (B, n, F)}, the GCN-normalised
 * adjacency {@code adj (B, n, n)} and {@code mask (B, n)} (1 for real nodes), all float32, with
 * {@code n} the largest node count in the batch.
 *
 * <p>Everything is computed in plain Java arrays and handed to the engine with one {@code
 * create} per tensor: no gradient flows into the inputs, and a handful of native calls per batch
 * is far cheaper than building the adjacency with tensor ops.
 */
final class DenseGraphBatcher {

  /** Position of the node features in the batch list. */
  static final int X = 0;
  /** Position of the normalised adjacency in the batch list. */
  static final int ADJ = 1;
  /** Position of the node mask in the batch list. */
  static final int MASK = 2;

  private DenseGraphBatcher() {}

  /**
   * Builds the batch.
   *
   * @param featureWidth F, the node-feature width every sample must have
   * @throws InvalidInputException if a sample does not match {@code featureWidth} or names a
   *     missing node (samples should have passed {@link GraphShape#inspect})
   */
  static NDList batch(List<? extends GraphSample> samples, int featureWidth, NDManager manager) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("cannot batch an empty list of graphs");
    }
    int b = samples.size();
    int n = 0;
    for (GraphSample g : samples) {
      n = Math.max(n, g.nodeCount());
    }
    if (n == 0) {
      throw new InvalidInputException("batch of graphs: every graph is empty, expected nodes");
    }
    float[] x = new float[b * n * featureWidth];
    float[] adj = new float[b * n * n];
    float[] mask = new float[b * n];
    for (int i = 0; i < b; i++) {
      GraphSample g = samples.get(i);
      GraphChecks.requireWellFormed(g, i, featureWidth);
      int nodes = g.nodeCount();
      for (int v = 0; v < nodes; v++) {
        int row = (i * n + v) * featureWidth;
        for (int f = 0; f < featureWidth; f++) {
          x[row + f] = g.feature(v, f);
        }
        mask[i * n + v] = 1f;
      }
      GcnNormalization.fill(g, n, adj, i * n * n);
    }
    NDArray xs = Tensors.create(manager, x, new Shape(b, n, featureWidth));
    NDArray adjs = Tensors.create(manager, adj, new Shape(b, n, n));
    NDArray masks = Tensors.create(manager, mask, new Shape(b, n));
    xs.setName("x");
    adjs.setName("adj");
    masks.setName("mask");
    return new NDList(xs, adjs, masks);
  }
}
