package io.sharcs.runner.datasets.manifest;

import io.sharcs.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The folder of a manifest file: relative paths in its rows resolve here and must stay inside it,
 * also after following symbolic links, so a manifest cannot read files it was not shipped with.
 */
final class ManifestFolder {

  private final Path real;

  ManifestFolder(Path folder) {
    try {
      this.real = folder.toRealPath();
    } catch (IOException e) {
      throw new InvalidInputException(folder + ": cannot open the manifest's folder ("
          + e.getMessage() + ")", e);
    }
  }

  /**
   * The existing regular file {@code relative} names.
   *
   * @param where the file, line and column, for messages
   * @throws InvalidInputException if the path is absolute, leaves the folder, or names no file
   */
  Path resolve(String relative, String where) {
    Path given;
    try {
      given = Path.of(relative);
    } catch (InvalidPathException e) {
      throw new InvalidInputException(where + ": found '" + relative
          + "', expected a valid relative path (" + e.getReason() + ")");
    }
    if (given.isAbsolute()) {
      throw new InvalidInputException(where + ": found the absolute path '" + relative
          + "', expected a path relative to the manifest's folder");
    }
    Path file = real.resolve(given).normalize();
    if (!file.startsWith(real)) {
      throw new InvalidInputException(where + ": found '" + relative
          + "', which leaves the manifest's folder, expected a path inside it");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(where + ": found '" + relative
          + "', but no such file, expected an existing file inside the manifest's folder");
    }
    try {
      if (!file.toRealPath().startsWith(real)) {
        throw new InvalidInputException(where + ": found '" + relative
            + "', a link to a file outside the manifest's folder, expected a file inside it");
      }
    } catch (IOException e) {
      throw new InvalidInputException(where + ": cannot read '" + relative + "' ("
          + e.getMessage() + ")", e);
    }
    return file;
  }
}
