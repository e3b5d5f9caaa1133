package io.sharcs.modality.image;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.nn.Layers;
import io.sharcs.api.nn.Tensors;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Diagnostic program (not a unit test): the reference's MNIST CNN ({@code architecture:
 * reference}) followed by the reference's local path (batch norm without affine parameters,
 * sigmoid(2 x), Linear(12 -> 64), ReLU, Linear(64 -> 10)), trained on real MNIST digits with
 * Adam 1e-3, batch 64, seed-fixed, with raw 0-255 pixels or normalised ones. Arguments: the
 * folder of the IDX files ({@code images-idx3-ubyte.gz} and {@code labels-idx1-ubyte.gz}, as in
 * shared/data/mnist-10k), train count, test count, epochs, and {@code raw} or {@code
 * normalised} (mean 0.5, std 0.5).
 */
public final class MnistCnnCheck {

  private MnistCnnCheck() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int train = Integer.parseInt(args[1]);
    int test = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    boolean raw = args[4].equals("raw");
    byte[][] images = images(dir.resolve("images-idx3-ubyte.gz"), train + test);
    byte[] labels = labels(dir.resolve("labels-idx1-ubyte.gz"), train + test);
    List<ImageSample> samples = new ArrayList<>();
    for (byte[] image : images) {
      samples.add(ImageSample.ofRaster(28, 28, 1, image));
    }
    ImageEncoderConfig config = new ImageEncoderConfig(28, 28, 1,
        raw ? List.of() : List.of(0.5), raw ? List.of() : List.of(0.5), List.of(8, 16, 32), 3,
        "max", true, 0, "max", List.of(), 0, false, null, false, null,
        ImageEncoderConfig.DEFAULT_MAX_PIXELS, ImageEncoderConfig.REFERENCE);
    var fitted = TestImages.fitted(config, samples.subList(0, train));
    Engine.getInstance().setRandomSeed(0);
    int batch = 64;
    long start = System.nanoTime();
    try (Model model = Model.newInstance("mnist-cnn")) {
      model.setBlock(new SequentialBlock()
          .add(fitted.conceptEncoder(EncoderContext.of(12)))
          .add(BatchNorm.builder().optCenter(false).optScale(false).optMomentum(0.9f).build())
          .add(new LambdaBlock(x -> new NDList(Activation.sigmoid(
              x.singletonOrThrow().mul(Tensors.scalar(x.head().getManager(), 2f))))))
          .add(Layers.mlp(12, List.of(64), 10)));
      DefaultTrainingConfig training = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
      try (Trainer trainer = model.newTrainer(training)) {
        try (NDManager init = trainer.getManager().newSubManager()) {
          trainer.initialize(
              fitted.preprocessor().batch(samples.subList(0, batch), init).getShapes());
        }
        for (int epoch = 1; epoch <= epochs; epoch++) {
          for (int from = 0; from + batch <= train; from += batch) {
            try (NDManager step = trainer.getManager().newSubManager()) {
              NDList x = fitted.preprocessor().batch(samples.subList(from, from + batch), step);
              NDArray y = step.create(floats(labels, from, from + batch), new Shape(batch));
              try (GradientCollector gc = trainer.newGradientCollector()) {
                gc.backward(trainer.getLoss().evaluate(new NDList(y), trainer.forward(x)));
              }
              trainer.step();
            }
          }
          int correct = 0;
          for (int from = train; from < train + test; from += 500) {
            int to = Math.min(train + test, from + 500);
            try (NDManager step = trainer.getManager().newSubManager()) {
              float[] scores = trainer.evaluate(
                  fitted.preprocessor().batch(samples.subList(from, to), step))
                  .singletonOrThrow().toFloatArray();
              for (int i = 0; i < to - from; i++) {
                int best = 0;
                for (int c = 1; c < 10; c++) {
                  best = scores[i * 10 + c] > scores[i * 10 + best] ? c : best;
                }
                correct += best == labels[from + i] ? 1 : 0;
              }
            }
          }
          System.out.printf("%s epoch %d: test accuracy %.4f (%d s)%n", raw ? "raw" : "normalised",
              epoch, correct / (double) test, (System.nanoTime() - start) / 1_000_000_000L);
        }
      }
    }
  }

  private static float[] floats(byte[] labels, int from, int to) {
    float[] out = new float[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = labels[i];
    }
    return out;
  }

  static byte[][] images(Path file, int count) throws IOException {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != 2051) {
        throw new IOException(file + ": not an IDX image file");
      }
      int n = Math.min(count, in.readInt());
      int rows = in.readInt();
      int cols = in.readInt();
      byte[][] out = new byte[n][rows * cols];
      for (byte[] image : out) {
        in.readFully(image);
      }
      return out;
    }
  }

  static byte[] labels(Path file, int count) throws IOException {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != 2049) {
        throw new IOException(file + ": not an IDX label file");
      }
      byte[] out = new byte[Math.min(count, in.readInt())];
      in.readFully(out);
      return out;
    }
  }
}
