package io.sharcs.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a {@link DatasetProvider} may write data while loading (a data set generated on first
 * use): the runner allows only places the user asked for, so that an experiment file cannot make
 * it write anywhere writable. A provider calls {@link #check} with the folder before writing
 * anything into it.
 */
@FunctionalInterface
public interface DataWrites {

  /**
   * Checks that data may be written into {@code folder}.
   *
   * @param folder the absolute folder the provider would create or write into
   * @param field the provider's option that named the folder, e.g. {@code root}
   * @throws InvalidConfigException for {@code field} if the folder may not be written
   */
  void check(Path folder, String field);

  /** Writes allowed only inside {@code base} (symbolic links resolved). */
  static DataWrites inside(Path base) {
    return (folder, field) -> {
      if (!isInside(folder, List.of(base))) {
        throw new InvalidConfigException(field, "resolves to " + folder.toAbsolutePath()
            .normalize() + ", outside " + base.toAbsolutePath().normalize()
            + ", expected a folder inside it to generate data into");
      }
    };
  }

  /**
   * Whether {@code folder} lies inside (or is) one of {@code bases}, comparing real paths: the
   * longest existing part of each path has its symbolic links resolved, so that a link inside a
   * base cannot lead out of it.
   */
  static boolean isInside(Path folder, List<Path> bases) {
    Path real = realPath(folder);
    for (Path base : bases) {
      if (real.startsWith(realPath(base))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The real path of {@code path}: its longest existing ancestor resolved with {@link
   * Path#toRealPath}, followed by the rest, normalised.
   */
  static Path realPath(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      return abs;
    }
  }
}
