package io.sharcs.runner.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Jackson mappers for experiment files and run-folder files. Both are strict: snake_case
 * keys, unknown keys and nulls for primitives are errors, floats are not silently truncated to
 * integers and duplicate keys are rejected. The YAML mapper rejects explicit tags ({@link
 * TaglessYamlFactory}).
 */
public final class ConfigMappers {

  private static final ObjectMapper YAML = configure(
      YAMLMapper.builder(
              new TaglessYamlFactory(YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)))
          .build());

  private static final ObjectMapper JSON = configure(JsonMapper.builder().build());

  private ConfigMappers() {}

  /** YAML for {@code .yaml} and {@code .yml} files (any case), JSON otherwise. */
  public static ObjectMapper forFile(Path file) {
    return isYaml(file) ? YAML : JSON;
  }

  /** Whether {@code file} is read as YAML. */
  public static boolean isYaml(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /** The YAML mapper. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /** The JSON mapper (pretty-printing). */
  public static ObjectMapper json() {
    return JSON;
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerModule(new PathModule());
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    // class_weights: 1 is a mistake, not true.
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(SerializationFeature.INDENT_OUTPUT);
    mapper.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    return mapper;
  }
}
