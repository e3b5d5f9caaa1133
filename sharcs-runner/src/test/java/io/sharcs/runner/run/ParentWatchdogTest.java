package io.sharcs.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The watchdog's test of its parent: alive, and the same process (not a reused pid). */
class ParentWatchdogTest {

  @Test
  void aParentIsAliveOnlyWithItsOwnStartTime() throws Exception {
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().orElseThrow().toEpochMilli();
    assertThat(ParentWatchdog.alive(self.pid(), start)).isTrue();
    assertThat(ParentWatchdog.alive(self.pid(), null)).isTrue();
    assertThat(ParentWatchdog.alive(self.pid(), start - 3_600_000)).as("a reused pid").isFalse();

    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    assertThat(ParentWatchdog.alive(ended.pid(), null)).isFalse();
  }

  @Test
  void thePropertyNamesThisProcessAndItsStartTime() {
    ProcessHandle self = ProcessHandle.current();
    assertThat(ParentWatchdog.currentProcess()).isEqualTo(
        self.pid() + ":" + self.info().startInstant().orElseThrow().toEpochMilli());
  }
}
