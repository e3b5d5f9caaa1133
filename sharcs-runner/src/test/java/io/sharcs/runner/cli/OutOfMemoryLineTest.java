package io.sharcs.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** An OutOfMemoryError is reported as what ran out and the setting to change, never "internal". */
class OutOfMemoryLineTest {

  private static final long MB = 1024L * 1024;

  @Test
  void heapLineNamesTheLimitAndTwiceItAsTheSetting() {
    assertThat(ErrorReporter.outOfMemoryLine(new OutOfMemoryError("Java heap space"), 512 * MB))
        .isEqualTo("out of memory (Java heap, max 512 MB): set SHARCS_JAVA_OPTS=-Xmx1g or reduce"
            + " the data set, the batch size, the image size or the model");
    assertThat(ErrorReporter.outOfMemoryLine(
            new OutOfMemoryError("GC overhead limit exceeded"), 6 * 1024 * MB))
        .startsWith("out of memory (Java heap, max 6.0 GB): set SHARCS_JAVA_OPTS=-Xmx12g or");
    assertThat(ErrorReporter.outOfMemoryLine(new OutOfMemoryError(), 494 * MB))
        .startsWith("out of memory (Java heap, max 494 MB): set SHARCS_JAVA_OPTS=-Xmx1g or");
  }

  @Test
  void otherKindsNameTheirOwnSetting() {
    assertThat(ErrorReporter.outOfMemoryLine(
            new OutOfMemoryError("Direct buffer memory"), 512 * MB))
        .startsWith("out of memory (direct buffers): set"
            + " SHARCS_JAVA_OPTS=-XX:MaxDirectMemorySize=1g or reduce");
    assertThat(ErrorReporter.outOfMemoryLine(
            new OutOfMemoryError("Requested array size exceeds VM limit"), 512 * MB))
        .startsWith("out of memory (an array larger than the JVM allows, 2^31 elements): reduce");
    assertThat(ErrorReporter.outOfMemoryLine(new OutOfMemoryError("Metaspace"), 512 * MB))
        .isEqualTo("out of memory (class metadata, Metaspace): set"
            + " SHARCS_JAVA_OPTS=-XX:MaxMetaspaceSize=1g");
  }

  @Test
  void aCauseAnywhereInTheChainIsFoundAndExitsOne() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ErrorReporter reporter =
        new ErrorReporter(new PrintStream(err, true, StandardCharsets.UTF_8));
    Throwable wrapped = new RuntimeException(new ExecutionException(
        new OutOfMemoryError("Java heap space")));

    int code = reporter.report(wrapped, false);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement()
        .asString().startsWith("sharcs: out of memory (Java heap, max ");
    assertThat(ErrorReporter.outOfMemory(new UncheckedIOException(new java.io.IOException("x"))))
        .isNull();
  }
}
