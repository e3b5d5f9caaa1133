package io.sharcs.modality.image;

import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InputSpec;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.PretrainingContext;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The image modality: PNG or JPEG pictures (CLEVR scenes, say), resized, normalised and encoded
 * by a small convolutional network into k concept pre-activations.
 *
 * <p>A raw sample is a file path (a JSON/YAML string; relative paths resolve against the
 * working directory), or an {@link ImageSample} made by a data set provider. Batches are {@code
 * [(B, C, H, W)]} floats; see {@link ImageEncoderConfig} for the options.
 */
public final class ImagePlugin implements ModalityPlugin<ImageSample> {

  /** The id experiment files use. */
  public static final String ID = "image";

  /** Cheap: touches no engine. */
  public ImagePlugin() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "PNG/JPEG images, resized and normalised; convolutional local concept encoder";
  }

  @Override
  public Class<ImageSample> sampleType() {
    return ImageSample.class;
  }

  @Override
  public Class<ImageEncoderConfig> encoderConfigType() {
    return ImageEncoderConfig.class;
  }

  @Override
  public ImageEncoderConfig defaultEncoderConfig() {
    return ImageEncoderConfig.DEFAULTS;
  }

  @Override
  public ImageSample readSample(JsonNode node, String where) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new InvalidInputException(
          where + ": found " + describe(node) + ", expected the path of a PNG or JPEG file");
    }
    try {
      return ImageSample.ofFile(Path.of(node.asText()));
    } catch (InvalidPathException e) {
      throw new InvalidInputException(
          where + ": '" + node.asText() + "' is not a valid path (" + e.getReason() + ")");
    }
  }

  /**
   * Decodes every distinct image once (in parallel) to check that it exists, is readable and is
   * a PNG or JPEG; sizes may differ, since preprocessing resizes. The spec's feature width is 1
   * when every image is grey, 3 otherwise.
   */
  @Override
  public InputSpec inspect(List<? extends ImageSample> samples, List<String> ids, String where) {
    if (samples.isEmpty()) {
      throw new InvalidInputException(where + ": found no images, expected at least one");
    }
    if (ids.size() != samples.size()) {
      throw new IllegalArgumentException(
          "got " + ids.size() + " ids for " + samples.size() + " samples");
    }
    Map<ImageSample, Integer> first = new LinkedHashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      first.putIfAbsent(samples.get(i), i);
    }
    List<Integer> distinct = new ArrayList<>(first.values());
    List<Object> facts = InOrder.<Integer, Object>map(distinct, i -> {
      try {
        ImageDecoder.Pixels p = ImageDecoder.decode(samples.get(i));
        return new Facts(p.width(), p.height(), p.channels(), p.kind());
      } catch (InvalidInputException e) {
        // Returned, not thrown: the first failing sample in data-set order is reported.
        return new InvalidInputException(
            where + " sample " + ids.get(i) + ": " + e.getMessage(), e.getCause());
      }
    });
    for (Object f : facts) {
      if (f instanceof InvalidInputException e) {
        throw e;
      }
    }
    return spec(samples.size(), first.size(), facts.stream().map(Facts.class::cast).toList());
  }

  /** What {@link #inspect} learns of one image. */
  private record Facts(int width, int height, int channels, String kind) {}

  private static InputSpec spec(int count, int distinct, List<Facts> facts) {
    TreeSet<String> sizes = new TreeSet<>();
    TreeSet<String> kinds = new TreeSet<>();
    int channels = 1;
    long minArea = Long.MAX_VALUE;
    long maxArea = 0;
    String smallest = null;
    String largest = null;
    for (Facts f : facts) {
      String size = f.width() + "x" + f.height();
      sizes.add(size);
      kinds.add(f.kind());
      channels = Math.max(channels, f.channels());
      long area = (long) f.width() * f.height();
      if (area < minArea) {
        minArea = area;
        smallest = size;
      }
      if (area > maxArea) {
        maxArea = area;
        largest = size;
      }
    }
    String summary = String.format(Locale.ROOT, "%,d image%s", count, count == 1 ? "" : "s")
        + (distinct < count ? String.format(Locale.ROOT, " (%,d distinct)", distinct) : "")
        + ", " + (sizes.size() <= 3 ? String.join(", ", sizes)
            : smallest + " to " + largest + " (" + sizes.size() + " sizes)") + " "
        + String.join(" and ", kinds);
    return new InputSpec(channels, 1, summary);
  }

  /**
   * Makes this run's preprocessing: decode, convert to {@code channels}, resize to {@code width x
   * height}, scale to [0, 1] and normalise. Nothing is learned from data; decoded images are
   * cached per distinct sample.
   */
  @Override
  public Preprocessor<ImageSample> fit(
      List<? extends ImageSample> train, InputSpec spec, EncoderConfig config) {
    ImageEncoderConfig c = expectConfig(config, ImageEncoderConfig.class);
    String summary = spec.summary() + ", resized to " + c.width() + "x" + c.height() + " "
        + (c.channels() == 3 ? "RGB" : "grey");
    return new ImagePreprocessor(
        ImageTransform.of(c), new InputSpec(c.channels(), 1, summary));
  }

  /**
   * Creates the convolutional local concept encoder. A {@code weights} file is resolved against
   * the experiment file's directory and checked to exist here; it is loaded when the encoder is
   * initialised.
   *
   * @throws InvalidInputException when the weights file is missing or a directory
   */
  @Override
  public Block createEncoder(EncoderConfig config, EncoderContext context) {
    ImageEncoderConfig c = expectConfig(config, ImageEncoderConfig.class);
    if (context.input().featureWidth() != c.channels()) {
      throw new IllegalArgumentException(
          "image encoder configured for " + c.channels() + " channels but the input has "
              + context.input().featureWidth() + " (build it for the spec of fit())");
    }
    Path weights = null;
    if (c.weights() != null) {
      weights = context.resolve(c.weights()).toAbsolutePath().normalize();
      if (!Files.isRegularFile(weights)) {
        throw new InvalidInputException(
            "image encoder weights " + weights + ": "
                + (Files.isDirectory(weights) ? "is a directory" : "file not found")
                + ", expected a file written by ImageEncoderWeights.save (option weights: '"
                + c.weights() + "')");
      }
    }
    return new ImageConceptEncoder(c, context.concepts(), weights);
  }

  /**
   * Trains the convolution blocks as an autoencoder on the distinct training images when the
   * options' {@code pretrain.epochs} is above 0 ({@link AutoencoderPretraining}), then, with
   * {@code freeze_convolutions}, freezes them for the supervised training that follows.
   */
  @Override
  public void pretrain(
      Block encoder, EncoderConfig config, PretrainingContext<ImageSample> context) {
    ImageEncoderConfig c = expectConfig(config, ImageEncoderConfig.class);
    if (c.pretrain().epochs() == 0 && !c.freezeConvolutions()) {
      return;
    }
    if (!(encoder instanceof ImageConceptEncoder image)) {
      throw new IllegalArgumentException(
          "expected the image encoder made by createEncoder, got "
              + encoder.getClass().getSimpleName());
    }
    if (c.pretrain().epochs() > 0) {
      AutoencoderPretraining.run(image, c.pretrain(), context);
    }
    image.freezeConvolutionsIfConfigured();
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
  }
}
