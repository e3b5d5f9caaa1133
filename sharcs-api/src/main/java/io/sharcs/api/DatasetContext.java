package io.sharcs.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link DatasetProvider} may use while loading.
 *
 * @param seed the seed for anything random in generation or splitting
 * @param baseDirectory the directory that relative paths in the experiment file resolve against
 * @param configFile the experiment file, for error messages
 * @param readers reads raw samples through the plugins bound to the experiment's modalities
 */
public record DatasetContext(
    long seed, Path baseDirectory, String configFile, ModalityReaders readers) {
  public DatasetContext {
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(readers, "readers");
  }
}
