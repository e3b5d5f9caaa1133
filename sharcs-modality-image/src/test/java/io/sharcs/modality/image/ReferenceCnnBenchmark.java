package io.sharcs.modality.image;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.sharcs.api.EncoderContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Timing program (not a unit test): batching and forward + backward of the reference's MNIST CNN
 * ({@code architecture: reference}, k = 12) on batches of 64 inline grey rasters. Arguments:
 * height (28; 14 for HalfMNIST's halves), width (28), repetitions (100). Threads come from {@code
 * -Dai.djl.pytorch.num_threads}.
 */
public final class ReferenceCnnBenchmark {

  private static final int BATCH = 64;

  private ReferenceCnnBenchmark() {}

  public static void main(String[] args) {
    int height = args.length > 0 ? Integer.parseInt(args[0]) : 28;
    int width = args.length > 1 ? Integer.parseInt(args[1]) : 28;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Random random = new Random(1);
    List<ImageSample> images = new ArrayList<>();
    for (int i = 0; i < 4 * BATCH; i++) {
      byte[] pixels = new byte[width * height];
      random.nextBytes(pixels);
      images.add(ImageSample.ofRaster(width, height, 1, pixels));
    }
    ImageEncoderConfig config = new ImageEncoderConfig(width, height, 1, List.of(), List.of(),
        List.of(8, 16, 32), 3, "max", true, 0, "max", List.of(), 0, false, null, false, null,
        ImageEncoderConfig.DEFAULT_MAX_PIXELS, ImageEncoderConfig.REFERENCE);
    var fitted = TestImages.fitted(config, images);
    Engine.getInstance().setRandomSeed(0);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    System.out.printf("threads %s intra-op, %d images %dx%d (height x width)%n",
        System.getProperty("ai.djl.pytorch.num_threads", "default"), BATCH, height, width);
    try (NDManager manager = NDManager.newBaseManager()) {
      Block encoder = fitted.conceptEncoder(EncoderContext.of(12));
      try (NDManager init = manager.newSubManager()) {
        encoder.initialize(manager, DataType.FLOAT32,
            fitted.preprocessor().batch(images.subList(0, BATCH), init).getShapes());
      }
      ParameterStore store = new ParameterStore(manager, false);
      double[] batchMs = new double[repeats];
      double[] trainMs = new double[repeats];
      double[] cpuMs = new double[repeats];
      double[] evalMs = new double[repeats];
      for (int r = -20; r < repeats; r++) {
        int from = Math.floorMod(r, 4) * BATCH;
        try (NDManager step = manager.newSubManager()) {
          long t0 = System.nanoTime();
          NDList batch = fitted.preprocessor().batch(images.subList(from, from + BATCH), step);
          long t1 = System.nanoTime();
          long c1 = cpu.getCurrentThreadCpuTime();
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = encoder.forward(store, batch, true).singletonOrThrow();
            gc.backward(out.mul(step.ones(new Shape(BATCH, 12))).sum());
          }
          for (Pair<String, Parameter> p : encoder.getParameters()) {
            p.getValue().getArray().getGradient().toFloatArray();
          }
          long t2 = System.nanoTime();
          long c2 = cpu.getCurrentThreadCpuTime();
          encoder.forward(store, batch, false).singletonOrThrow().toFloatArray();
          long t3 = System.nanoTime();
          if (r >= 0) {
            batchMs[r] = (t1 - t0) / 1e6;
            trainMs[r] = (t2 - t1) / 1e6;
            cpuMs[r] = (c2 - c1) / 1e6;
            evalMs[r] = (t3 - t2) / 1e6;
          }
        }
      }
      System.out.println("| batching (ms) | forward+backward (ms) | its calling-thread CPU (ms)"
          + " | eval forward (ms) |");
      System.out.println("|---|---|---|---|");
      System.out.printf("| %.2f | %.2f | %.2f | %.2f |%n", median(batchMs), median(trainMs),
          median(cpuMs), median(evalMs));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
