package io.sharcs.modality.image;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.Preprocessor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Throwaway timing program (not a unit test): forward+backward and eval-forward time per image of
 * the image encoder at batch 100 and k = 24 for the defaults and a few variants, and, given a
 * folder of PNG/JPEG files as the argument, the preprocessing cost (decode + resize per image,
 * then a batch of 100 from the cache). Run it with the test class path, see {@code
 * docs/image-modality.md}.
 */
public final class ImageEncoderBenchmark {

  private static final int BATCH = 100;
  private static final int K = 24;
  private static final int REPEATS = 15;
  private static final int WARM_UP = 5;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ImageEncoderBenchmark() {}

  public static void main(String[] args) throws IOException {
    Engine.getInstance().setRandomSeed(0);
    System.out.printf("threads: %s intra-op, %s inter-op%n",
        System.getProperty("ai.djl.pytorch.num_threads", "default"),
        System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
    ImageEncoderConfig d = ImageEncoderConfig.DEFAULTS;
    List<Variant> variants = List.of(
        new Variant("defaults: 48x48, conv [8, 16, 32], batch norm, max/max", d),
        new Variant("48x48 without batch norm", variant(d, 48, 48, false, d.convChannels())),
        new Variant("64x48", variant(d, 64, 48, true, d.convChannels())),
        new Variant("64x48 without batch norm", variant(d, 64, 48, false, d.convChannels())),
        new Variant("48x48, conv [16, 32, 64]", variant(d, 48, 48, true, List.of(16, 32, 64))),
        new Variant("96x72", variant(d, 96, 72, true, d.convChannels())));
    System.out.println("| encoder | fwd+bwd ms/image (wall) | fwd+bwd ms/image (CPU of the"
        + " calling thread) | eval fwd ms/image (wall) | parameters |");
    System.out.println("|---|---|---|---|---|");
    for (Variant v : variants) {
      time(v);
    }
    if (args.length > 0) {
      preprocessing(Path.of(args[0]));
    }
  }

  private record Variant(String name, ImageEncoderConfig config) {}

  private static ImageEncoderConfig variant(
      ImageEncoderConfig c, int width, int height, boolean batchNorm, List<Integer> conv) {
    return new ImageEncoderConfig(width, height, c.channels(), c.mean(), c.std(), conv,
        c.kernel(), c.pool(), batchNorm, c.negativeSlope(), c.globalPool(), c.hidden(),
        c.dropout(), false, null, false, null);
  }

  private static void time(Variant v) {
    ImageEncoderConfig c = v.config();
    try (NDManager manager = NDManager.newBaseManager()) {
      Shape shape = new Shape(BATCH, c.channels(), c.height(), c.width());
      NDArray x = ImageConceptEncoderTest.randomImages(
          manager, BATCH, c.channels(), c.height(), c.width(), 1);
      Block encoder = TestImages.fitted(c).conceptEncoder(EncoderContext.of(K));
      encoder.initialize(manager, DataType.FLOAT32, shape);
      ParameterStore store = new ParameterStore(manager, false);
      long parameters = 0;
      for (var p : encoder.getParameters()) {
        parameters += p.getValue().getArray().size();
      }
      double[] train = new double[REPEATS];
      double[] trainCpu = new double[REPEATS];
      double[] eval = new double[REPEATS];
      for (int r = -WARM_UP; r < REPEATS; r++) {
        try (NDManager step = manager.newSubManager()) {
          long c0 = CPU.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = encoder.forward(store, new NDList(x), true).singletonOrThrow();
            gc.backward(out.sum());
          }
          long t1 = System.nanoTime();
          long c1 = CPU.getCurrentThreadCpuTime();
          encoder.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
          long t2 = System.nanoTime();
          if (r >= 0) {
            train[r] = (t1 - t0) / 1e6 / BATCH;
            trainCpu[r] = (c1 - c0) / 1e6 / BATCH;
            eval[r] = (t2 - t1) / 1e6 / BATCH;
          }
        }
      }
      System.out.printf("| %s | %.3f | %.3f | %.3f | %,d |%n",
          v.name(), median(train), median(trainCpu), median(eval), parameters);
    }
  }

  private static void preprocessing(Path folder) throws IOException {
    List<ImageSample> samples = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(f -> f.toString().matches("(?i).*\\.(png|jpe?g)")).sorted()
          .forEach(f -> samples.add(ImageSample.ofFile(f)));
    }
    List<String> ids = samples.stream().map(ImageSample::name).toList();
    long t0 = System.nanoTime();
    Preprocessor<ImageSample> pre = TestImages.DEFINITION.fit(
        new PreprocessingData<>(samples, samples, ids, folder.toString()),
        ImageEncoderConfig.DEFAULTS).preprocessor();
    long t1 = System.nanoTime();
    try (NDManager manager = NDManager.newBaseManager()) {
      long t2 = System.nanoTime();
      for (int from = 0; from < samples.size(); from += BATCH) {
        List<ImageSample> batch = samples.subList(from, Math.min(samples.size(), from + BATCH));
        try (NDManager m = manager.newSubManager()) {
          pre.batch(batch, m);
        }
      }
      long t3 = System.nanoTime();
      double[] cached = new double[REPEATS];
      List<ImageSample> batch = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        batch.add(samples.get(i % samples.size()));
      }
      for (int r = -WARM_UP; r < REPEATS; r++) {
        try (NDManager m = manager.newSubManager()) {
          long s = System.nanoTime();
          pre.batch(batch, m);
          if (r >= 0) {
            cached[r] = (System.nanoTime() - s) / 1e6;
          }
        }
      }
      int n = samples.size();
      ImageTransform transform = ImageTransform.of(ImageEncoderConfig.DEFAULTS);
      double[] decode = new double[n];
      for (int i = 0; i < n; i++) {
        long c = CPU.getCurrentThreadCpuTime();
        transform.resized(samples.get(i));
        decode[i] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
      }
      for (int i = 0; i < n; i++) {
        long c = CPU.getCurrentThreadCpuTime();
        transform.resized(samples.get(i));
        decode[i] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
      }
      System.out.printf("%s: %s%n", folder, pre.summary());
      System.out.printf("fit (validates: decodes every image, parallel): %.2f ms/image%n",
          (t1 - t0) / 1e6 / n);
      System.out.printf("first epoch (decode + resize to 48x48, parallel): %.2f ms/image%n",
          (t3 - t2) / 1e6 / n);
      double[] read = new double[n];
      for (int i = 0; i < n; i++) {
        long c = CPU.getCurrentThreadCpuTime();
        ImageDecoder.read(samples.get(i).file().orElseThrow());
        read[i] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
      }
      System.out.printf("of which ImageIO.read (CPU time, median): %.2f ms/image%n", median(read));
      System.out.printf("decode + resize, one thread, warm (CPU time, median): %.2f ms/image%n",
          median(decode));
      System.out.printf("later epochs (batch of %d from the cache): %.2f ms/batch%n",
          BATCH, median(cached));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
