package io.sharcs.runner.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;

/** Binds a tree to a typed config, reporting failures as {@link InputError}s. */
public final class ConfigBinder {

  private final ObjectMapper mapper;
  private final String file;

  /**
   * @param mapper the strict mapper of the file's format
   * @param file the file as named by the user, for messages
   */
  public ConfigBinder(ObjectMapper mapper, String file) {
    this.mapper = mapper;
    this.file = file;
  }

  /** The mapper used. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** The file as named by the user. */
  public String file() {
    return file;
  }

  /** Binds {@code tree} (found at {@code path} of the file) to {@code type}. */
  public <T> T bind(JsonNode tree, Class<T> type, ConfigPath path) {
    return bind(tree, type, path, List.of());
  }

  /**
   * Binds {@code tree} to {@code type}; {@code extraKeys} are keys that the caller consumed at
   * {@code path} and that unknown-key messages list too.
   */
  public <T> T bind(JsonNode tree, Class<T> type, ConfigPath path, Collection<String> extraKeys) {
    if (!tree.isObject()) {
      throw new InputError(
          file, path.toString(), "got " + ConfigTrees.describe(tree) + ", expected a mapping");
    }
    try {
      return mapper.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw ConfigErrors.bindingError(e, file, path, tree, extraKeys);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonProcessingException j) {
        throw ConfigErrors.bindingError(j, file, path, tree, extraKeys);
      }
      throw e;
    }
  }
}
