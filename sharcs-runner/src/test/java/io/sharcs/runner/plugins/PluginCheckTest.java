package io.sharcs.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import io.sharcs.runner.run.RunnerEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sharcs plugins --check ID --sample FILE}: the conformance kit run through the command
 * line on a built-in plugin and on a careless one loaded from a jar on {@code --plugin-path}.
 */
class PluginCheckTest {

  /**
   * A plugin that reads a JSON null with a NullPointerException and whose encoder outputs {@code
   * extra} more columns than asked for ({@code extra: 1} by default; {@code 0} fixes it).
   */
  private static final String CARELESS = """
      package acme;

      import ai.djl.ndarray.NDList;
      import ai.djl.ndarray.NDManager;
      import ai.djl.ndarray.types.Shape;
      import io.sharcs.api.EncoderConfig;
      import io.sharcs.api.ModalityPlugin;
      import io.sharcs.api.ModalitySetup;
      import io.sharcs.api.Preprocessing;
      import io.sharcs.api.Preprocessor;
      import io.sharcs.api.nn.Layers;
      import io.sharcs.api.nn.Tensors;
      import java.util.List;

      public final class Careless implements ModalityPlugin<float[], Careless.Options> {
        public record Options(int extra) implements EncoderConfig {}

        public record Rows(int width) implements Preprocessor<float[]> {
          @Override
          public NDList batch(List<? extends float[]> samples, NDManager manager) {
            float[] flat = new float[samples.size() * width];
            for (int i = 0; i < samples.size(); i++) {
              System.arraycopy(samples.get(i), 0, flat, i * width, width);
            }
            return new NDList(Tensors.create(manager, flat, new Shape(samples.size(), width)));
          }

          @Override
          public String summary() {
            return width + " values";
          }
        }

        @Override public String id() { return "careless"; }
        @Override public String description() { return "breaks the contract"; }

        @Override
        public void setup(ModalitySetup<float[], Options> setup) {
          setup.samples(float[].class, (node, where) -> {
            float[] v = new float[node.size()];
            for (int i = 0; i < v.length; i++) {
              v[i] = node.get(i).floatValue();
            }
            if (node.isNull()) {
              throw new NullPointerException("node");
            }
            return v;
          });
          setup.options(Options.class, new Options(1));
          setup.encoder(
              Preprocessing.stateless(Rows.class, (d, o) -> new Rows(d.all().get(0).length)),
              (o, p, context) -> Layers.linear(p.width(), context.outputs() + o.extra()));
        }
      }
      """;

  @TempDir Path work;
  private RunnerEnvironment env;
  private Path jar;

  @BeforeEach
  void carelessJarAndSamples() {
    env = Fixtures.workingIn(work);
    jar = TestJars.build(work.resolve("mine/careless.jar"),
        Map.of("acme/Careless.java", CARELESS), Map.ofEntries(TestJars.modalities("acme.Careless")));
    Fixtures.write(work, "a.json", "[[0.5, 1, 2]]");
    Fixtures.write(work, "b.yaml", "- [1.5, 0, -1]\n- [0, 0, 3]\n");
  }

  @Test
  void aBuiltInPluginPassesEveryCheckWithSamplesFromTwoFiles() {
    Fixtures.CliResult r = Fixtures.cli(env, "plugins", "--check", "tabular",
        "--sample", "a.json", "--sample", "b.yaml");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.outLines();
    assertThat(lines.get(0)).matches("plugin 'tabular' \\S+ \\(built-in\\): conformance check on 3"
        + " samples, encoder \\{\"hidden\":\\[30]}");
    assertThat(lines.subList(1, lines.size() - 1)).extracting(l -> l.strip().split(" +")[0])
        .containsExactly("setup", "read", "sample", "read", "fit", "batch", "batch", "forward",
            "determinism", "concepts", "forward", "embedding", "save/load", "render");
    assertThat(lines.subList(1, lines.size() - 1)).allMatch(l -> l.contains("  passed ("));
    assertThat(lines).contains("  read                    passed (3 samples)");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("all 14 checks passed");
  }

  @Test
  void aBrokenPluginFromThePluginPathFailsNamingTheChecks() {
    Fixtures.CliResult r = Fixtures.cli(env, "--plugin-path", "mine", "plugins", "--check",
        "careless", "--sample", "b.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.outLines().get(0)).isEqualTo("plugin 'careless' dev (" + jar
        + "): conformance check on 2 samples, encoder {\"extra\":1}");
    assertThat(r.outLines()).contains(
        "  read refuses bad input  FAILED: a JSON null threw NullPointerException: node,"
            + " expected an InvalidInputException",
        "  forward concepts        FAILED: output (2, 4) in evaluation mode, expected one array"
            + " of shape (2, 3) = (batch, width asked for in EncoderContext.outputs())",
        "  save/load               passed (the loaded preprocessing batches the same tensors"
            + " (3 values))");
    // 9 checks: determinism is not run once forward concepts failed.
    assertThat(r.errLines()).containsExactly("sharcs: plugin 'careless' (" + jar + "): 3 of 10"
        + " conformance checks failed (read refuses bad input, forward concepts, forward"
        + " embedding), expected all to pass (the lines above say why)");
  }

  @Test
  void encoderOptionsReachThePlugin() {
    // extra: 0 makes the encoder's width right: only the reader's fault is left.
    Fixtures.CliResult r = Fixtures.cli(env, "--plugin-path", "mine", "plugins", "--check",
        "careless", "--sample", "b.yaml", "--encoder", "{extra: 0}");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.outLines().get(0)).endsWith("encoder {\"extra\":0}");
    assertThat(r.errLines()).singleElement().asString()
        .contains("1 of 13 conformance checks failed (read refuses bad input)");

    Fixtures.CliResult bad = Fixtures.cli(env, "--plugin-path", "mine", "plugins", "--check",
        "careless", "--sample", "b.yaml", "--encoder", "{extr: 0}");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.errLines()).singleElement().asString().startsWith("sharcs: --encoder: extr: ");
  }

  @Test
  void badInputIsOneLine() {
    assertOneLine(Fixtures.cli(env, "plugins", "--check", "tabular"),
        "sharcs: --sample: missing, expected --sample FILE with at least two samples for plugin"
            + " 'tabular': a JSON or YAML list of samples, each as the plugin reads it from a data"
            + " file");
    assertOneLine(Fixtures.cli(env, "plugins", "--check", "tabular", "--sample", "a.json"),
        "sharcs: a.json: got 1 sample, expected at least 2 (batch normalisation in training mode"
            + " needs two)");
    Fixtures.write(work, "row.json", "{\"x\": [1, 2]}");
    assertOneLine(Fixtures.cli(env, "plugins", "--check", "tabular", "--sample", "row.json"),
        "sharcs: row.json: got a mapping, expected a JSON or YAML list of samples, each as the"
            + " plugin reads it from a data file (a table row is itself a list: [[0.5, 1], [2,"
            + " 0]])");
    assertOneLine(Fixtures.cli(env, "plugins", "--check", "tabular", "--sample", "nope.json"),
        "sharcs: nope.json: file not found, expected a JSON or YAML list of samples, each as the"
            + " plugin reads it from a data file");
    // A sample the plugin rightly refuses is the user's mistake, named by file and position.
    Fixtures.write(work, "mixed.yaml", "- [1, 2]\n- {x: [1]}\n");
    assertOneLine(Fixtures.cli(env, "plugins", "--check", "tabular", "--sample", "mixed.yaml"),
        "sharcs: mixed.yaml [1]: found object {\"x\":[1]}, expected a list of numbers");
    Fixtures.CliResult unknown = Fixtures.cli(env, "plugins", "--check", "careless",
        "--sample", "b.yaml");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.errLines()).singleElement().asString().startsWith(
        "sharcs: --check: got 'careless', expected one of graph, image, tabular, text (plugins"
            + " are looked for in: built-in");
    assertOneLine(Fixtures.cli(env, "plugins", "--sample", "b.yaml"),
        "sharcs: --sample: given without --check, expected --check ID --sample FILE");
  }

  private static void assertOneLine(Fixtures.CliResult r, String line) {
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly(line);
  }
}
