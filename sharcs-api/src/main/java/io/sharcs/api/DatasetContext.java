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
 * @param writes where the provider may write (generate) data; it asks before writing anything
 */
public record DatasetContext(
    long seed, Path baseDirectory, String configFile, ModalityReaders readers, DataWrites writes) {
  public DatasetContext {
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(readers, "readers");
    Objects.requireNonNull(writes, "writes");
  }

  /** A context whose provider may write only inside {@code baseDirectory}. */
  public DatasetContext(
      long seed, Path baseDirectory, String configFile, ModalityReaders readers) {
    this(seed, baseDirectory, configFile, readers, DataWrites.inside(baseDirectory));
  }
}
