package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.DataWrites;
import io.sharcs.api.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the superpixel cache goes: the option, else the data's folder, else nowhere allowed. */
class MnistCacheFolderTest {

  @TempDir Path dir;

  @Test
  void theOptionWinsAndMustBeAllowed() {
    Path data = dir.resolve("data");
    assertThat(MnistSource.cacheFolder(config("mine"), dir, data, DataWrites.inside(dir)))
        .isEqualTo(dir.resolve("mine"));
    assertThatThrownBy(() -> MnistSource.cacheFolder(config("/elsewhere"), dir, data,
        DataWrites.inside(dir))).isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("cache: resolves to /elsewhere, outside ");
  }

  @Test
  void theDataFolderWhenWritableAndAllowed() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    assertThat(MnistSource.cacheFolder(config(null), dir, data, DataWrites.inside(dir)))
        .isEqualTo(data);
    // Not allowed (the run did not ask for writes there): not the data folder.
    Path other = Files.createDirectories(dir.resolve("other"));
    assertThat(MnistSource.cacheFolder(config(null), dir, data, DataWrites.inside(other)))
        .isNotEqualTo(data);
  }

  @Test
  void aReadOnlyDataFolderIsNeverWrittenEvenBySuperUsers() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // The working directory's .sharcs-cache is outside dir, so not allowed here: nowhere.
      assertThat(MnistSource.cacheFolder(config(null), dir, data, DataWrites.inside(dir)))
          .isNull();
    } finally {
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static MnistConfig config(String cache) {
    return new MnistConfig("data", null, null, 100, 0.8, SuperpixelOptions.DEFAULTS, cache);
  }
}
