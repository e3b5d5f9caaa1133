package io.sharcs.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a {@link DatasetProvider} may use while loading.
 *
 * @param seed the seed for anything random in generation or splitting
 * @param baseDirectory the directory that relative paths in the experiment file resolve against
 * @param configFile the experiment file, for error messages
 * @param readers reads raw samples through the plugins bound to the experiment's modalities
 * @param writes where the provider may write (generate) data; it asks before writing anything
 * @param progress takes progress lines for the user (e.g. what a generation will cost before
 *     it starts), one line per call, without a line break
 */
public record DatasetContext(
    long seed,
    Path baseDirectory,
    String configFile,
    ModalityReaders readers,
    DataWrites writes,
    Consumer<String> progress) {
  public DatasetContext {
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(readers, "readers");
    Objects.requireNonNull(writes, "writes");
    Objects.requireNonNull(progress, "progress");
  }

  /**
   * A context whose provider may write only inside {@code baseDirectory} and whose progress lines
   * go nowhere.
   */
  public DatasetContext(
      long seed, Path baseDirectory, String configFile, ModalityReaders readers) {
    this(seed, baseDirectory, configFile, readers, DataWrites.inside(baseDirectory), line -> {});
  }
}
