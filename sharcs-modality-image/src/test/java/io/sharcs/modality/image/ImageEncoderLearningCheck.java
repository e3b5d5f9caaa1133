package io.sharcs.modality.image;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.FittedModality;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.nn.Tensors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GradientPaint;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Throwaway learning check (not a unit test): can the image encoder, with a linear head on its
 * k = 24 outputs, tell the colour (8) and shape (3) of one small object in a 320x240 CLEVR-like
 * scene (grey gradient background, object of radius 8 or 14 pixels anywhere)? Prints the test
 * accuracy on the 24 colour x shape classes after some epochs for a few encoder variants.
 */
public final class ImageEncoderLearningCheck {

  private static final Color[] COLOURS = {
    new Color(87, 87, 87), new Color(173, 35, 35), new Color(42, 75, 215),
    new Color(29, 105, 20), new Color(129, 74, 25), new Color(129, 38, 192),
    new Color(41, 208, 208), new Color(255, 238, 51)};

  private ImageEncoderLearningCheck() {}

  public static void main(String[] args) {
    int train = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    List<ImageSample> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < train + 500; i++) {
      int colour = random.nextInt(COLOURS.length);
      int shape = random.nextInt(3);
      images.add(ImageSample.ofImage(scene(random, colour, shape), "scene " + i));
      labels.add(colour * 3 + shape);
    }
    ImageEncoderConfig d = ImageEncoderConfig.DEFAULTS;
    List<ImageEncoderConfig> variants = List.of(
        d,
        variant(d.width(), d.height(), false, "max"),
        variant(48, 48, true, "max"),
        variant(d.width(), d.height(), true, "avg"));
    for (ImageEncoderConfig c : variants) {
      System.out.printf("%dx%d batch_norm %s global_pool %s: %s%n", c.width(), c.height(),
          c.batchNorm(), c.globalPool(), run(c, images, labels, train, epochs));
    }
  }

  private static ImageEncoderConfig variant(
      int width, int height, boolean batchNorm, String globalPool) {
    ImageEncoderConfig d = ImageEncoderConfig.DEFAULTS;
    return new ImageEncoderConfig(width, height, d.channels(), d.mean(), d.std(),
        d.convChannels(), d.kernel(), d.pool(), batchNorm, d.negativeSlope(), globalPool,
        d.hidden(), d.dropout(), false, null, false, null);
  }

  private static String run(
      ImageEncoderConfig config, List<ImageSample> images, List<Integer> labels, int train,
      int epochs) {
    Engine.getInstance().setRandomSeed(1);
    List<String> ids = images.stream().map(ImageSample::name).toList();
    FittedModality<ImageSample, ImageEncoderConfig> fitted = TestImages.DEFINITION.fit(
        new PreprocessingData<>(images.subList(0, train), images, ids, "scenes"), config);
    Preprocessor<ImageSample> pre = fitted.preprocessor();
    Block encoder = fitted.conceptEncoder(EncoderContext.of(24));
    StringBuilder out = new StringBuilder();
    try (EncoderHeadTraining training = new EncoderHeadTraining(encoder, 24, 24, pre,
        new Shape(EncoderHeadTraining.BATCH, 3, config.height(), config.width()),
        Loss.softmaxCrossEntropyLoss(), 1e-3f)) {
      long start = System.nanoTime();
      for (int epoch = 1; epoch <= epochs; epoch++) {
        training.epoch(images, train, (m, from, to) -> labelsOf(m, labels.subList(from, to)));
        if (epoch % 4 == 0 || epoch == epochs) {
          out.append(String.format("epoch %d test acc %.3f; ", epoch,
              accuracy(training.outputs(images, train, images.size()),
                  labels.subList(train, images.size()))));
        }
      }
      out.append(String.format("%.1f s", (System.nanoTime() - start) / 1e9));
    }
    return out.toString();
  }

  private static double accuracy(float[][] outputs, List<Integer> labels) {
    int correct = 0;
    for (int i = 0; i < outputs.length; i++) {
      int best = 0;
      for (int j = 1; j < outputs[i].length; j++) {
        if (outputs[i][j] > outputs[i][best]) {
          best = j;
        }
      }
      correct += best == labels.get(i) ? 1 : 0;
    }
    return (double) correct / outputs.length;
  }

  private static NDArray labelsOf(NDManager m, List<Integer> labels) {
    float[] y = new float[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
    }
    return Tensors.create(m, y, new Shape(y.length));
  }

  private static BufferedImage scene(SplittableRandom random, int colour, int shape) {
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int top = 110 + random.nextInt(30);
    g.setPaint(new GradientPaint(0, 0, new Color(top, top, top), 320, 240,
        new Color(top - 40, top - 40, top - 35)));
    g.fillRect(0, 0, 320, 240);
    int r = random.nextBoolean() ? 8 : 14;
    int cx = 30 + random.nextInt(260);
    int cy = 50 + random.nextInt(160);
    g.setColor(COLOURS[colour]);
    switch (shape) {
      case 0 -> g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
      case 1 -> g.fillRect(cx - r, cy - r, 2 * r, 2 * r);
      default -> g.fillPolygon(new Polygon(
          new int[] {cx - r, cx + r, cx}, new int[] {cy + r, cy + r, cy - r}, 3));
    }
    g.dispose();
    return image;
  }
}
