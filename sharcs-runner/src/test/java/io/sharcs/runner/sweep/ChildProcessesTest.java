package io.sharcs.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.cli.SharcsCli;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Children are started like this JVM and stopped with the sweep. */
class ChildProcessesTest {

  @Test
  void stoppingEndsTheRunningChildrenAndStartsNoMore() throws Exception {
    ChildProcesses children = new ChildProcesses();
    try {
      Process sleeper = children.start(new ProcessBuilder("sleep", "60"));
      assertThat(sleeper.isAlive()).isTrue();

      children.stopAll();

      assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
      assertThat(children.stopping()).isTrue();
      assertThat(children.start(new ProcessBuilder("sleep", "60"))).isNull();
    } finally {
      children.close();
    }
  }

  @Test
  void aChildRunsTheCliWithThisJvmsJavaOptionsAndClassPath() throws Exception {
    List<String> cmd = ChildJvm.current(new ChildMain(io.sharcs.runner.cli.SharcsCli.class.getName(), "--verbose")).command(List.of("--version"));
    assertThat(cmd.get(0)).endsWith("java");
    int cp = cmd.indexOf("-cp");
    assertThat(cp).isPositive();
    assertThat(cmd.subList(cp + 2, cmd.size()))
        .containsExactly(SharcsCli.class.getName(), "--version");
    assertThat(cmd).noneMatch(a -> a.contains("jdwp"));

    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(output).isZero();
    assertThat(output).startsWith("sharcs ");
  }
}
