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
 * @param protocol the experiment's protocol, {@value #CLEAN} or {@value #REFERENCE}: a data set
 *     whose reference construction has a flaw the clean protocol fixes (HalfMNIST's test split
 *     holds one half-kind only) builds it the reference's way only under {@value #REFERENCE}
 */
public record DatasetContext(
    long seed,
    Path baseDirectory,
    String configFile,
    ModalityReaders readers,
    DataWrites writes,
    Consumer<String> progress,
    String protocol) {

  /** The protocol name of the clean protocol (the default). */
  public static final String CLEAN = "clean";

  /** The protocol name of the reference protocol (the official code's behaviour). */
  public static final String REFERENCE = "reference";

  public DatasetContext {
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(readers, "readers");
    Objects.requireNonNull(writes, "writes");
    Objects.requireNonNull(progress, "progress");
    if (!CLEAN.equals(protocol) && !REFERENCE.equals(protocol)) {
      throw new IllegalArgumentException(
          "protocol: got '" + protocol + "', expected " + CLEAN + " or " + REFERENCE);
    }
  }

  /** A context under the clean protocol. */
  public DatasetContext(
      long seed,
      Path baseDirectory,
      String configFile,
      ModalityReaders readers,
      DataWrites writes,
      Consumer<String> progress) {
    this(seed, baseDirectory, configFile, readers, writes, progress, CLEAN);
  }

  /** Whether the experiment runs under the reference protocol. */
  public boolean referenceProtocol() {
    return REFERENCE.equals(protocol);
  }

  /**
   * A context under the clean protocol whose provider may write only inside {@code baseDirectory}
   * and whose progress lines go nowhere.
   */
  public DatasetContext(
      long seed, Path baseDirectory, String configFile, ModalityReaders readers) {
    this(seed, baseDirectory, configFile, readers, DataWrites.inside(baseDirectory), line -> {},
        CLEAN);
  }
}
