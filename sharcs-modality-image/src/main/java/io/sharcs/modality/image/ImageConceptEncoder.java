package io.sharcs.modality.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.nn.Layers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local concept encoder of the image modality: convolution blocks (convolution, 2x2 pooling,
 * optional batch norm, (leaky) ReLU), a global pooling (or a flattening, for the reference's
 * MNIST network), dropout and an MLP to k concept pre-activations. Input: the {@code (B, C, H, W)} array made by the image preprocessing;
 * output: {@code (B, k)}.
 *
 * <p>Convolutions start as PyTorch's {@code nn.Conv2d} (weight and bias uniform in {@code
 * +-1/sqrt(fan-in)}), the MLP as {@code nn.Linear} ({@link Layers}), batch norms with PyTorch's
 * defaults (scale 1, shift 0, momentum 0.1, eps 1e-5).
 *
 * <p>With a weights file, {@link #initialize} first initialises as usual (so the random stream
 * consumed, and with it the rest of the model's initialisation, is the same as without weights)
 * and then replaces every parameter with the file's, see {@link ImageEncoderWeights}.
 */
public final class ImageConceptEncoder extends AbstractBlock {

  private static final byte VERSION = 1;

  private final ImageEncoderConfig config;
  private final int concepts;
  private final Path weights;
  private final List<SequentialBlock> convBlocks;
  private final Block dropout;
  private final Block head;

  /**
   * @param config the architecture (its {@code weights} field is ignored: pass the resolved path)
   * @param concepts k, the number of concept pre-activations per image
   * @param weights the resolved weights file to start from, or null for a fresh initialisation
   */
  public ImageConceptEncoder(ImageEncoderConfig config, int concepts, Path weights) {
    super(VERSION);
    if (concepts <= 0) {
      throw new IllegalArgumentException("concepts must be > 0, got " + concepts);
    }
    this.config = config;
    this.concepts = concepts;
    this.weights = weights;
    int in = config.channels();
    List<SequentialBlock> blocks = new ArrayList<>();
    for (int out : config.convChannels()) {
      blocks.add(addChildBlock("conv", convBlock(config, in, out, blocks.isEmpty())));
      in = out;
    }
    this.convBlocks = List.copyOf(blocks);
    this.dropout =
        addChildBlock("dropout", Dropout.builder().optRate((float) config.dropout()).build());
    int[] map = config.featureMapSize();
    int features = config.flattens() ? in * map[0] * map[1] : in;
    this.head = addChildBlock("mlp", Layers.mlp(features, config.hidden(), concepts));
  }

  /**
   * The image plugin's encoder factory: the encoder for {@code options}, reading the batches of
   * {@code preprocessor}, with {@code context.outputs()} outputs. A {@code weights} file is used
   * as given (the runner resolved it against the experiment file's folder) and checked to exist
   * here; it is loaded when the encoder is initialised. When {@code context.restoring()} the file
   * is neither checked nor read: the saved parameters loaded afterwards hold its weights.
   *
   * @throws IllegalArgumentException when the preprocessor makes images of other channels or size
   *     than the options describe (it was fitted or loaded for other options)
   * @throws InvalidInputException when the weights file is missing or a directory
   */
  static ImageConceptEncoder create(
      ImageEncoderConfig options, ImagePreprocessor preprocessor, EncoderContext context) {
    if (preprocessor.channels() != options.channels()) {
      throw new IllegalArgumentException(
          "image encoder configured for " + options.channels() + " channels but the input has "
              + preprocessor.channels() + " (build it for the preprocessor of fit())");
    }
    if (preprocessor.width() != options.width() || preprocessor.height() != options.height()) {
      throw new IllegalArgumentException(
          "image encoder configured for " + options.width() + "x" + options.height()
              + " images but the input is " + preprocessor.width() + "x" + preprocessor.height()
              + " (build it for the preprocessor of fit())");
    }
    Path weights = null;
    // Restoring a saved model: its parameters hold the weights, and the file may have moved.
    if (options.weights() != null && !context.restoring()) {
      weights = options.weights().toAbsolutePath().normalize();
      if (!Files.isRegularFile(weights)) {
        throw new InvalidInputException(
            "image encoder weights " + weights + ": "
                + (Files.isDirectory(weights) ? "is a directory" : "file not found")
                + ", expected a file written by ImageEncoderWeights.save (option weights: '"
                + options.weights() + "')");
      }
    }
    return new ImageConceptEncoder(options, context.outputs(), weights);
  }

  /**
   * A {@code k x k} convolution, "same" padding, initialised as PyTorch's {@code nn.Conv2d}; its
   * input gradient is computed safely ({@link GradientSafeConvolution}).
   *
   * @param readsImages whether the layer's input is the images (which need no gradient)
   */
  static Conv2d torchConv(int in, int out, int k, boolean readsImages) {
    Conv2d conv =
        new GradientSafeConvolution.Conv2d(
            Conv2d.builder()
                .setKernelShape(new Shape(k, k))
                .optPadding(new Shape(k / 2, k / 2))
                .setFilters(out),
            !readsImages);
    // PyTorch's nn.Conv2d default: kaiming_uniform(a = sqrt 5) is U(+-1/sqrt(fan-in)), and the
    // bias uses the same bound.
    UniformInitializer torchDefault = new UniformInitializer((float) (1 / Math.sqrt(in * k * k)));
    conv.setInitializer(torchDefault, "weight");
    conv.setInitializer(torchDefault, "bias");
    return conv;
  }

  private static SequentialBlock convBlock(
      ImageEncoderConfig config, int in, int out, boolean first) {
    Conv2d conv = torchConv(in, out, config.kernel(), first);
    // Pooling comes before the normalisation and the activation, so they run on a quarter of the
    // values. With max pooling this is the usual conv -> ReLU -> pool function (both are
    // monotonic; batch norm too while its scale is positive), only the batch statistics are
    // taken over the pooled values: about 30% faster per training step, measured.
    SequentialBlock block = new SequentialBlock().add(conv);
    Shape window = new Shape(2, 2);
    block.add(
        config.blockPooling() == ImageEncoderConfig.Pooling.MAX
            ? Pool.maxPool2dBlock(window, window)
            : Pool.avgPool2dBlock(window, window));
    if (config.batchNorm()) {
      // DJL's momentum is the weight of the old running statistic: 0.9 is PyTorch's 0.1.
      block.add(BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build());
    }
    float slope = (float) config.negativeSlope();
    block.add(slope == 0f ? Activation.reluBlock() : Activation.leakyReluBlock(slope));
    return block;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (x.getShape().dimension() != 4 || x.getShape().get(1) != config.channels()) {
      throw new IllegalArgumentException(
          "image encoder expects (B, " + config.channels() + ", H, W) from the image"
              + " preprocessing, got " + x.getShape());
    }
    NDList h = training && config.horizontalFlip() ? new NDList(randomHorizontalFlip(x)) : inputs;
    // A frozen backbone runs in inference mode: its batch norms keep their running statistics
    // (the reference's frozen ResNet-18 still updated them, method spec section 8 item 17).
    boolean convTraining = training && !config.freezeConvolutions();
    NDArray pooled = globalPool(featureMap(store, h, convTraining, params).singletonOrThrow());
    // globalPool flattens for global_pool: flatten (the reference's MNIST network).
    NDList features = dropout.forward(store, new NDList(pooled), training, params);
    return head.forward(store, features, training, params);
  }

  /**
   * The convolution blocks' output, {@code (B, C', H', W')}, before the global pooling, laid out
   * channels-last in memory ({@link ChannelsLast}: the same values, computed faster).
   */
  NDList featureMap(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList h = new NDList(ChannelsLast.of(inputs.singletonOrThrow()));
    for (SequentialBlock block : convBlocks) {
      h = block.forward(store, h, training, params);
    }
    return h;
  }

  /**
   * Freezes the convolution blocks for supervised training when the options ask for a frozen
   * backbone; the core then trains only what still requires a gradient.
   */
  void freezeConvolutionsIfConfigured() {
    if (config.freezeConvolutions()) {
      convParameters().forEach(p -> p.freeze(true));
    }
  }

  /** The parameters of the convolution blocks (not of the MLP head), in block order. */
  List<Parameter> convParameters() {
    List<Parameter> out = new ArrayList<>();
    for (SequentialBlock block : convBlocks) {
      block.getParameters().values().forEach(out::add);
    }
    return out;
  }

  /**
   * Mirrors each image of the batch left to right with probability 1/2. The coins come from the
   * engine's generator, which the run seeds, so a run stays reproducible.
   */
  private static NDArray randomHorizontalFlip(NDArray x) {
    NDManager manager = x.getManager();
    Shape perImage = new Shape(x.getShape().get(0), 1, 1, 1);
    try (NDArray coins = manager.randomUniform(0f, 1f, perImage, x.getDataType());
        NDArray heads = coins.lt(0.5f);
        NDArray perPixel = heads.broadcast(x.getShape());
        NDArray mirrored = x.flip(3)) {
      return NDArrays.where(perPixel, mirrored, x);
    }
  }

  private NDArray globalPool(NDArray x) {
    Shape s = x.getShape();
    if (config.flattens()) {
      // (B, C, H, W) -> (B, C H W) in PyTorch's Flatten order: channel, then row, then column.
      return x.reshape(s.get(0), s.get(1) * s.get(2) * s.get(3));
    }
    // DJL's PyTorch engine reduces one axis at a time: flatten the positions first.
    NDArray positions = x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
    int[] axis = {2};
    return config.globalPooling() == ImageEncoderConfig.Pooling.MAX
        ? positions.max(axis)
        : positions.mean(axis);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), concepts)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    for (SequentialBlock block : convBlocks) {
      block.initialize(manager, dataType, shapes);
      shapes = block.getOutputShapes(shapes);
    }
    Shape map = shapes[0];
    Shape pooled = config.flattens()
        ? new Shape(map.get(0), map.get(1) * map.get(2) * map.get(3))
        : new Shape(map.get(0), map.get(1));
    dropout.initialize(manager, dataType, pooled);
    head.initialize(manager, dataType, pooled);
  }

  /**
   * Initialises every parameter for {@code inputShapes}, then, when this encoder was built with
   * a weights file and its parameters were not set before, replaces them with the file's.
   *
   * @throws io.sharcs.api.InvalidInputException when the weights file is missing, unreadable,
   *     not an image encoder weights file, or holds parameters of other shapes
   */
  @Override
  public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
    // Parameters loaded before (a saved model) are kept: the file is only a starting point.
    boolean fresh = !isInitialized();
    super.initialize(manager, dataType, inputShapes);
    if (weights != null && fresh) {
      ImageEncoderWeights.load(this, weights, manager);
    }
  }

  /** The architecture. */
  public ImageEncoderConfig config() {
    return config;
  }

  /** k, the number of concept pre-activations per image. */
  public int concepts() {
    return concepts;
  }

  /** A fresh encoder of the same architecture, without weights file. */
  ImageConceptEncoder twin() {
    return new ImageConceptEncoder(config, concepts, null);
  }

  /** A one-line description of the architecture, for weights files and messages. */
  String architecture() {
    // The cnn's wording is kept as weights files written before the reference network have it.
    return (config.architecture().equals(ImageEncoderConfig.CNN) ? ""
            : "architecture " + config.architecture() + ", ")
        + "channels " + config.channels() + ", conv_channels " + config.convChannels()
        + ", kernel " + config.kernel() + ", batch_norm " + config.batchNorm()
        + (config.flattens() ? ", global_pool flatten" : "") + ", hidden " + config.hidden()
        + ", concepts " + concepts;
  }
}
