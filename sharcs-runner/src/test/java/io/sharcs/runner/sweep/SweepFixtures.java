package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.ConfigMappers;
import io.sharcs.runner.SharcsCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import io.sharcs.runner.RunnerEnvironment;

/** Helpers of the sweep tests: a tiny experiment, the CLI, YAML values, folder snapshots. */
final class SweepFixtures {

  /** XOR-AND-XOR small enough that a whole run (JVM start included) takes a few seconds. */
  static final String TINY = """
      name: tiny
      seed: 0
      mode: sharcs
      dataset: {type: xor-and-xor, size: 120, train_size: 100}
      modalities:
        - name: graph
          plugin: graph
          encoder: {layers: 5, hidden: 30, negative_slope: 0.01, temperature: 1.0}
        - name: table
          plugin: tabular
          encoder: {hidden: [30]}
      training: {epochs: 3}
      """;

  private SweepFixtures() {}

  /** The outcome of one CLI call. */
  record CliResult(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    List<String> outLines() {
      return out.lines().toList();
    }
  }

  /** The real plugins and pipeline, rooted at {@code work}. */
  static RunnerEnvironment env(Path work) {
    return RunnerEnvironment.system().withWorkingDirectory(work).withGitCommit(dir -> null);
  }

  static CliResult cli(RunnerEnvironment env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = SharcsCli.execute(args, o, e, env);
    }
    return new CliResult(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String name, String text) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML value, as a sweep block holds it. */
  static JsonNode yaml(String text) {
    try {
      return ConfigMappers.yaml().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sweep key with YAML values. */
  static SweepKey key(String key, String... values) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String v : values) {
      nodes.add(yaml(v));
    }
    return new SweepKey(key, nodes);
  }

  static JsonNode json(Path file) {
    try {
      return ConfigMappers.json().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file below {@code root} with its bytes in hex ("" for directories). */
  static Map<String, String> snapshot(Path root) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        files.put(root.relativize(p) + (Files.isDirectory(p) ? "/" : ""),
            Files.isRegularFile(p) ? HexFormat.of().formatHex(Files.readAllBytes(p)) : "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
