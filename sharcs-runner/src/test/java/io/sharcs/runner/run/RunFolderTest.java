package io.sharcs.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

  @TempDir Path dir;

  @Test
  void stagingDoesNotTouchTheRunFolderAndDiscardRemovesIt() {
    Path target = dir.resolve("runs/a/seed-0");
    Fixtures.previousRun(target);
    Map<String, String> before = Fixtures.snapshot(dir);

    RunFolder folder = RunFolder.stage(target);
    assertThat(folder.staging().getFileName().toString())
        .isEqualTo(".seed-0.staging-" + ProcessHandle.current().pid());
    assertThat(folder.staging().getParent()).isEqualTo(target.getParent());
    Fixtures.write(folder.staging(), "metrics.json", "{}");
    folder.discard();

    assertThat(Fixtures.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void commitMovesEverythingInAndReplacesDirectoriesWhole() throws Exception {
    Path target = dir.resolve("seed-0");
    Fixtures.previousRun(target);
    Fixtures.write(target, "notes.txt", "kept");

    RunFolder folder = RunFolder.stage(target);
    Fixtures.write(folder.staging(), "config.resolved.yaml", "new config");
    Fixtures.write(folder.staging().resolve("model"), "m-0001.params", "new weights");
    Fixtures.write(folder.staging(), "metrics.json", "{\"a\": 1}");
    folder.commit();

    assertThat(target.resolve("config.resolved.yaml")).hasContent("new config");
    assertThat(target.resolve("model/m-0001.params")).hasContent("new weights");
    assertThat(target.resolve("model/sharcs-0150.params")).doesNotExist();
    assertThat(target.resolve("metrics.json")).hasContent("{\"a\": 1}");
    assertThat(target.resolve("provenance.json")).exists();
    assertThat(target.resolve("notes.txt")).hasContent("kept");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s).containsExactly(target);
    }
  }

  @Test
  void aRunWithoutMetricsLeavesTheFolderMarkedIncomplete() {
    Path target = dir.resolve("seed-1");
    Fixtures.previousRun(target);
    RunFolder folder = RunFolder.stage(target);
    Fixtures.write(folder.staging(), "config.resolved.yaml", "new config");
    folder.commit();
    assertThat(target.resolve("metrics.json")).doesNotExist();
  }
}
