package io.sharcs.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.runner.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadRuleTest {

  @TempDir Path work;

  @Test
  void smallInputsKeepOneThreadLargeOnesTakeEveryCore() {
    assertThat(ThreadRule.threads(126, 2)).isEqualTo(1);
    assertThat(ThreadRule.threads(ThreadRule.LARGE_INPUT - 1, 2)).isEqualTo(1);
    assertThat(ThreadRule.threads(ThreadRule.LARGE_INPUT, 2)).isEqualTo(2);
    assertThat(ThreadRule.threads(12_310, 8)).isEqualTo(8);
    assertThat(ThreadRule.threads(12_310, 1)).isEqualTo(1);
  }

  @Test
  void autoMeasuresTheInputsAndRecordsWhatItChose() throws Exception {
    String threads = System.getProperty(DjlRuntime.NUM_THREADS);
    try {
      Path example = Path.of("..", "examples", "xor-and-xor.yaml").toAbsolutePath().normalize();
      Fixtures.CliResult r = Fixtures.cli(Fixtures.workingIn(work), "run", example.toString(),
          "--out", "run", "--set", "training.epochs=1", "--set", "dataset.size=100",
          "--set", "dataset.train_size=80", "--set", "runtime.threads=auto");

      assertThat(r.code()).as(r.err()).isZero();
      // Ten nodes: features 10, adjacency 100, mask 10; six table columns.
      assertThat(r.outLines().get(0))
          .contains("(80 train, 20 test), 1 thread (auto: 126 input values a sample) -> run");
      JsonNode p = new ObjectMapper().readTree(work.resolve("run/provenance.json").toFile());
      assertThat(p.get("threads").asInt()).isEqualTo(1);
      assertThat(p.get("threads_setting").asText()).isEqualTo("auto");
      assertThat(work.resolve("run/config.resolved.yaml"))
          .content().contains("threads: auto");
    } finally {
      if (threads == null) {
        System.clearProperty(DjlRuntime.NUM_THREADS);
      } else {
        System.setProperty(DjlRuntime.NUM_THREADS, threads);
      }
    }
  }
}
