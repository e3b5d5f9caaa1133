package io.sharcs.modality.image;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Options of the image modality: the preprocessing (decode, resize, normalise) and the local
 * concept encoder (a small convolutional network). In experiment files the components are
 * written in snake_case ({@code conv_channels}, {@code batch_norm}).
 *
 * <p>The network: for each entry of {@code convChannels}, a {@code kernel x kernel} convolution
 * ("same" padding), a 2x2 pooling that halves the image, an optional batch norm and a (leaky)
 * ReLU; then a global pooling over the remaining positions (or a flattening of them), dropout
 * and an MLP ({@code hidden}) to the k concept pre-activations.
 *
 * <p>Two architectures: {@code cnn} (the default, every network option as given) and {@code
 * reference}, the reference's MNIST network (method specification section 2.3): two blocks of a
 * 5x5 convolution with 16 channels, ReLU and 2x2 max pooling, flattened, {@code Linear(F -> 64)},
 * ReLU, {@code Linear(64 -> k)}; it fixes {@code conv_channels}, {@code kernel}, {@code pool},
 * {@code batch_norm}, {@code negative_slope}, {@code global_pool} and {@code hidden} to those
 * values (a conflicting value is an error), and without {@code mean} and {@code std} it feeds
 * raw pixel values 0..255, as the reference does.
 *
 * @param width the width every image is resized to (bilinear, aspect ratio not kept)
 * @param height the height every image is resized to
 * @param channels 1 (grey, ITU-R 601 luma) or 3 (RGB); alpha is always dropped
 * @param mean per-channel mean subtracted after scaling pixels to [0, 1]; empty means the
 *     default for {@code channels}: ImageNet's (0.485, 0.456, 0.406) for RGB, 0.5 for grey
 * @param std per-channel divisor applied after the mean; empty means ImageNet's (0.229, 0.224,
 *     0.225) for RGB, 0.5 for grey
 * @param convChannels the output channels of the convolution blocks, in order (at least one)
 * @param kernel the odd convolution kernel size
 * @param pool the 2x2 pooling of every block: {@code max} or {@code avg}
 * @param batchNorm whether each convolution is followed by a batch norm (PyTorch's {@code
 *     BatchNorm2d} defaults)
 * @param negativeSlope the slope of the leaky ReLU after each convolution; 0 is a plain ReLU
 * @param globalPool the pooling over all remaining positions: {@code max} (finds a small object
 *     anywhere in the scene) or {@code avg}
 * @param hidden the hidden widths of the MLP after the global pooling; empty is one linear layer
 * @param dropout the dropout rate applied to the pooled features in training, in [0, 1)
 * @param horizontalFlip mirror each training image left to right with probability 1/2 (data
 *     augmentation for scenes whose content does not depend on left and right, such as CLEVR's
 *     attributes); never in evaluation
 * @param weights optional path of an encoder weights file written by {@link
 *     ImageEncoderWeights#save}; the encoder starts from it. The runner resolves a relative path
 *     against the experiment file's folder when it binds the options; the plugin uses the path
 *     as given (a relative one against the working directory)
 * @param freezeConvolutions keep the convolution blocks as they are after the weights file and
 *     the pretraining (a frozen backbone, as the reference's ResNet-18): supervised training then
 *     trains only the MLP head, and the blocks' batch norms use their running statistics
 * @param pretrain unsupervised pretraining of the convolution blocks as an autoencoder on the
 *     training images before supervised training ({@link AutoencoderPretraining}); null or
 *     {@link AutoencoderPretrainingConfig#NONE} for none
 * @param maxPixels the largest image accepted, in pixels (width x height as its header says,
 *     read before decoding): a larger one is refused with one line naming the file and its
 *     size, instead of exhausting the heap ({@link #DEFAULT_MAX_PIXELS} by default)
 * @param architecture {@code cnn} or {@code reference}; null means {@code cnn}
 */
public record ImageEncoderConfig(
    int width,
    int height,
    int channels,
    List<Double> mean,
    List<Double> std,
    List<Integer> convChannels,
    int kernel,
    String pool,
    boolean batchNorm,
    double negativeSlope,
    String globalPool,
    List<Integer> hidden,
    double dropout,
    boolean horizontalFlip,
    Path weights,
    boolean freezeConvolutions,
    AutoencoderPretrainingConfig pretrain,
    long maxPixels,
    String architecture)
    implements EncoderConfig {

  /** The architecture id of the configurable CNN (the default). */
  public static final String CNN = "cnn";

  /** The architecture id of the reference's MNIST network. */
  public static final String REFERENCE = "reference";

  /** The {@code global_pool} value that flattens the last feature map instead of pooling it. */
  public static final String FLATTEN = "flatten";

  /** ImageNet's per-channel mean, the reference's normalisation for RGB. */
  public static final List<Double> IMAGENET_MEAN = List.of(0.485, 0.456, 0.406);

  /** ImageNet's per-channel standard deviation. */
  public static final List<Double> IMAGENET_STD = List.of(0.229, 0.224, 0.225);

  /**
   * 40 megapixels: more than a camera photo in common use (7,000 x 5,000 is 35) and far more than
   * the encoder's input needs. Decoding costs about 20 bytes a pixel (the decoded raster, three
   * float planes and a band buffer), 800 MB at the limit: within the launcher's default heap (a
   * quarter of the memory) on a machine of 8 GB or more. On a smaller heap such an image ends in
   * an out-of-memory line naming the setting to raise; or set {@code max_pixels} lower.
   */
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

  /**
   * The highest {@code max_pixels} accepted: the decoded image's three float planes must fit
   * one Java array (fewer than 2^31 elements).
   */
  public static final long MAX_PIXELS_LIMIT = 500_000_000L;

  /** The largest accepted width or height; far above what a CPU budget can train on. */
  public static final int MAX_SIDE = 4096;

  /**
   * Small enough for CLEVR-like scenes on a 2-core CPU (about 0.7 ms forward+backward per image
   * on one thread, see {@code docs/image-modality.md}): 48x48 RGB (the reference also squeezes
   * 320x240 scenes into a square), three blocks of 8, 16 and 32 channels with max pooling, batch
   * norm and ReLU, global max pooling, one linear layer to k.
   */
  public static final ImageEncoderConfig DEFAULTS = new ImageEncoderConfig(
      48, 48, 3, List.of(), List.of(), List.of(8, 16, 32), 3, "max", true, 0.0, "max",
      List.of(), 0.0, false, null, false, AutoencoderPretrainingConfig.NONE, DEFAULT_MAX_PIXELS,
      CNN);

  /** The reference's MNIST network for 28x28 grey digits, raw pixels. */
  public static final ImageEncoderConfig REFERENCE_MNIST = new ImageEncoderConfig(
      28, 28, 1, List.of(), List.of(), List.of(16, 16), 5, "max", false, 0.0, FLATTEN,
      List.of(64), 0.0, false, null, false, AutoencoderPretrainingConfig.NONE,
      DEFAULT_MAX_PIXELS, REFERENCE);

  /** The options of a {@code cnn}. */
  public ImageEncoderConfig(int width, int height, int channels, List<Double> mean,
      List<Double> std, List<Integer> convChannels, int kernel, String pool, boolean batchNorm,
      double negativeSlope, String globalPool, List<Integer> hidden, double dropout,
      boolean horizontalFlip, Path weights, boolean freezeConvolutions,
      AutoencoderPretrainingConfig pretrain, long maxPixels) {
    this(width, height, channels, mean, std, convChannels, kernel, pool, batchNorm,
        negativeSlope, globalPool, hidden, dropout, horizontalFlip, weights, freezeConvolutions,
        pretrain, maxPixels, CNN);
  }

  /** The options of a {@code cnn} with the default {@code max_pixels} ({@link #DEFAULT_MAX_PIXELS}). */
  public ImageEncoderConfig(int width, int height, int channels, List<Double> mean,
      List<Double> std, List<Integer> convChannels, int kernel, String pool, boolean batchNorm,
      double negativeSlope, String globalPool, List<Integer> hidden, double dropout,
      boolean horizontalFlip, Path weights, boolean freezeConvolutions,
      AutoencoderPretrainingConfig pretrain) {
    this(width, height, channels, mean, std, convChannels, kernel, pool, batchNorm,
        negativeSlope, globalPool, hidden, dropout, horizontalFlip, weights, freezeConvolutions,
        pretrain, DEFAULT_MAX_PIXELS);
  }

  /** Validates every field; the exception names the field as files spell it. */
  public ImageEncoderConfig {
    requireSide("width", width);
    requireSide("height", height);
    if (channels != 1 && channels != 3) {
      throw new InvalidConfigException(
          "channels", "got " + channels + ", expected 1 (grey) or 3 (RGB)");
    }
    mean = normalisation("mean", mean, channels, false);
    std = normalisation("std", std, channels, true);
    String id = architecture == null ? CNN : architecture.trim().toLowerCase(Locale.ROOT);
    if (!id.equals(CNN) && !id.equals(REFERENCE)) {
      throw new InvalidConfigException(
          "architecture", "got '" + architecture + "', expected cnn or reference");
    }
    architecture = id;
    convChannels =
        InvalidConfigException.requirePositiveIntegers("conv_channels", convChannels, false);
    if (kernel <= 0 || kernel % 2 == 0) {
      throw new InvalidConfigException(
          "kernel", "got " + kernel + ", expected an odd integer >= 1 (the padding keeps the size)");
    }
    pool = Pooling.parse("pool", pool).id();
    InvalidConfigException.requireProbability("negative_slope", negativeSlope);
    globalPool = FLATTEN.equalsIgnoreCase(globalPool == null ? "" : globalPool.trim())
        ? FLATTEN : globalPooling("global_pool", globalPool).id();
    hidden = InvalidConfigException.requirePositiveIntegers("hidden", hidden, true);
    if (id.equals(REFERENCE)) {
      // The defaults are merged in before binding, so a cnn default here means "not given".
      convChannels = fixed("conv_channels", convChannels, List.of(8, 16, 32), List.of(16, 16));
      kernel = fixed("kernel", kernel, 3, 5);
      pool = fixed("pool", pool, "max", "max");
      batchNorm = fixed("batch_norm", batchNorm, true, false);
      negativeSlope = fixed("negative_slope", negativeSlope, 0.0, 0.0);
      globalPool = fixed("global_pool", globalPool, "max", FLATTEN);
      hidden = fixed("hidden", hidden, List.of(), List.of(64));
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new InvalidConfigException("dropout", "got " + dropout + ", expected a number in [0, 1)");
    }
    if (weights != null && weights.toString().isBlank()) {
      throw new InvalidConfigException(
          "weights", "got an empty path, expected the path of an encoder weights file or none");
    }
    pretrain = pretrain == null ? AutoencoderPretrainingConfig.NONE : pretrain;
    if (maxPixels < 1 || maxPixels > MAX_PIXELS_LIMIT) {
      throw new InvalidConfigException("max_pixels", String.format(Locale.ROOT,
          "got %d, expected an integer in [1, %d] (pixels, width x height)", maxPixels,
          MAX_PIXELS_LIMIT));
    }
    // Every block halves the image (floor); a side that reaches 0 leaves nothing to pool.
    int blocks = convChannels.size();
    int smallest = Math.min(width, height);
    if ((smallest >> blocks) < 1) {
      String side = width <= height ? "width" : "height";
      throw new InvalidConfigException(
          side, "got " + smallest + ", expected at least " + (1 << blocks) + " for the " + blocks
              + " convolution blocks of conv_channels (each halves the image)");
    }
  }

  /** The 2x2 pooling of every convolution block. */
  public Pooling blockPooling() {
    return Pooling.parse("pool", pool);
  }

  /**
   * The global pooling after the last block.
   *
   * @throws IllegalStateException when the feature map is flattened instead ({@link #flattens})
   */
  public Pooling globalPooling() {
    if (flattens()) {
      throw new IllegalStateException("global_pool is flatten: the feature map is not pooled");
    }
    return Pooling.parse("global_pool", globalPool);
  }

  /** Whether the last feature map is flattened ({@code global_pool: flatten}) rather than pooled. */
  public boolean flattens() {
    return FLATTEN.equals(globalPool);
  }

  /**
   * The height and width of the last feature map: each block halves the image, rounding down
   * (PyTorch's and DJL's max pooling).
   */
  public int[] featureMapSize() {
    int blocks = convChannels.size();
    return new int[] {height >> blocks, width >> blocks};
  }

  /** Whether pixel values reach the network as 0..255: the reference architecture without {@code mean} and {@code std}. */
  public boolean rawPixels() {
    return REFERENCE.equals(architecture) && mean.isEmpty() && std.isEmpty();
  }

  /** The per-channel mean actually used: {@link #mean} or the default for the channel count. */
  public float[] channelMean() {
    return toFloats(!mean.isEmpty() ? mean : channels == 3 ? IMAGENET_MEAN : List.of(0.5));
  }

  /** The per-channel standard deviation actually used. */
  public float[] channelStd() {
    return toFloats(!std.isEmpty() ? std : channels == 3 ? IMAGENET_STD : List.of(0.5));
  }

  /** This config without a weights file: the same architecture, freshly initialised. */
  public ImageEncoderConfig withoutWeights() {
    return new ImageEncoderConfig(
        width, height, channels, mean, std, convChannels, kernel, pool, batchNorm, negativeSlope,
        globalPool, hidden, dropout, horizontalFlip, null, freezeConvolutions, pretrain,
        maxPixels, architecture);
  }

  /** How a pooling layer combines the values of its window. */
  public enum Pooling {
    MAX("max"),
    AVG("avg");

    private final String id;

    Pooling(String id) {
      this.id = id;
    }

    /** The name used in experiment files. */
    public String id() {
      return id;
    }

    /** Parses {@code text} case-insensitively, naming {@code field} when it is unknown. */
    public static Pooling parse(String field, String text) {
      String norm = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
      for (Pooling p : values()) {
        if (p.id.equals(norm)) {
          return p;
        }
      }
      throw new InvalidConfigException(
          field, "got " + (text == null ? "null" : "'" + text + "'") + ", expected max or avg");
    }
  }

  private static Pooling globalPooling(String field, String text) {
    try {
      return Pooling.parse(field, text);
    } catch (InvalidConfigException e) {
      throw new InvalidConfigException(field, "got " + (text == null ? "null" : "'" + text + "'")
          + ", expected max, avg or flatten");
    }
  }

  /**
   * The reference architecture's value of {@code field}: {@code value} when it is the {@code cnn}
   * default (not given) or already the reference's, an error otherwise.
   */
  private static <T> T fixed(String field, T value, T cnnDefault, T reference) {
    boolean same = value instanceof Number a && reference instanceof Number b
        ? a.doubleValue() == b.doubleValue()
        : reference.equals(value);
    boolean unset = value instanceof Number a && cnnDefault instanceof Number b
        ? a.doubleValue() == b.doubleValue()
        : cnnDefault.equals(value);
    if (!same && !unset) {
      throw new InvalidConfigException(field, "got " + value + ", but architecture reference"
          + " fixes it to " + reference + " (leave it out, or use architecture cnn)");
    }
    return reference;
  }

  private static void requireSide(String field, int value) {
    if (value <= 0 || value > MAX_SIDE) {
      throw new InvalidConfigException(
          field, "got " + value + ", expected an integer in [1, " + MAX_SIDE + "]");
    }
  }

  private static List<Double> normalisation(
      String field, List<Double> values, int channels, boolean positive) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    if (values.size() != channels) {
      throw new InvalidConfigException(
          field, "got " + values.size() + " values " + values + ", expected " + channels
              + " (one per channel, channels is " + channels + ") or none for the default");
    }
    List<Double> copy = new ArrayList<>(values.size());
    for (Double v : values) {
      boolean ok = v != null && Double.isFinite(v) && (!positive || v > 0);
      if (!ok) {
        throw new InvalidConfigException(
            field, "got " + values + ", expected " + (positive ? "numbers > 0" : "finite numbers"));
      }
      copy.add(v);
    }
    return List.copyOf(copy);
  }

  private static float[] toFloats(List<Double> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).floatValue();
    }
    return out;
  }
}
