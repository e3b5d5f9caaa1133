package io.sharcs.runner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java API example, exactly as written there: extracted from README.md, compiled
 * with the system Java compiler against this module's test class path, and run in its own JVM in
 * a folder holding a copy of {@code examples/xor-and-xor.yaml}.
 */
class ReadmeExampleTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern EXAMPLE = Pattern.compile(
      "<!-- java-api-example -->\\s*```java\\n(.*?)```\\s*<!-- /java-api-example -->",
      Pattern.DOTALL);

  @Test
  void theReadmeExampleCompilesTrainsPredictsAndExplains(@TempDir Path tmp) throws Exception {
    String code = example();
    assertThat(code.lines().count()).as("README example lines").isBetween(15L, 25L);
    Path src = Files.createDirectories(tmp.resolve("src")).resolve("Example.java");
    Files.writeString(src, code, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled = javac.getTask(diagnostics, null, null,
        List.of("-classpath", classPath(), "-d", classes.toString(), "-Xlint:all", "-Werror"),
        null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
            .getJavaFileObjects(src)).call();
    assertThat(compiled).as(diagnostics.toString()).isTrue();

    Path work = Files.createDirectories(tmp.resolve("work/examples"));
    Files.copy(ROOT.resolve("examples/xor-and-xor.yaml"), work.resolve("xor-and-xor.yaml"));
    Path log = tmp.resolve("out.txt");
    Process p = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
            "-cp", classes + File.pathSeparator + classPath(), "Example")
        .directory(work.getParent().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the example ends within 5 minutes").isTrue();
    String out = Files.readString(log);
    assertThat(p.exitValue()).as(out).isZero();

    assertThat(out).contains("epoch 1: loss ", "epoch 40: loss ").doesNotContain("epoch 41");
    Matcher prediction = Pattern.compile(
        "class (\\S+) \\{0=([0-9.E-]+), 1=([0-9.E-]+)\\}, graph retrieved from sample (\\S+)")
        .matcher(out);
    assertThat(prediction.find()).as(out).isTrue();
    double p0 = Double.parseDouble(prediction.group(2));
    double p1 = Double.parseDouble(prediction.group(3));
    assertThat(p0 + p1).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    // f1 = f2 = 1 in the row: (f1 xor f2) is 0, so the class is 0 whatever the graph shows.
    assertThat(prediction.group(1)).isEqualTo("0");
    assertThat(prediction.group(4)).isNotBlank();
    assertThat(out.lines().filter(l -> l.matches("(table|shared) concept \\d+: .+")))
        .as("catalogue sentences of the active concepts\n" + out).isNotEmpty();
    assertThat(out).doesNotContain("null\n");
    Path run = work.getParent().resolve("runs/from-java");
    assertThat(run.resolve("metrics.json")).isRegularFile();
    assertThat(run.resolve("explanations.json")).isRegularFile();
    System.out.println("README example output:\n" + out);
  }

  /** The code between the README's example markers. */
  static String example() throws IOException {
    Matcher m = EXAMPLE.matcher(Files.readString(ROOT.resolve("README.md")));
    assertThat(m.find()).as("README.md has the java-api-example block").isTrue();
    return m.group(1);
  }

  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(Path.of(e).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
