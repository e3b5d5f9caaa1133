package io.sharcs.runner.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds plugin jars for tests: Java sources compiled against the test class path, jarred. */
final class TestJars {

  private TestJars() {}

  /**
   * Compiles {@code sources} (file name to text, e.g. {@code acme/Series.java}) and writes a jar
   * with the classes and the given extra entries (service files).
   */
  static Path build(Path jar, Map<String, String> sources, Map<String, String> entries) {
    return build(jar, sources, entries, System.getProperty("java.class.path"));
  }

  /** As {@link #build(Path, Map, Map)}, compiled against {@code classPath} only. */
  static Path build(
      Path jar, Map<String, String> sources, Map<String, String> entries, String classPath) {
    try {
      // The sources sit beside the jar: the plugin folder's scan takes only *.jar files.
      Files.createDirectories(jar.getParent());
      Path work = Files.createTempDirectory(jar.getParent(), "src");
      List<String> args = new ArrayList<>(List.of(
          "-d", work.resolve("classes").toString(),
          "-cp", classPath, "--release", "17", "-proc:none", "-nowarn"));
      for (Map.Entry<String, String> s : sources.entrySet()) {
        Path file = work.resolve("src").resolve(s.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, s.getValue());
        args.add(file.toString());
      }
      Files.createDirectories(work.resolve("classes"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      if (!sources.isEmpty()
          && javac.run(null, log, log, args.toArray(String[]::new)) != 0) {
        throw new AssertionError("test plugin does not compile: " + log);
      }
      Files.createDirectories(jar.getParent());
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream j = new JarOutputStream(out);
          Stream<Path> classes = Files.walk(work.resolve("classes"))) {
        for (Path c : classes.filter(Files::isRegularFile).sorted().toList()) {
          j.putNextEntry(new JarEntry(
              work.resolve("classes").relativize(c).toString().replace('\\', '/')));
          j.write(Files.readAllBytes(c));
          j.closeEntry();
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
          j.putNextEntry(new JarEntry(e.getKey()));
          j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
          j.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The service file entry listing {@code classes} as modality plugins. */
  static Map.Entry<String, String> modalities(String... classes) {
    return Map.entry("META-INF/services/io.sharcs.api.ModalityPlugin",
        "# test\n" + String.join("\n", classes) + "\n");
  }

  /** A modality plugin class {@code acme.<name>} with id {@code id} whose constructor runs {@code body}. */
  static Map.Entry<String, String> plugin(String name, String id, String body) {
    return Map.entry("acme/" + name + ".java", """
        package acme;
        public final class %s
            extends io.sharcs.runner.FakeModalityPlugin<io.sharcs.runner.FakeGraphPlugin.Encoder> {
          public %s() { %s }
          @Override public String id() { return "%s"; }
          @Override public String description() { return "series from a jar"; }
          @Override protected Class<io.sharcs.runner.FakeGraphPlugin.Encoder> optionsType() {
            return io.sharcs.runner.FakeGraphPlugin.Encoder.class;
          }
          @Override protected io.sharcs.runner.FakeGraphPlugin.Encoder defaults() {
            return io.sharcs.runner.FakeGraphPlugin.Encoder.DEFAULTS;
          }
        }
        """.formatted(name, name, body, id));
  }
}
