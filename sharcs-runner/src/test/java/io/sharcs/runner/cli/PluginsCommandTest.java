package io.sharcs.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.DuplicateGraphPlugin;
import io.sharcs.runner.FakeGraphPlugin;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.run.RunnerEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginsCommandTest {

  @Test
  void listsModalityPluginsAndDataSetProviders() {
    Fixtures.CliResult r =
        Fixtures.cli(Fixtures.env(Path.of("."), Fixtures.neverCalled()), "plugins");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.outLines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo("modality plugins:");
    assertThat(lines.get(1)).matches(
        "  graph +dev  test graphs +io\\.sharcs\\.runner\\.FakeGraphPlugin \\(built-in\\)");
    assertThat(lines.get(2)).matches(
        "  tabular +dev  test tables +io\\.sharcs\\.runner\\.FakeTablePlugin \\(built-in\\)");
    assertThat(lines.get(3)).isEqualTo("data set providers:");
    assertThat(lines.get(4)).startsWith("  xor-and-xor").contains("XOR-AND-XOR")
        .endsWith("io.sharcs.runner.datasets.xor.XorAndXorProvider (built-in)");
  }

  @Test
  void saysNoneWhenNothingIsInstalled() {
    Fixtures.CliResult r = Fixtures.cli(
        Fixtures.env(Path.of("."), Fixtures.neverCalled())
            .withPlugins(() -> PluginCatalog.of(List.of(), List.of())),
        "plugins");
    assertThat(r.code()).isZero();
    assertThat(r.outLines()).containsExactly(
        "modality plugins:", "  (none)", "data set providers:", "  (none)");
  }

  @Test
  void aDuplicatePluginIdIsOneLineBeforeAnyCommandRuns() {
    Fixtures.CliResult r = Fixtures.cli(
        Fixtures.env(Path.of("."), Fixtures.neverCalled())
            .withPlugins(() -> PluginCatalog.of(
                List.of(new FakeGraphPlugin(), new DuplicateGraphPlugin()), List.of())),
        "plugins");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("sharcs: duplicate modality plugin id 'graph': provided by");
  }

  @Test
  void helpAndVersionGoToStdout() {
    RunnerEnvironment env = Fixtures.env(Path.of("."), Fixtures.neverCalled());
    Fixtures.CliResult help = Fixtures.cli(env, "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: sharcs", "run", "plugins", "--verbose");
    Fixtures.CliResult runHelp = Fixtures.cli(env, "run", "--help");
    assertThat(runHelp.out()).contains("EXPERIMENT", "--seed", "--mode", "--out", "--set");
    Fixtures.CliResult version = Fixtures.cli(env, "--version");
    assertThat(version.out()).startsWith("sharcs ");
  }

  @Test
  void noCommandIsAUsageError() {
    Fixtures.CliResult r =
        Fixtures.cli(Fixtures.env(Path.of("."), Fixtures.neverCalled()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly(
        "sharcs: missing command, expected run, sweep, report, explain, predict, generate or plugins (see 'sharcs --help')");
  }
}
