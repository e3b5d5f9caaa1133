package io.sharcs.runner.datasets.clevr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.api.Excerpt;
import io.sharcs.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads CLEVR's scene-file format, {@code {"info": ..., "scenes": [{"image_index",
 * "image_filename", "objects": [{"size", "color", "material", "shape", ...}]}]}}, for single-object
 * scenes: the true attributes of each image's object.
 */
public final class ClevrSceneFile {

  private ClevrSceneFile() {}

  /**
   * Parses {@code bytes}, the content of {@code file}.
   *
   * @return image file name to the attributes of its one object, in file order
   * @throws InvalidInputException naming the file, the scene and the value for anything not in the
   *     expected form, or a scene without exactly one object
   */
  public static Map<String, ClevrAttributes> parse(byte[] bytes, Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(bytes);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": not valid JSON (" + ClevrJson.parseError(e)
          + "), expected a CLEVR scene file", e);
    }
    JsonNode scenes = root == null ? null : root.get("scenes");
    if (scenes == null || !scenes.isArray()) {
      throw new InvalidInputException(
          file + ": no 'scenes' list, expected a CLEVR scene file {\"info\": ..., \"scenes\": [...]}");
    }
    JsonNode info = root.path("info").get("split");
    String defaultSplit = info != null && info.isTextual() ? info.asText() : null;
    Map<String, ClevrAttributes> byImage = new LinkedHashMap<>();
    for (int i = 0; i < scenes.size(); i++) {
      JsonNode scene = scenes.get(i);
      String where = file + ": scene " + i;
      String image = imageFilename(scene, where, defaultSplit);
      String shown = Excerpt.of(image);
      JsonNode objects = scene.get("objects");
      if (objects == null || !objects.isArray() || objects.size() != 1) {
        throw new InvalidInputException(
            where + " (" + shown + "): "
                + (objects == null || !objects.isArray() ? "no 'objects' list"
                    : objects.size() + " objects")
                + ", expected exactly one object (single-object CLEVR)");
      }
      ClevrAttributes attributes = object(objects.get(0), where + " (" + shown + ") object 0");
      if (byImage.put(image, attributes) != null) {
        throw new InvalidInputException(where + ": image " + shown + " has a scene already, "
            + "expected one scene per image");
      }
    }
    return byImage;
  }

  private static ClevrAttributes object(JsonNode object, String where) {
    return new ClevrAttributes(
        value(object, "size", ClevrVocabulary::size, where),
        value(object, "color", ClevrVocabulary::color, where),
        value(object, "material", ClevrVocabulary::material, where),
        value(object, "shape", ClevrVocabulary::shape, where));
  }

  private static String value(
      JsonNode object, String key, Function<String, Optional<String>> fold, String where) {
    JsonNode node = object.get(key);
    Optional<String> value =
        node != null && node.isTextual() ? fold.apply(node.asText()) : Optional.empty();
    return value.orElseThrow(() -> new InvalidInputException(
        where + ": " + key + " " + ClevrJson.describe(node)
            + ", expected a CLEVR " + key));
  }

  private static String imageFilename(JsonNode scene, String where, String defaultSplit) {
    JsonNode name = scene.get("image_filename");
    if (name != null && name.isTextual() && !name.asText().isBlank()) {
      return name.asText();
    }
    JsonNode index = scene.get("image_index");
    JsonNode split = scene.get("split");
    String s = split != null && split.isTextual() ? split.asText() : defaultSplit;
    if (index == null || !index.isIntegralNumber() || index.asInt() < 0 || s == null) {
      throw new InvalidInputException(
          where + ": no image_filename and no image_index with a split, expected either");
    }
    return String.format(Locale.ROOT, "CLEVR_%s_%06d.png", s, index.asInt());
  }
}
