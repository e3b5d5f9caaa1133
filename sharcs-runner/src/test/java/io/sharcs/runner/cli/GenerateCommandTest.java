package io.sharcs.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.run.RunnerEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sharcs generate ID --out DIR --key value...}: generic over the providers' generators. */
class GenerateCommandTest {

  @TempDir Path dir;

  private RunnerEnvironment installed() {
    return Fixtures.env(dir, Fixtures.neverCalled()).withPlugins(PluginCatalog::discover);
  }

  @Test
  void optionsMayBeWrittenWithAnEqualsSign() {
    Fixtures.CliResult r = Fixtures.cli(installed(),
        "generate", "clevr", "--questions=4", "--negatives=near", "--out", "g");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("g/questions.json")).content().contains("\"negatives\":\"near\"");
  }

  @Test
  void anUnknownIdIsOneLine() {
    Fixtures.CliResult r = Fixtures.cli(installed(), "generate", "mnist", "--out", "g");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.errLines()).containsExactly(
        "sharcs: got 'mnist', expected clevr or half-mnist or manifest or mnist-superpixels or"
            + " xor-and-xor (see 'sharcs generate --help')");
  }

  @Test
  void aProviderWithoutGeneratorIsWrittenAsAManifest() {
    Fixtures.CliResult r = Fixtures.cli(installed(), "generate", "xor-and-xor", "--out", "g",
        "--size", "10", "--train-size", "8", "--seed", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("wrote 10 rows of xor-and-xor (seed 3) as a manifest");
    assertThat(dir.resolve("g/rows.csv")).content().startsWith("id,label,split,graph,table_0,");
    assertThat(dir.resolve("g/manifest.yaml")).content().contains("type: \"manifest\"");
  }

  @Test
  void anUnknownOptionListsTheKnownOnes() {
    Fixtures.CliResult r =
        Fixtures.cli(installed(), "generate", "clevr", "--questionz", "4", "--out", "g");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.errLines()).containsExactly(
        "sharcs: --questionz: unknown option, expected one of --negatives, --questions, --seed");
    assertThat(dir.resolve("g")).doesNotExist();
  }

  @Test
  void aValueOfTheWrongTypeIsOneLine() {
    Fixtures.CliResult r =
        Fixtures.cli(installed(), "generate", "clevr", "--questions", "many", "--out", "g");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.errLines())
        .containsExactly("sharcs: --questions: got 'many', expected an integer");
  }

  @Test
  void theHelpListsTheGeneratorsAndTheirOptions() {
    Fixtures.CliResult r = Fixtures.cli(installed(), "generate", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("clevr: ").contains("--questions N");
  }
}
