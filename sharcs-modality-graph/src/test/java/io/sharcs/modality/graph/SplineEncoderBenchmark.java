package io.sharcs.modality.graph;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.sharcs.api.PreprocessingData;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Timing program (not a unit test): batching and forward + backward of the spline encoder (the
 * reference's MNIST network: SplineConv 1 -> 32, graclus, SplineConv 32 -> 12, Gumbel, graclus,
 * sum) on batches of 64 superpixel-like graphs (random points, symmetric k nearest neighbours,
 * one feature). Arguments: nodes per graph (75), neighbours k (8), repetitions (100). Threads
 * come from {@code -Dai.djl.pytorch.num_threads}.
 */
public final class SplineEncoderBenchmark {

  private static final int BATCH = 64;
  private static final int K = 12;

  private SplineEncoderBenchmark() {}

  public static void main(String[] args) {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 75;
    int neighbours = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    String coarsening = args.length > 3 ? args[3] : "graclus";
    Engine.getInstance().setRandomSeed(0);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<GraphSample> graphs = TestGraphs.geometric(BATCH * 4, nodes, neighbours, 1);
    GraphEncoderConfig config =
        GraphEncoderConfig.spline(new SplineOptions(32, 5, coarsening));
    GraphShape shape = GraphShape.inspect(PreprocessingData.of(graphs, "bench"), config);
    double edges = graphs.stream().mapToInt(GraphSample::edgeCount).average().orElse(0);
    System.out.printf("threads %s intra-op, %d graphs of %d nodes, %.0f directed edges each,"
            + " coarsening %s%n", System.getProperty("ai.djl.pytorch.num_threads", "default"),
        BATCH, nodes, edges, coarsening);
    try (NDManager manager = NDManager.newBaseManager()) {
      SplineGraphEncoder encoder =
          new SplineGraphEncoder(config, shape.spline(), 1, K, false);
      try (NDManager init = manager.newSubManager()) {
        encoder.initialize(manager, DataType.FLOAT32,
            shape.batch(graphs.subList(0, BATCH), init).getShapes());
      }
      ParameterStore store = new ParameterStore(manager, false);
      int warmUp = 20;
      double[] batchMs = new double[repeats];
      double[] trainMs = new double[repeats];
      double[] trainCpuMs = new double[repeats];
      double[] evalMs = new double[repeats];
      long bytes = 0;
      for (int r = -warmUp; r < repeats; r++) {
        int from = Math.floorMod(r, 4) * BATCH;
        try (NDManager step = manager.newSubManager()) {
          long t0 = System.nanoTime();
          NDList batch = shape.batch(graphs.subList(from, from + BATCH), step);
          long t1 = System.nanoTime();
          long c1 = cpu.getCurrentThreadCpuTime();
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = encoder.forward(store, batch, true).singletonOrThrow();
            gc.backward(out.mul(step.ones(new Shape(BATCH, K))).sum());
          }
          for (Pair<String, Parameter> p : encoder.getParameters()) {
            p.getValue().getArray().getGradient().toFloatArray(); // wait for the backward pass
          }
          long t2 = System.nanoTime();
          long c2 = cpu.getCurrentThreadCpuTime();
          encoder.forward(store, batch, false).singletonOrThrow().toFloatArray();
          long t3 = System.nanoTime();
          if (r >= 0) {
            batchMs[r] = (t1 - t0) / 1e6;
            trainMs[r] = (t2 - t1) / 1e6;
            trainCpuMs[r] = (c2 - c1) / 1e6;
            evalMs[r] = (t3 - t2) / 1e6;
            bytes = 0;
            for (NDArray a : batch) {
              bytes += a.size() * 4;
            }
          }
        }
      }
      System.out.println("| batching (ms) | forward+backward (ms) | its calling-thread CPU (ms)"
          + " | eval forward (ms) | batch arrays |");
      System.out.println("|---|---|---|---|---|");
      System.out.printf("| %.2f | %.2f | %.2f | %.2f | %.1f MiB |%n", median(batchMs),
          median(trainMs), median(trainCpuMs), median(evalMs), bytes / (double) (1 << 20));
      System.out.printf("quartiles forward+backward: %.2f / %.2f / %.2f ms%n",
          quantile(trainMs, 0.25), median(trainMs), quantile(trainMs, 0.75));
    }
  }

  private static double median(double[] values) {
    return quantile(values, 0.5);
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
  }
}
