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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throwaway diagnostic (not a unit test): can the image encoder perceive each CLEVR attribute when
 * it is told the attributes directly? Trains the encoder (k = 24) plus a linear layer on the four
 * attributes of the single object of each scene (size 2, colour 8, material 2, shape 3; one-hot
 * groups under binary cross-entropy, like SHARCS' task loss; Adam 3e-3, batch 100), the first 80%
 * of the scenes for training, and prints per-attribute accuracy every 5 epochs. It reads a {@code
 * scenes.json} as {@code sharcs generate clevr} writes it (one object per scene, the generator's
 * key order).
 *
 * <p>Arguments: {@code ROOT SCENES EPOCHS WIDTH HEIGHT CONV [WEIGHTS]}, for example {@code
 * data/clevr-generated 4000 30 48 48 8,16,32}. With {@code WEIGHTS}, the trained encoder is
 * saved there as a weights file (the README's diagnostic run starts SHARCS from it). Command line and results: {@code
 * docs/image-modality.md}.
 */
public final class ClevrAttributeProbe {

  private static final List<String> NAMES = List.of("size", "colour", "material", "shape");
  private static final List<List<String>> VALUES = List.of(
      List.of("small", "large"),
      List.of("gray", "red", "blue", "green", "brown", "purple", "cyan", "yellow"),
      List.of("rubber", "metal"),
      List.of("sphere", "cube", "cylinder"));
  private static final int OUTPUTS = 15;
  private static final Pattern OBJECT = Pattern.compile(
      "\"image_filename\":\"([^\"]+)\",\"objects\":\\[\\{\"shape\":\"(\\w+)\",\"color\":\"(\\w+)\","
          + "\"size\":\"(\\w+)\",\"material\":\"(\\w+)\"");

  private ClevrAttributeProbe() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    int scenes = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    int width = Integer.parseInt(args[3]);
    int height = Integer.parseInt(args[4]);
    List<Integer> conv = new ArrayList<>();
    for (String c : args[5].split(",")) {
      conv.add(Integer.parseInt(c.trim()));
    }
    List<ImageSample> images = new ArrayList<>();
    List<int[]> labels = new ArrayList<>();
    Matcher m = OBJECT.matcher(Files.readString(root.resolve("scenes.json")));
    while (m.find() && images.size() < scenes) {
      images.add(ImageSample.ofFile(root.resolve("images").resolve(m.group(1))));
      labels.add(new int[] {
        VALUES.get(0).indexOf(m.group(4)), VALUES.get(1).indexOf(m.group(3)),
        VALUES.get(2).indexOf(m.group(5)), VALUES.get(3).indexOf(m.group(2))});
    }
    int train = images.size() * 4 / 5;
    ImageEncoderConfig d = ImageEncoderConfig.DEFAULTS;
    ImageEncoderConfig config = new ImageEncoderConfig(width, height, d.channels(), d.mean(),
        d.std(), conv, d.kernel(), d.pool(), d.batchNorm(), d.negativeSlope(), d.globalPool(),
        d.hidden(), d.dropout(), false, null, false, null);
    Engine.getInstance().setRandomSeed(1);
    List<String> ids = images.stream().map(ImageSample::name).toList();
    FittedModality<ImageSample, ImageEncoderConfig> fitted = TestImages.DEFINITION.fit(
        new PreprocessingData<>(images.subList(0, train), images, ids, "scenes"), config);
    Preprocessor<ImageSample> pre = fitted.preprocessor();
    Block encoder = fitted.conceptEncoder(EncoderContext.of(24));
    try (EncoderHeadTraining training = new EncoderHeadTraining(encoder, 24, OUTPUTS, pre,
        new Shape(EncoderHeadTraining.BATCH, config.channels(), height, width),
        Loss.sigmoidBinaryCrossEntropyLoss(), 3e-3f)) {
      long start = System.nanoTime();
      for (int epoch = 1; epoch <= epochs; epoch++) {
        training.epoch(images, train, (batch, from, to) -> oneHot(batch, labels.subList(from, to)));
        if (epoch % 5 == 0 || epoch == epochs) {
          System.out.printf("%dx%d %s epoch %d | train %s | test %s | %.1f s%n", width, height,
              conv, epoch,
              accuracy(training.outputs(images, 0, train), labels.subList(0, train)),
              accuracy(training.outputs(images, train, images.size()),
                  labels.subList(train, images.size())),
              (System.nanoTime() - start) / 1e9);
        }
      }
      if (args.length > 6) {
        ImageEncoderWeights.save(encoder, Path.of(args[6]));
      }
    }
  }

  private static NDArray oneHot(NDManager manager, List<int[]> labels) {
    float[] y = new float[labels.size() * OUTPUTS];
    for (int i = 0; i < labels.size(); i++) {
      int offset = 0;
      for (int a = 0; a < VALUES.size(); a++) {
        y[i * OUTPUTS + offset + labels.get(i)[a]] = 1;
        offset += VALUES.get(a).size();
      }
    }
    return Tensors.create(manager, y, new Shape(labels.size(), OUTPUTS));
  }

  /** Per attribute, the share of rows whose highest output in the attribute's group is right. */
  private static String accuracy(float[][] outputs, List<int[]> labels) {
    int[] correct = new int[VALUES.size()];
    for (int i = 0; i < outputs.length; i++) {
      int offset = 0;
      for (int a = 0; a < VALUES.size(); a++) {
        int best = 0;
        for (int j = 1; j < VALUES.get(a).size(); j++) {
          if (outputs[i][offset + j] > outputs[i][offset + best]) {
            best = j;
          }
        }
        correct[a] += best == labels.get(i)[a] ? 1 : 0;
        offset += VALUES.get(a).size();
      }
    }
    StringBuilder out = new StringBuilder();
    for (int a = 0; a < VALUES.size(); a++) {
      out.append(String.format("%s %.3f ", NAMES.get(a), correct[a] / (double) outputs.length));
    }
    return out.toString().trim();
  }
}
