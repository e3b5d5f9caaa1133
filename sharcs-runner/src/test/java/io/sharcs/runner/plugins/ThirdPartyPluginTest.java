package io.sharcs.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.TrainingPipeline;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/third-party-plugin} compiled against sharcs-api (and the DJL api and Jackson it
 * exposes) only, jarred, dropped into a plugin folder, and used for a short SHARCS run beside
 * the built-in tabular plugin, with no change to any sharcs module.
 */
class ThirdPartyPluginTest {

  private static final Path PROJECT = repository().resolve("examples/third-party-plugin");

  @TempDir Path work;

  @Test
  void theExamplePluginRunsFromAPluginFolderBesideABuiltInModality() throws IOException {
    Path jar = buildExample(work.resolve("plugins/sharcs-series-plugin.jar"));
    RunnerEnvironment env = Fixtures.env(work, TrainingPipeline.sharcs())
        .withPlugins(new PluginDiscovery(work.toString(), null, List.of(), work));

    Fixtures.CliResult listed = Fixtures.cli(env, "plugins");
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).contains(
        "com.example.series.SeriesPlugin (" + jar + ")",
        "com.example.series.SeriesTableProvider (" + jar + ")",
        "io.sharcs.modality.tabular.TabularPlugin (built-in)");

    // The example's experiment, shortened: fewer samples and epochs, no report.
    String experiment = Files.readString(PROJECT.resolve("series-and-table.yaml"))
        .replace("size: 400", "size: 240").replace("train_size: 320", "train_size: 180")
        .replace("epochs: 60", "epochs: 40")
        .replace("runtime: {threads: 1}", "runtime: {threads: 1}\nreport: false");
    Path file = work.resolve("series.yaml");
    Files.writeString(file, experiment);
    Fixtures.CliResult run = Fixtures.cli(env, "run", file.toString(), "--out",
        work.resolve("run").toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode metrics = new ObjectMapper().readTree(work.resolve("run/metrics.json").toFile());
    // Both hidden bits are visible in both modalities: far above the 0.5 of guessing.
    assertThat(metrics.path("accuracy.test").asDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(metrics.has("missing_modality_accuracy.series")).isTrue();
    String provenance = Files.readString(work.resolve("run/provenance.json"));
    assertThat(provenance).contains("series");
  }

  @Test
  void theExamplePluginPassesTheConformanceKit() throws IOException {
    buildExample(work.resolve("plugins/sharcs-series-plugin.jar"));
    PluginCatalog catalog = new PluginDiscovery(work.toString(), null, List.of(), work).get();
    assertThat(catalog.broken()).isEmpty();
    io.sharcs.api.ModalityPlugin<?, ?> series = catalog.modalities().stream()
        .filter(d -> d.id().equals("series")).findFirst().orElseThrow().plugin();
    ObjectMapper json = new ObjectMapper();
    io.sharcs.api.testkit.PluginConformance.assertConforms(series, List.of(
        json.readTree("[0, 1, 2, 3, 2, 1, 0, 1]"),
        json.readTree("{\"values\": [1, 1, 1, 1, 1, 1, 1, 1]}"),
        json.readTree("[3, 0, 3, 0, 3, 0, 3, 0]")));
  }

  @Test
  void aSweepsRunsFindAPluginGivenOnlyWithPluginPath() throws IOException {
    // Not in the sharcs home nor in SHARCS_PLUGIN_PATH: the child JVMs must be given the folder.
    Path jar = buildExample(work.resolve("elsewhere/sharcs-series-plugin.jar"));
    String experiment = Files.readString(PROJECT.resolve("series-and-table.yaml"))
        .replace("size: 400", "size: 120").replace("train_size: 320", "train_size: 90")
        .replace("epochs: 60", "epochs: 2")
        .replace("runtime: {threads: 1}", "runtime: {threads: 1}\nreport: false\n"
            + "sweep: {seed: [0]}");
    Files.writeString(work.resolve("series.yaml"), experiment);
    RunnerEnvironment env = Fixtures.workingIn(work);

    Fixtures.CliResult r = Fixtures.cli(env, "--plugin-path", "elsewhere", "sweep", "series.yaml",
        "--jobs", "1", "--out", "sweep");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.outLines()).anyMatch(l -> l.startsWith("[1/1] sharcs/seed-0 done in"));
    Path run = work.resolve("sweep/sharcs/seed-0");
    assertThat(run.resolve("metrics.json")).exists();
    // The child's command line names the folder absolutely (children may start elsewhere).
    JsonNode provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
    assertThat(provenance.get("command_line").toString())
        .contains("\"--plugin-path\",\"" + jar.getParent() + "\"");
    assertThat(provenance.get("plugins").toString()).contains("com.example.series.SeriesPlugin");
  }

  /** Compiles the example's sources against the api's class path only and jars them. */
  static Path buildExample(Path jar) throws IOException {
    Map<String, String> sources = new TreeMap<>();
    Path src = PROJECT.resolve("src/main/java");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        sources.put(src.relativize(f).toString(), Files.readString(f));
      }
    }
    Map<String, String> resources = new TreeMap<>();
    Path res = PROJECT.resolve("src/main/resources");
    try (Stream<Path> files = Files.walk(res)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        resources.put(res.relativize(f).toString().replace('\\', '/'), Files.readString(f));
      }
    }
    return TestJars.build(jar, sources, resources, apiClassPath());
  }

  /**
   * The class path a plugin author compiles against: sharcs-api and what it exposes (the DJL api,
   * Jackson), none of the runner, the core or the built-in plugins.
   */
  private static String apiClassPath() {
    String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.contains("sharcs-api") || e.matches(".*[/\\\\]api-0\\.36\\.0\\.jar")
            || e.contains("jackson-"))
        .collect(Collectors.joining(File.pathSeparator));
    assertThat(cp).contains("sharcs-api");
    return cp;
  }

  private static Path repository() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples/third-party-plugin"))) {
      p = p.getParent();
    }
    assertThat(p).as("repository root").isNotNull();
    return p;
  }
}
