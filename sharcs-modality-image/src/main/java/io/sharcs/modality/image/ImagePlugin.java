package io.sharcs.modality.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.SampleForm;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * The image modality: PNG or JPEG pictures (CLEVR scenes, say), resized, normalised and encoded
 * by a small convolutional network into k concept pre-activations.
 *
 * <p>A raw sample is a file path (a JSON/YAML string; relative paths resolve against the
 * working directory), an inline raster ({@code {"width": W, "height": H, "channels": 1|3,
 * "pixels": <bytes>}}: {@code W H C} unsigned bytes, row major, channels last; in a JSON file a
 * base64 string, in memory a Jackson binary node), or an {@link ImageSample} made by a data set
 * provider. The preprocessing
 * ({@link ImagePreprocessing}) validates every image and makes {@code [(B, C, H, W)]} float
 * batches ({@link ImagePreprocessor}); the encoder is {@link ImageConceptEncoder}, optionally
 * pretrained as an autoencoder ({@link AutoencoderPretraining}). See {@link ImageEncoderConfig}
 * for the options. Samples are drawn as PNG thumbnails ({@link ImageRenderer}).
 */
public final class ImagePlugin implements ModalityPlugin<ImageSample, ImageEncoderConfig> {

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
  public void setup(ModalitySetup<ImageSample, ImageEncoderConfig> setup) {
    setup.samples(ImageSample.class, ImagePlugin::read, SampleForm.FILE);
    setup.options(ImageEncoderConfig.class, ImageEncoderConfig.DEFAULTS);
    setup.encoder(new ImagePreprocessing(), ImageConceptEncoder::create)
        .renderer(new ImageRenderer());
    setup.pretraining(AutoencoderPretraining::pretrain);
  }

  private static final Set<String> RASTER_FIELDS = Set.of("width", "height", "channels", "pixels");

  /**
   * Reads a sample written as the path of an image file or as an inline raster. A file's header
   * is checked here, where the data's location ({@code where}: a manifest's file, line and column,
   * say) is known; its pixels are decoded, and its size checked against {@code max_pixels}, by the
   * preprocessing.
   */
  static ImageSample read(JsonNode node, String where) {
    if (node != null && node.isObject()) {
      return readRaster(node, where);
    }
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new InvalidInputException(where + ": found " + describe(node)
          + ", expected the path of a PNG or JPEG file or an inline raster {\"width\": W,"
          + " \"height\": H, \"channels\": 1|3, \"pixels\": <bytes>}");
    }
    ImageSample sample;
    try {
      sample = ImageSample.ofFile(Path.of(node.asText()));
    } catch (InvalidPathException e) {
      throw new InvalidInputException(
          where + ": '" + node.asText() + "' is not a valid path (" + e.getReason() + ")");
    }
    String problem = ImageDecoder.headerProblem(sample.file().orElseThrow());
    if (problem != null) {
      throw new InvalidInputException(where + ": found '" + node.asText() + "', "
          + problem + ", expected a PNG or JPEG file");
    }
    return sample;
  }

  /**
   * An inline raster: {@code {"width": W, "height": H, "channels": 1|3, "pixels": <bytes>}},
   * {@code W H C} bytes (a binary node, or base64 text as JSON files hold it).
   */
  private static ImageSample readRaster(JsonNode node, String where) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!RASTER_FIELDS.contains(name)) {
        throw new InvalidInputException(where + ": found unknown field '" + name
            + "', expected only width, height, channels and pixels (an inline raster)");
      }
    }
    int width = size(node, "width", ImageEncoderConfig.MAX_SIDE * 4, where);
    int height = size(node, "height", ImageEncoderConfig.MAX_SIDE * 4, where);
    JsonNode channelsNode = node.get("channels");
    if (channelsNode == null || !channelsNode.isIntegralNumber()
        || (channelsNode.asInt() != 1 && channelsNode.asInt() != 3)) {
      throw new InvalidInputException(where + ": field 'channels': found "
          + describe(channelsNode) + ", expected 1 (grey) or 3 (RGB)");
    }
    int channels = channelsNode.asInt();
    JsonNode pixelsNode = node.get("pixels");
    byte[] pixels;
    try {
      pixels = pixelsNode == null || !(pixelsNode.isBinary() || pixelsNode.isTextual())
          ? null : pixelsNode.binaryValue();
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(where + ": field 'pixels': found text that is not base64 ("
          + firstLine(e.getMessage()) + "), expected " + width + "x" + height + "x" + channels
          + " bytes in base64");
    }
    if (pixels == null) {
      throw new InvalidInputException(where + ": field 'pixels': found " + describe(pixelsNode)
          + ", expected " + width + "x" + height + "x" + channels + " bytes (base64 in a file)");
    }
    long expected = (long) width * height * channels;
    if (pixels.length != expected) {
      throw new InvalidInputException(where + ": field 'pixels': found " + pixels.length
          + " bytes, expected " + expected + " (width " + width + " x height " + height
          + " x channels " + channels + ", row major, channels last)");
    }
    return ImageSample.ofRaster(width, height, channels, pixels);
  }

  private static int size(JsonNode node, String field, int max, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || value.asLong() < 1
        || value.asLong() > max) {
      throw new InvalidInputException(where + ": field '" + field + "': found "
          + describe(value) + ", expected an integer in [1, " + max + "]");
    }
    return value.asInt();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String text = node.toString();
    if (text.length() > 40) {
      text = text.substring(0, 40) + "...";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + text;
  }
}
