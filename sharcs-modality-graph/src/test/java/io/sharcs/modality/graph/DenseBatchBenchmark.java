package io.sharcs.modality.graph;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;

/**
 * Throwaway timing program (not a unit test): batching and forward+backward time of the graph
 * encoder on one batch of 64 graphs for growing node counts, with the default encoder (5 layers,
 * hidden 30, k = 7, one node feature). Run it with the test class path; arguments are node
 * counts (default 10 50 100 200 400).
 */
public final class DenseBatchBenchmark {

  private static final int BATCH = 64;
  private static final int K = 7;

  private DenseBatchBenchmark() {}

  public static void main(String[] args) {
    int[] sizes = args.length == 0
        ? new int[] {10, 50, 100, 200, 400}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    Engine.getInstance().setRandomSeed(0);
    System.out.printf("threads: %s intra-op, %s inter-op%n",
        System.getProperty("ai.djl.pytorch.num_threads", "default"),
        System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
    System.out.println(
        "| n | batch (ms) | forward+backward (ms) | eval forward (ms) | adj B*n*n*4 |");
    System.out.println("|---|---|---|---|---|");
    double xorEpochMs = Double.NaN;
    for (int n : sizes) {
      List<GraphSample> graphs = TestGraphs.random(BATCH, n, n, 1, n);
      GraphShape spec = new GraphShape(1, n);
      int repeats = n <= 10 ? 300 : n <= 50 ? 100 : n <= 100 ? 40 : n <= 200 ? 15 : 6;
      int warmUp = n <= 50 ? 300 : 5; // small batches need the JIT warm to show steady state
      try (NDManager manager = NDManager.newBaseManager()) {
        Block encoder = new GraphConceptEncoder(GraphEncoderConfig.DEFAULTS, spec.nodeFeatures(), K, false);
        try (NDManager init = manager.newSubManager()) {
          Shape[] shapes = spec.batch(graphs, init).getShapes();
          encoder.initialize(manager, DataType.FLOAT32, shapes);
        }
        ParameterStore store = new ParameterStore(manager, false);
        double[] batchMs = new double[repeats];
        double[] trainMs = new double[repeats];
        double[] evalMs = new double[repeats];
        for (int r = -warmUp; r < repeats; r++) {
          try (NDManager step = manager.newSubManager()) {
            long t0 = System.nanoTime();
            NDList batch = spec.batch(graphs, step);
            long t1 = System.nanoTime();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              NDArray out = encoder.forward(store, batch, true).singletonOrThrow();
              NDArray w = step.ones(new Shape(BATCH, K));
              gc.backward(out.mul(w).sum());
            }
            long t2 = System.nanoTime();
            encoder.forward(store, batch, false).singletonOrThrow().toFloatArray();
            long t3 = System.nanoTime();
            if (r >= 0) {
              batchMs[r] = (t1 - t0) / 1e6;
              trainMs[r] = (t2 - t1) / 1e6;
              evalMs[r] = (t3 - t2) / 1e6;
            }
          }
        }
        double mb = (double) BATCH * n * n * 4 / (1 << 20);
        System.out.printf("| %d | %.2f | %.2f | %.2f | %.1f MiB |%n",
            n, median(batchMs), median(trainMs), median(evalMs), mb);
        if (n == 10) {
          xorEpochMs = 13 * (median(batchMs) + median(trainMs));
        }
      }
    }
    System.out.printf("graph encoder share of an XOR epoch (13 batches of 64 x 10 nodes, batching"
        + " + forward + backward): %.1f ms%n", xorEpochMs);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
