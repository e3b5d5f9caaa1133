package io.sharcs.runner.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Binds a tree to a typed config, reporting failures as {@link InputError}s. */
public final class ConfigBinder {

  private final ObjectMapper mapper;
  private final String file;
  private final Path baseDirectory;

  /**
   * A binder whose relative {@link Path} fields stay as written.
   *
   * @param mapper the strict mapper of the file's format
   * @param file the file as named by the user, for messages
   */
  public ConfigBinder(ObjectMapper mapper, String file) {
    this(mapper, file, null);
  }

  /**
   * @param mapper the strict mapper of the file's format
   * @param file the file as named by the user, for messages
   * @param baseDirectory the folder relative {@link Path} fields of bound records resolve against
   *     (the experiment file's folder), or null to keep them as written
   */
  public ConfigBinder(ObjectMapper mapper, String file, Path baseDirectory) {
    this.mapper = mapper;
    this.file = file;
    this.baseDirectory = baseDirectory;
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
      ObjectReader reader = mapper.readerFor(type);
      if (baseDirectory != null) {
        reader = reader.withAttribute(PathModule.BASE_DIRECTORY, baseDirectory);
      }
      return reader.readValue(tree);
    } catch (JsonProcessingException e) {
      throw error(e, tree, type, path, extraKeys);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonProcessingException j) {
        throw error(j, tree, type, path, extraKeys);
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a tree in memory does no I/O
    }
  }

  /** A misspelled key first (it may be why a value is out of range), else what Jackson found. */
  private InputError error(
      JsonProcessingException e,
      JsonNode tree,
      Class<?> type,
      ConfigPath path,
      Collection<String> extraKeys) {
    if (!(e instanceof UnrecognizedPropertyException)) {
      InputError unknown = UnknownKeys.first(mapper, tree, type, path, extraKeys, file);
      if (unknown != null) {
        return new InputError(file, unknown.path(), unknown.problem(), e);
      }
    }
    return ConfigErrors.bindingError(e, file, path, tree, extraKeys);
  }
}
