package io.sharcs.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import io.sharcs.runner.run.RunnerEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars in plugin folders: found, attributed to their jar, and broken ones named. */
class PluginFolderTest {

  @TempDir Path work;

  private RunnerEnvironment env(String home, String envPath) {
    return Fixtures.env(work, Fixtures.neverCalled())
        .withPlugins(new PluginDiscovery(home, envPath, List.of(), work));
  }

  private Path goodJar(Path folder) {
    return TestJars.build(folder.resolve("series.jar"),
        Map.ofEntries(TestJars.plugin("Series", "series", "")),
        Map.ofEntries(TestJars.modalities("acme.Series")));
  }

  @Test
  void aJarInTheHomesPluginsFolderIsListedWithItsPath() {
    Path jar = goodJar(work.resolve("home/plugins"));
    Fixtures.CliResult r = Fixtures.cli(env(work.resolve("home").toString(), null), "plugins");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.outLines()).anyMatch(l -> l.matches(
        "  series +dev +series from a jar +acme\\.Series \\(" + java.util.regex.Pattern.quote(
            jar.toString()) + "\\)"));
    // The built-in plugins of the class path are still there, marked as such.
    assertThat(r.outLines()).anyMatch(l -> l.startsWith("  xor-and-xor") && l.endsWith("(built-in)"));
  }

  @Test
  void theOptionsFoldersAreNamedAgainForAChildProcessAbsolutelyAndOnce() {
    PluginFolders folders = PluginFolders.of("home", "from-env", List.of("x", "from-env", "y/../z"),
        work);
    // The home and the variable reach a child through its JVM options and environment.
    assertThat(folders.optionArguments()).containsExactly(
        "--plugin-path", work.resolve("x").toString(), "--plugin-path", work.resolve("z").toString());
    assertThat(PluginFolders.optionValues(folders.optionArguments()))
        .containsExactly(work.resolve("x").toString(), work.resolve("z").toString());
  }

  @Test
  void theOptionAndTheEnvironmentVariableAddFolders() {
    Path a = goodJar(work.resolve("a"));
    Path b = TestJars.build(work.resolve("b/other.jar"),
        Map.ofEntries(TestJars.plugin("Points", "points", "")),
        Map.ofEntries(TestJars.modalities("acme.Points")));
    Fixtures.CliResult r = Fixtures.cli(env(null, "relative-does-not-matter" + File.pathSeparator
        + work.resolve("a")), "plugins", "--plugin-path", work.resolve("b").toString());
    // The relative folder of the variable does not exist: named as broken, the others load.
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("acme.Series (" + a + ")", "acme.Points (" + b + ")",
        "broken plugins:",
        work.resolve("relative-does-not-matter") + ": no such folder (named by"
            + " SHARCS_PLUGIN_PATH), expected a folder of plugin jars");
  }

  @Test
  void aCorruptJarIsOneLineNamingTheJarAndExitTwo() throws Exception {
    Path jar = work.resolve("p/broken.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "this is not a zip file");
    Fixtures.CliResult r = Fixtures.cli(env(null, null), "run", "x.yaml", "--plugin-path",
        jar.getParent().toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("sharcs: broken plugin: " + jar + ": not a readable jar (ZipException")
        .doesNotContain("\tat ");
  }

  @Test
  void aConstructorThatThrowsIsReportedWithItsCauseAndTheListGoesOn() {
    Path folder = work.resolve("p");
    goodJar(folder);
    Path bad = TestJars.build(folder.resolve("throws.jar"),
        Map.ofEntries(TestJars.plugin("Throws", "throws",
            "throw new IllegalStateException(\"needs SERIES_HOME\","
                + " new java.io.FileNotFoundException(\"/opt/series\"));")),
        Map.ofEntries(TestJars.modalities("acme.Throws")));
    Fixtures.CliResult r =
        Fixtures.cli(env(null, null), "plugins", "--plugin-path=" + folder);
    assertThat(r.code()).isEqualTo(2);
    String line = bad + ": acme.Throws: constructor threw IllegalStateException: needs"
        + " SERIES_HOME (caused by FileNotFoundException: /opt/series)";
    assertThat(r.outLines()).contains("broken plugins:", "  " + line);
    assertThat(r.out()).contains("acme.Series (");
    assertThat(r.errLines()).containsExactly("sharcs: 1 broken plugin (listed above), first: "
        + line);
    // With --verbose, the stack trace follows the line.
    Fixtures.CliResult verbose =
        Fixtures.cli(env(null, null), "run", "x.yaml", "--verbose", "--plugin-path=" + folder);
    assertThat(verbose.code()).isEqualTo(2);
    assertThat(verbose.errLines().get(0)).isEqualTo("sharcs: broken plugin: " + line
        + " (fix or remove it)");
    assertThat(verbose.err()).contains("\tat ");
  }

  @Test
  void aMissingClassAndAClassOfTheWrongTypeAreNamed() {
    Path folder = work.resolve("p");
    Path jar = TestJars.build(folder.resolve("x.jar"),
        Map.ofEntries(Map.entry("acme/NotAPlugin.java",
            "package acme; public class NotAPlugin {}")),
        Map.ofEntries(TestJars.modalities("acme.Missing", "acme.NotAPlugin")));
    Fixtures.CliResult r = Fixtures.cli(env(null, null), "plugins", "--plugin-path", folder.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.outLines()).contains(
        "  " + jar + ": acme.Missing: modality plugin class cannot be loaded"
            + " (ClassNotFoundException: acme.Missing)",
        "  " + jar + ": acme.NotAPlugin: does not implement io.sharcs.api.ModalityPlugin"
            + " (built against another sharcs-api?)");
  }

  @Test
  void anIdClashingWithABuiltInNamesTheJarAndKeepsTheBuiltIn() {
    Path folder = work.resolve("p");
    Path jar = TestJars.build(folder.resolve("clash.jar"),
        Map.ofEntries(TestJars.plugin("Clash", "graph", "")),
        Map.ofEntries(TestJars.modalities("acme.Clash")));
    PluginCatalog catalog = new PluginDiscovery(null, null, List.of(folder.toString()), work).get();
    assertThat(catalog.modalities()).extracting(d -> d.plugin().getClass().getName())
        .doesNotContain("acme.Clash");
    assertThat(catalog.broken()).singleElement().extracting(BrokenPlugin::line).asString()
        .startsWith(jar + ": acme.Clash: modality plugin id 'graph' clashes with ")
        .contains("(built-in), expected each id once");
  }

  @Test
  void aJarWithoutServiceFilesIsNamed() {
    Path folder = work.resolve("p");
    Path jar = TestJars.build(folder.resolve("empty.jar"), Map.of(), Map.of("README", "hi"));
    PluginCatalog catalog = new PluginDiscovery(null, null, List.of(folder.toString()), work).get();
    assertThat(catalog.broken()).extracting(BrokenPlugin::line).containsExactly(
        jar + ": lists no plugin, expected META-INF/services/io.sharcs.api.ModalityPlugin or"
            + " META-INF/services/io.sharcs.api.DatasetProvider");
  }

  @Test
  void anUnknownPluginIdSaysWherePluginsAreLookedFor() throws Exception {
    Path exp = work.resolve("exp.yaml");
    Files.writeString(exp, Fixtures.EXPERIMENT.replace("plugin: tabular", "plugin: series"));
    Fixtures.CliResult r = Fixtures.cli(env(work.resolve("home").toString(), null), "run",
        exp.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .contains("modalities[1].plugin: got 'series', expected one of ")
        .endsWith("(plugins are looked for in: built-in, " + work.resolve("home/plugins")
            + " (sharcs home); add jars with --plugin-path DIR or SHARCS_PLUGIN_PATH)");
  }

  @Test
  void theOptionIsReadBeforeParsing() {
    assertThat(PluginFolders.optionValues(List.of(
        "run", "--plugin-path", "a", "x.yaml", "--plugin-path=b", "--", "--plugin-path", "c")))
        .containsExactly("a", "b");
  }
}
