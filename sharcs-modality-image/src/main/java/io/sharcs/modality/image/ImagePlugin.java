package io.sharcs.modality.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.SampleForm;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The image modality: PNG or JPEG pictures (CLEVR scenes, say), resized, normalised and encoded
 * by a small convolutional network into k concept pre-activations.
 *
 * <p>A raw sample is a file path (a JSON/YAML string; relative paths resolve against the
 * working directory), or an {@link ImageSample} made by a data set provider. The preprocessing
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

  /**
   * Reads a sample written as the path of an image file. The file's header is checked here, where
   * the data's location ({@code where}: a manifest's file, line and column, say) is known; its
   * pixels are decoded, and its size checked against {@code max_pixels}, by the preprocessing.
   */
  static ImageSample read(JsonNode node, String where) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new InvalidInputException(
          where + ": found " + describe(node) + ", expected the path of a PNG or JPEG file");
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

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
  }
}
