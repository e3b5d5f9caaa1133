package io.sharcs.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochProfileTest {

  @TempDir Path work;

  @Test
  void onlyOperationsOutsideOthersAreTopLevel() throws Exception {
    // Thread 1: matmul (holding mm and its own view) then add; thread 2: one ones.
    Path trace = Fixtures.write(work, "t.json", """
        {"traceEvents": [
          {"ph": "X", "name": "aten::matmul", "pid": 1, "tid": 1, "ts": 10, "dur": 20},
          {"ph": "X", "name": "aten::mm", "pid": 1, "tid": 1, "ts": 12, "dur": 10},
          {"ph": "X", "name": "aten::view", "pid": 1, "tid": 1, "ts": 25, "dur": 5},
          {"ph": "X", "name": "aten::add", "pid": 1, "tid": 1, "ts": 30, "dur": 4},
          {"ph": "i", "name": "marker", "pid": 1, "tid": 1, "ts": 31},
          {"ph": "X", "name": "aten::ones", "pid": 1, "tid": 2, "ts": 11, "dur": 3}
        ]}
        """);

    EpochProfile.Summary s = EpochProfile.summarise(trace, 4, 2, 100);

    assertThat(s.topLevelOps()).isEqualTo(3);
    assertThat(s.allOps()).isEqualTo(5);
    assertThat(s.opsPerStep()).isEqualTo(1.5);
    assertThat(s.nativeMillis()).isEqualTo(0.027);
    assertThat(s.rows()).extracting(EpochProfile.OpRow::name)
        .containsExactly("aten::matmul", "aten::add", "aten::ones");
    assertThat(s.line()).startsWith("profile: epoch 4, 2 training steps: 1.5 engine operations");
  }

  @Test
  void aRunRecordsTheEnginesOperationsOfOneEpoch() throws Exception {
    Path example = Path.of("..", "examples", "xor-and-xor.yaml").toAbsolutePath().normalize();
    Fixtures.CliResult r = Fixtures.cli(Fixtures.workingIn(work), "run", example.toString(),
        "--out", "run", "--set", "training.epochs=3", "--set", "dataset.size=200",
        "--set", "dataset.train_size=160", "--profile-epoch", "2");

    assertThat(r.code()).as(r.err()).isZero();
    // 160 rows in batches of 64: 64, 64, 32.
    assertThat(r.outLines()).anySatisfy(l ->
        assertThat(l).startsWith("profile: epoch 2, 3 training steps: "));
    Path folder = work.resolve("run/profile");
    assertThat(folder.resolve("epoch-2.trace.json")).isNotEmptyFile();
    List<String> csv = Files.readAllLines(folder.resolve("epoch-2-ops.csv"));
    assertThat(csv.get(0)).isEqualTo("operation,calls_per_step,microseconds_per_step");
    // Every step runs a backward pass and the optimiser's in-place updates.
    assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("aten::sub_,"));
    assertThat(String.join("\n", csv)).contains("autograd::engine::evaluate_function");
  }

  @Test
  void anEpochOutsideTheRunIsOneLine() {
    Path example = Path.of("..", "examples", "xor-and-xor.yaml").toAbsolutePath().normalize();
    Fixtures.CliResult r = Fixtures.cli(Fixtures.workingIn(work), "run", example.toString(),
        "--out", "run", "--set", "training.epochs=3", "--profile-epoch", "4");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "sharcs: --profile-epoch: got 4, expected an epoch of this run: 1 to 3");
    assertThat(work.resolve("run")).doesNotExist();
  }
}
