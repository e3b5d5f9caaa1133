package io.sharcs.runner.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.runner.plugins.PluginRegistry;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an experiment file (YAML for {@code .yaml}/{@code .yml}, JSON otherwise) into a resolved
 * {@link Experiment}: the file is merged over {@link ExperimentDefaults}, the command-line
 * overrides are applied to the tree, the tree is bound strictly to {@link ExperimentSpec}, and the
 * spec is resolved against the plugins. The top-level {@value #SWEEP} block is left out: it
 * describes a grid of experiments for {@code sharcs sweep}, not this one.
 */
public final class ExperimentLoader {

  /**
   * The largest experiment file read, in bytes, whatever its format: SnakeYAML's own limit for
   * YAML (3 MiB of characters), now also for JSON, which has none and whose tree for a 50 MB file
   * outgrows a 512 MB heap. Experiment files are a few kilobytes; data lives in data files.
   */
  public static final long MAX_FILE_BYTES = 3L * 1024 * 1024;

  /** The top-level key of the sweep block (see {@code io.sharcs.runner.sweep}). */
  public static final String SWEEP = "sweep";

  private final PluginRegistry registry;

  /** @param registry the installed plugins */
  public ExperimentLoader(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * Loads an experiment.
   *
   * @param file the file to read
   * @param displayName the file as the user named it, used in every error message
   * @param overrides command-line changes, applied before binding
   * @throws InputError on any problem with the file or the overrides
   */
  public Experiment load(Path file, String displayName, ConfigOverrides overrides) {
    ObjectMapper mapper = ConfigMappers.forFile(file);
    ObjectNode tree = tree(file, displayName, overrides);
    // File paths in options resolve against the experiment file's folder, once, here.
    Path base = file.toAbsolutePath().normalize().getParent();
    ConfigBinder binder = new ConfigBinder(mapper, displayName, base);
    ExperimentSpec spec = binder.bind(tree, ExperimentSpec.class, ConfigPath.root());
    return new ExperimentResolver(registry, binder).resolve(spec);
  }

  /**
   * The experiment tree that is bound: defaults, then the file, then the overrides.
   *
   * @throws InputError if the file is missing, unreadable, malformed or not a mapping
   */
  public static ObjectNode tree(Path file, String displayName, ConfigOverrides overrides) {
    ObjectMapper mapper = ConfigMappers.forFile(file);
    ObjectNode content = content(file, displayName);
    content.remove(SWEEP);
    ObjectNode tree = ConfigTrees.merge(
        ExperimentDefaults.tree(mapper, ExperimentDefaults.stem(file)), content);
    overrides.applyTo(tree, displayName);
    return tree;
  }

  /**
   * The file as written (a mapping), without defaults or overrides.
   *
   * @throws InputError if the file is missing, unreadable, malformed or not a mapping
   */
  public static ObjectNode content(Path file, String displayName) {
    return (ObjectNode) read(file, displayName, ConfigMappers.forFile(file));
  }

  private static JsonNode read(Path file, String displayName, ObjectMapper mapper) {
    if (Files.isDirectory(file)) {
      throw new InputError(displayName, null, "got a directory, expected an experiment file");
    }
    if (!Files.exists(file)) {
      throw new InputError(displayName, null, "file not found");
    }
    requireSmall(file, displayName);
    JsonNode content;
    try {
      content = mapper.readTree(file.toFile());
    } catch (JsonParseException e) {
      throw ConfigErrors.parseError(e, displayName, ConfigMappers.isYaml(file));
    } catch (MismatchedInputException e) {
      InputError trailing =
          ConfigErrors.trailingContent(e, displayName, ConfigMappers.isYaml(file));
      throw trailing != null
          ? trailing
          : new InputError(
              displayName, null, "cannot be read (" + InputError.oneLine(e.getMessage()) + ")", e);
    } catch (NoSuchFileException e) {
      throw new InputError(displayName, null, "file not found", e);
    } catch (AccessDeniedException e) {
      throw new InputError(displayName, null, "permission denied, expected a readable file", e);
    } catch (IOException e) {
      throw new InputError(
          displayName, null, "cannot be read (" + InputError.oneLine(e.getMessage()) + ")", e);
    }
    if (content == null || content.isMissingNode() || content.isNull()) {
      throw new InputError(
          displayName, null, "got an empty file, expected a mapping with dataset and modalities");
    }
    if (!content.isObject()) {
      throw new InputError(
          displayName, null,
          "got " + ConfigTrees.describe(content) + " at the top, expected a mapping");
    }
    return content;
  }

  /** Refuses a file above {@link #MAX_FILE_BYTES} before any parser sees it. */
  private static void requireSmall(Path file, String displayName) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return; // reported by the read that follows
    }
    if (size > MAX_FILE_BYTES) {
      throw new InputError(displayName, null, String.format(Locale.ROOT,
          "got a file of %,d bytes (%.1f MiB), expected an experiment file of at most 3 MiB"
              + " (%,d bytes)", size, size / 1048576.0, MAX_FILE_BYTES));
    }
  }
}
