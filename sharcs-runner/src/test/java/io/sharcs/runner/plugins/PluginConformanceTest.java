package io.sharcs.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.Preprocessing;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.nn.Layers;
import io.sharcs.api.nn.Tensors;
import io.sharcs.api.testkit.ConformanceReport;
import io.sharcs.api.testkit.PluginConformance;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin authors' conformance kit, run over the four built-in plugins and a broken one. */
class PluginConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A built-in plugin as the runner finds it (the plugin modules are runtime dependencies). */
  private static ModalityPlugin<?, ?> builtIn(String id) {
    return PluginCatalog.discover().modalities().stream().filter(d -> d.id().equals(id))
        .findFirst().orElseThrow().plugin();
  }

  private static List<JsonNode> json(String... values) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String v : values) {
      try {
        nodes.add(JSON.readTree(v));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return nodes;
  }

  @Test
  void tabularConforms() {
    PluginConformance.assertConforms(builtIn("tabular"),
        json("[0.5, 1, 2]", "[1.5, 0, -1]", "[0, 0, 3]"));
  }

  @Test
  void graphConforms() {
    ConformanceReport report = PluginConformance.check(builtIn("graph"), json(
        "{\"x\": [[1], [0], [1]], \"edges\": [[0, 1], [1, 2]]}",
        "{\"x\": [0, 1, 1, 0], \"edges\": [[0, 1], [1, 2], [2, 3]], \"pos\": [[0,0],[1,0],[1,1],[0,1]]}",
        "{\"x\": [[1], [1]], \"edges\": []}"), null);
    report.assertPassed();
    assertThat(report.steps()).extracting(ConformanceReport.Step::name).containsExactly(
        "setup", "read", "sample form", "read refuses bad input", "fit", "batch",
        "batch determinism", "forward concepts", "determinism", "concepts arrays freed",
        "forward embedding", "embedding arrays freed", "save/load", "render");
  }

  @Test
  void textConforms() {
    PluginConformance.assertConforms(builtIn("text"), json(
        "\"a red cube on the left\"", "\"a small blue sphere\"", "\"the cube is red\""));
  }

  @Test
  void imageConforms(@TempDir Path dir) throws IOException {
    List<JsonNode> samples = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          image.setRGB(x, y, ((x * 16 + i * 40) << 16) | (y * 16) << 8 | (i * 80));
        }
      }
      Path file = dir.resolve("image" + i + ".png");
      ImageIO.write(image, "png", file.toFile());
      samples.add(TextNode.valueOf(file.toString()));
    }
    PluginConformance.assertConforms(builtIn("image"), samples);
  }

  /** Options of the broken plugin below. */
  public record NoOptions(int width) implements EncoderConfig {}

  /** A plain vector preprocessor. */
  public record ShortBatch(int width) implements Preprocessor<float[]> {
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

  /** Reads with a NullPointerException on null, and outputs twice the width asked for. */
  public static final class Careless implements ModalityPlugin<float[], NoOptions> {
    private final io.sharcs.api.SampleForm form;

    public Careless() {
      this(io.sharcs.api.SampleForm.JSON);
    }

    Careless(io.sharcs.api.SampleForm form) {
      this.form = form;
    }

    @Override
    public String id() {
      return "careless";
    }

    @Override
    public String description() {
      return "breaks the contract";
    }

    @Override
    public void setup(ModalitySetup<float[], NoOptions> setup) {
      setup.samples(float[].class, (node, where) -> {
        float[] v = new float[node.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = node.get(i).floatValue();
        }
        if (node.isNull()) {
          throw new NullPointerException("node");
        }
        return v;
      }, form);
      setup.options(NoOptions.class, new NoOptions(2));
      setup.encoder(
          Preprocessing.stateless(ShortBatch.class, (d, o) -> new ShortBatch(d.all().get(0).length)),
          (o, p, context) -> Layers.linear(p.width(), context.outputs() * 2));
    }
  }

  @Test
  void aPluginThatBreaksTheContractIsToldWhichSteps() {
    ConformanceReport report = PluginConformance.check(
        new Careless(), json("[1, 2]", "[3, 4]"), null);
    assertThat(report.passed()).isFalse();
    assertThat(report.failures()).extracting(ConformanceReport.Step::name)
        .containsExactly("read refuses bad input", "forward concepts", "forward embedding");
    assertThat(report.failures().get(1).detail()).isEqualTo(
        "output (2, 6) in evaluation mode, expected one array of shape (2, 3) = (batch, width"
            + " asked for in EncoderContext.outputs())");
    assertThatThrownBy(() -> PluginConformance.assertConforms(
            new Careless(), json("[1, 2]", "[3, 4]")))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("3 conformance step(s) failed (read refuses bad input, forward"
            + " concepts, forward embedding)")
        .hasMessageContaining("  FAIL forward concepts: output (2, 6)");
  }

  @Test
  void samplesThatDoNotHaveTheDeclaredFormFailThatStep() {
    ConformanceReport text = PluginConformance.check(
        new Careless(io.sharcs.api.SampleForm.TEXT), json("[1, 2]", "[3, 4]"), null);
    assertThat(text.failures()).extracting(ConformanceReport.Step::name)
        .contains("sample form");
    assertThat(text.failures().get(0).detail()).isEqualTo("conformance sample 0 is not a"
        + " non-blank string, expected a value of the declared form TEXT");
    ConformanceReport numbers = PluginConformance.check(
        new Careless(io.sharcs.api.SampleForm.NUMBERS), json("[1, 2]", "[3, 4, 5]"), null);
    assertThat(numbers.failures()).extracting(ConformanceReport.Step::name)
        .contains("sample form");
    assertThat(numbers.failures().get(0).detail()).isEqualTo("conformance sample 1 has 3"
        + " numbers where sample 0 has 2, expected a value of the declared form NUMBERS");
    ConformanceReport fits = PluginConformance.check(
        new Careless(io.sharcs.api.SampleForm.NUMBERS), json("[1, 2]", "[3, 4]"), null);
    assertThat(fits.failures()).extracting(ConformanceReport.Step::name)
        .doesNotContain("sample form");
  }

  @Test
  void fewerThanTwoSamplesIsRefused() {
    assertThatThrownBy(() -> PluginConformance.check(builtIn("tabular"), json("[1]"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("got 1 sample(s), expected at least 2");
  }
}
