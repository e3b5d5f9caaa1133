package io.sharcs.modality.image;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.sharcs.api.Permutations;
import io.sharcs.api.PretrainingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsupervised pretraining of the image encoder's convolution blocks: they are the encoder half
 * of a convolutional autoencoder that reconstructs the (normalised) training images, so their
 * features describe what the pictures show before any label shapes them. This is sharcs' offline
 * stand-in for the reference's ImageNet-pretrained ResNet-18, which cannot be fetched here.
 *
 * <p>The decoder mirrors the blocks: per block, a 2x nearest-neighbour upsampling and a 3x3
 * convolution (ReLU between, none after the last, which outputs the image's channels). It reads
 * the last block's feature map, before the global pooling, and is thrown away afterwards; the MLP
 * head is not trained here. Loss: mean squared error; Adam (betas 0.9, 0.999, eps 1e-8); each
 * epoch visits every distinct training image once, in an order drawn from the context's seed.
 * Images whose side is not a multiple of {@code 2^blocks} are compared on the part the decoder
 * rebuilds (the top-left {@code 2^blocks}-multiple), since each pooling floors.
 */
final class AutoencoderPretraining {

  private static final Logger LOG = LoggerFactory.getLogger(AutoencoderPretraining.class);
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private AutoencoderPretraining() {}

  /**
   * The image plugin's pretraining capability: trains the convolution blocks as an autoencoder
   * on the distinct training images when the options' {@code pretrain.epochs} is above 0 ({@link
   * #run}), then, with {@code freeze_convolutions}, freezes them for the supervised training that
   * follows. With neither it returns at once and draws no random numbers.
   *
   * @param encoder the encoder the image plugin's encoder factory made, initialised
   */
  static void pretrain(
      Block encoder, ImageEncoderConfig options, PretrainingContext<ImageSample> context) {
    if (options.pretrain().epochs() == 0 && !options.freezeConvolutions()) {
      return;
    }
    if (!(encoder instanceof ImageConceptEncoder image)) {
      throw new IllegalArgumentException(
          "expected the image encoder made by the image plugin's encoder factory, got "
              + encoder.getClass().getSimpleName());
    }
    if (options.pretrain().epochs() > 0) {
      run(image, options.pretrain(), context);
    }
    image.freezeConvolutionsIfConfigured();
  }

  /**
   * Trains {@code encoder}'s convolution blocks in place.
   *
   * @return the mean reconstruction loss of each epoch
   */
  static double[] run(
      ImageConceptEncoder encoder,
      AutoencoderPretrainingConfig config,
      PretrainingContext<ImageSample> context) {
    List<ImageSample> images = new ArrayList<>(new LinkedHashSet<>(context.train()));
    ImageEncoderConfig architecture = encoder.config();
    int blocks = architecture.convChannels().size();
    int height = (architecture.height() >> blocks) << blocks;
    int width = (architecture.width() >> blocks) << blocks;
    SplittableRandom order = new SplittableRandom(context.seed());
    double[] losses = new double[config.epochs()];
    try (NDManager scope = context.manager().newSubManager()) {
      SequentialBlock decoder = decoder(architecture);
      decoder.initialize(
          scope,
          DataType.FLOAT32,
          new Shape(config.batchSize(), architecture.convChannels().get(blocks - 1),
              height >> blocks, width >> blocks));
      List<Parameter> trained = new ArrayList<>();
      encoder.convParameters().stream().filter(Parameter::requiresGradient).forEach(trained::add);
      decoder.getParameters().values().stream()
          .filter(Parameter::requiresGradient)
          .forEach(trained::add);
      Adam adam = new Adam(trained, config.learningRate(), scope);
      ParameterStore store = new ParameterStore(scope, false);
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long start = System.nanoTime();
        int[] rows = Permutations.shuffled(images.size(), order);
        double sum = 0;
        int batches = 0;
        for (int from = 0; from < rows.length; from += config.batchSize()) {
          int to = Math.min(rows.length, from + config.batchSize());
          if (to - from < 2) {
            continue; // batch norm needs two images
          }
          List<ImageSample> batch = new ArrayList<>(to - from);
          for (int i = from; i < to; i++) {
            batch.add(images.get(rows[i]));
          }
          try (NDManager step = scope.newSubManager()) {
            NDArray x = context.preprocessor().batch(batch, step).singletonOrThrow();
            NDArray target = x.get(":, :, :" + height + ", :" + width);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              NDList features = encoder.featureMap(store, new NDList(x), true, null);
              NDArray rebuilt = decoder.forward(store, features, true).singletonOrThrow();
              NDArray loss = rebuilt.sub(target).square().mean();
              gc.backward(loss);
              sum += loss.getFloat();
            }
            adam.step();
          }
          batches++;
        }
        losses[epoch - 1] = sum / batches;
        LOG.info(String.format(
            "pretrain %s  epoch %d/%d  reconstruction %.5f  %d ms", context.modality(), epoch,
            config.epochs(), losses[epoch - 1], (System.nanoTime() - start) / 1_000_000));
      }
    }
    return losses;
  }

  private static SequentialBlock decoder(ImageEncoderConfig architecture) {
    List<Integer> widths = architecture.convChannels();
    SequentialBlock decoder = new SequentialBlock();
    for (int i = widths.size() - 1; i >= 0; i--) {
      int in = widths.get(i);
      int out = i == 0 ? architecture.channels() : widths.get(i - 1);
      decoder.add(new LambdaBlock(AutoencoderPretraining::upsample));
      decoder.add(ImageConceptEncoder.torchConv(in, out, 3, false));
      if (i > 0) {
        decoder.add(Activation.reluBlock());
      }
    }
    return decoder;
  }

  /** Nearest-neighbour 2x upsampling (DJL's PyTorch engine has no transposed convolution). */
  private static NDList upsample(NDList in) {
    NDArray x = in.singletonOrThrow();
    Shape s = x.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    return new NDList(
        x.reshape(b, c, h, 1, w, 1)
            .broadcast(new Shape(b, c, h, 2, w, 2))
            .reshape(b, c, 2 * h, 2 * w));
  }

  /**
   * PyTorch's Adam over a fixed list of parameters, with its moments in the manager it is given
   * (the pretraining's own, closed at its end, so nothing outlives the pretraining). Each step
   * leaves the gradients zeroed.
   */
  private static final class Adam {
    private final List<Parameter> parameters;
    private final double learningRate;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private int steps;

    Adam(List<Parameter> parameters, double learningRate, NDManager manager) {
      this.parameters = List.copyOf(parameters);
      this.learningRate = learningRate;
      for (Parameter p : parameters) {
        means.add(manager.zeros(p.getArray().getShape()));
        variances.add(manager.zeros(p.getArray().getShape()));
      }
    }

    void step() {
      int t = ++steps;
      // StrictMath: Math.pow may differ by one ulp before and after the JIT compiles the caller.
      float bc1 = (float) (1.0 - StrictMath.pow(BETA1, t));
      float bc2 = (float) (1.0 - StrictMath.pow(BETA2, t));
      for (int i = 0; i < parameters.size(); i++) {
        NDArray w = parameters.get(i).getArray();
        try (NDArray g = w.getGradient();
            NDArray gScaled = g.mul(1f - BETA1);
            NDArray gSquared = g.square().muli(1f - BETA2)) {
          NDArray m = means.get(i).muli(BETA1).addi(gScaled);
          NDArray v = variances.get(i).muli(BETA2).addi(gSquared);
          try (NDArray corrected = v.div(bc2);
              NDArray denominator = corrected.sqrt().addi(EPSILON);
              NDArray delta = m.div(denominator).muli((float) (learningRate / bc1))) {
            w.subi(delta);
          }
          g.subi(g);
        }
      }
    }
  }
}
