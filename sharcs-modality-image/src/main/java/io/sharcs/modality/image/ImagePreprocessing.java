package io.sharcs.modality.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.Preprocessing;
import io.sharcs.api.PreprocessingData;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The image preprocessing: {@link #fit} validates every image (decoding each distinct one once,
 * in parallel) and describes them; the size, channels and normalisation come from the options,
 * so nothing is learned from data. {@link #save} writes them with the summary to {@code
 * <modality>.image-preprocessing.json}; {@link #load} reads that file back and checks it against
 * the options.
 */
final class ImagePreprocessing
    implements Preprocessing<ImageSample, ImageEncoderConfig, ImagePreprocessor> {

  /** The {@code format} field of the saved file. */
  static final String FORMAT = "sharcs-image-preprocessing";

  /** The {@code version} field of the saved file; files of another version are refused. */
  static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The file {@link #save} writes for {@code modality} into {@code directory}. */
  static Path file(Path directory, String modality) {
    return directory.resolve(modality + ".image-preprocessing.json");
  }

  /**
   * Decodes every distinct image of {@code data.all()} once (in parallel) to check that it
   * exists, is readable and is a PNG or JPEG; sizes may differ, since preprocessing resizes.
   * The resized images go to the preprocessor's cache, so training does not decode them again
   * (a CLEVR run decoded its 4,000 scenes twice, the second time during the first epoch, beside
   * the training step).
   *
   * @throws InvalidInputException naming the first failing sample in data-set order, or when
   *     there are no images
   */
  @Override
  public ImagePreprocessor fit(PreprocessingData<ImageSample> data, ImageEncoderConfig options) {
    List<? extends ImageSample> samples = data.all();
    if (samples.isEmpty()) {
      throw new InvalidInputException(data.where() + ": found no images, expected at least one");
    }
    Map<ImageSample, Integer> first = new LinkedHashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      first.putIfAbsent(samples.get(i), i);
    }
    List<Integer> distinct = new ArrayList<>(first.values());
    ImageTransform transform = ImageTransform.of(options);
    List<Object> decoded = InOrder.<Integer, Object>map(distinct, i -> {
      ImageSample sample = samples.get(i);
      try {
        ImageDecoder.Pixels p = ImageDecoder.decode(sample, options.maxPixels());
        // A raster of the target size is used in place and never cached.
        byte[] resized = transform.fits(sample) ? null : transform.resized(p);
        return new Facts(p.width(), p.height(), p.kind(), resized);
      } catch (InvalidInputException e) {
        // Returned, not thrown: the first failing sample in data-set order is reported.
        return new InvalidInputException(data.at(i) + ": " + e.getMessage(), e.getCause());
      }
    });
    for (Object f : decoded) {
      if (f instanceof InvalidInputException e) {
        throw e;
      }
    }
    List<Facts> facts = decoded.stream().map(Facts.class::cast).toList();
    String summary = describe(samples.size(), first.size(), facts)
        + ", resized to " + options.width() + "x" + options.height() + " "
        + (options.channels() == 3 ? "RGB" : "grey") + (options.rawPixels() ? ", raw 0-255" : "");
    ImagePreprocessor preprocessor = new ImagePreprocessor(options, summary);
    for (int k = 0; k < distinct.size(); k++) {
      if (facts.get(k).resized() != null) {
        preprocessor.keep(samples.get(distinct.get(k)), facts.get(k).resized());
      }
    }
    return preprocessor;
  }

  /**
   * What {@link #fit} learns of one image, and the image resized for the cache (null for a raster
   * used in place).
   */
  private record Facts(int width, int height, String kind, byte[] resized) {}

  /** For example {@code "3 images (2 distinct), 2x1, 320x240 RGB and grey"}. */
  private static String describe(int count, int distinct, List<Facts> facts) {
    TreeSet<String> sizes = new TreeSet<>();
    TreeSet<String> kinds = new TreeSet<>();
    long minArea = Long.MAX_VALUE;
    long maxArea = 0;
    String smallest = null;
    String largest = null;
    for (Facts f : facts) {
      String size = f.width() + "x" + f.height();
      sizes.add(size);
      kinds.add(f.kind());
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
    return String.format(Locale.ROOT, "%,d image%s", count, count == 1 ? "" : "s")
        + (distinct < count ? String.format(Locale.ROOT, " (%,d distinct)", distinct) : "")
        + ", " + (sizes.size() <= 3 ? String.join(", ", sizes)
            : smallest + " to " + largest + " (" + sizes.size() + " sizes)") + " "
        + String.join(" and ", kinds);
  }

  @Override
  public void save(ImagePreprocessor preprocessor, Path directory, String modality)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("channels", preprocessor.channels());
    root.put("width", preprocessor.width());
    root.put("height", preprocessor.height());
    ObjectNode normalisation = root.putObject("normalisation");
    if (preprocessor.rawPixels()) {
      // Files without the field (all written before raw pixels existed) are normalised.
      normalisation.put("raw", true);
    } else {
      floats(normalisation.putArray("mean"), preprocessor.mean());
      floats(normalisation.putArray("std"), preprocessor.std());
    }
    root.put("summary", preprocessor.summary());
    Files.createDirectories(directory);
    JSON.writeValue(file(directory, modality).toFile(), root);
  }

  private static void floats(ArrayNode array, float[] values) {
    for (float v : values) {
      array.add(v);
    }
  }

  /**
   * @throws InvalidInputException naming the file when it is missing, not JSON, of another
   *     format or version, has a malformed field, or was saved for other preprocessing options
   */
  @Override
  public ImagePreprocessor load(Path directory, String modality, ImageEncoderConfig options)
      throws IOException {
    Path file = file(directory, modality);
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new InvalidInputException(
          file + ": file not found, expected saved image preprocessing");
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          file + ": not JSON (" + firstLine(e.getOriginalMessage()) + ")", e);
    }
    String format = root.path("format").asText("");
    int version = root.path("version").asInt(-1);
    if (!FORMAT.equals(format) || version != VERSION) {
      throw new InvalidInputException(
          file + ": found format '" + format + "' version " + version + ", expected '" + FORMAT
              + "' version " + VERSION);
    }
    JsonNode normalisation = root.path("normalisation");
    check(file, "channels", integer(file, root, "channels"), options.channels());
    check(file, "width", integer(file, root, "width"), options.width());
    check(file, "height", integer(file, root, "height"), options.height());
    boolean raw = normalisation.path("raw").asBoolean(false);
    check(file, "normalisation.raw", raw, options.rawPixels());
    if (!raw) {
      check(file, "normalisation.mean",
          Arrays.toString(floats(file, normalisation, "mean")),
          Arrays.toString(options.channelMean()));
      check(file, "normalisation.std",
          Arrays.toString(floats(file, normalisation, "std")),
          Arrays.toString(options.channelStd()));
    }
    JsonNode summary = root.path("summary");
    if (!summary.isTextual()) {
      throw malformed(file, "summary", summary, "a string");
    }
    return new ImagePreprocessor(options, summary.asText());
  }

  private static int integer(Path file, JsonNode root, String field) {
    JsonNode node = root.path(field);
    if (!node.isInt()) {
      throw malformed(file, field, node, "an integer");
    }
    return node.asInt();
  }

  private static float[] floats(Path file, JsonNode normalisation, String field) {
    JsonNode node = normalisation.path(field);
    boolean ok = node.isArray() && !node.isEmpty();
    for (int i = 0; ok && i < node.size(); i++) {
      ok = node.get(i).isNumber();
    }
    if (!ok) {
      throw malformed(file, "normalisation." + field, node, "a list of numbers");
    }
    float[] out = new float[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).floatValue();
    }
    return out;
  }

  private static void check(Path file, String field, Object saved, Object configured) {
    if (!saved.equals(configured)) {
      throw new InvalidInputException(
          file + ": saved with " + field + " " + saved + ", but the options ask for "
              + configured + " (the image preprocessing comes from the options)");
    }
  }

  private static InvalidInputException malformed(
      Path file, String field, JsonNode found, String expected) {
    String what = found.isMissingNode() ? "missing" : "is " + found;
    return new InvalidInputException(
        file + ": field " + field + " " + what + ", expected " + expected);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
