package io.sharcs.runner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.core.saved.Prediction;
import io.sharcs.core.train.EpochReport;
import io.sharcs.runner.datasets.xor.XorAndXorGenerator;
import io.sharcs.runner.datasets.xor.XorAndXorSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API in process: an experiment built in code, trained, loaded, queried; its errors. */
class SharcsApiTest {

  @TempDir static Path tmp;
  static Path run;
  static final List<EpochReport> epochs = new ArrayList<>();

  @BeforeAll
  static void train() {
    run = Sharcs.experiment("api-xor")
        .dataset("xor-and-xor", Map.of("size", 400, "train_size", 300))
        .modality("graph", "graph", Map.of("encoder", Map.of("hidden", 30)))
        .modality("table", "tabular", Map.of("encoder", Map.of("hidden", List.of(30))))
        .set("training.epochs", 60)
        .set("training.batch_size", 32)
        .onEpoch(epochs::add)
        .train(tmp.resolve("run"));
  }

  @Test
  void trainsTheInCodeExperimentWithOneCallPerEpoch() {
    assertThat(run).isEqualTo(tmp.resolve("run").toAbsolutePath());
    assertThat(epochs).hasSize(60);
    assertThat(epochs).extracting(EpochReport::epoch).startsWith(1, 2).endsWith(60);
    assertThat(epochs.get(59).loss()).isLessThan(epochs.get(0).loss());
    assertThat(run.resolve("metrics.json")).isRegularFile();
  }

  @Test
  void predictsAsTheSavedModelDoesWithAndWithoutTheGraph() {
    List<XorAndXorSample> fresh = new XorAndXorGenerator(0.0).generate(200, 999);
    try (SharcsModel model = Sharcs.load(run)) {
      assertThat(model.modalities()).containsExactly("graph", "table");
      assertThat(model.classNames()).containsExactly("0", "1");
      int correct = 0;
      for (XorAndXorSample s : fresh) {
        Map<String, Object> both = Map.of("graph", s.graph().toJson(), "table", s.table().toJson());
        SharcsPrediction p = model.predict(both);
        Prediction core = model.loaded().predict(List.of(Map.<String, Object>of(
            "graph", readGraph(model, both), "table", readTable(model, both)))).get(0);
        assertThat(p.label()).isEqualTo(core.label());
        assertThat(p.probabilities().values()).containsExactly(
            core.probabilities()[0], core.probabilities()[1]);
        assertThat(p.retrieved()).isEmpty();
        correct += p.className().equals(Integer.toString(s.label())) ? 1 : 0;
      }
      System.out.printf("API accuracy on 200 fresh XOR samples: %.3f%n", correct / 200.0);
      assertThat(correct).isGreaterThan(140);

      SharcsPrediction tableOnly = model.predict(Map.of("table", fresh.get(0).table().toJson()));
      assertThat(tableOnly.retrieved()).containsOnlyKeys("graph");
      assertThat(tableOnly.retrieved().get("graph").sampleId()).startsWith("xor-");
      assertThat(tableOnly.retrieved().get("graph").distance()).isGreaterThanOrEqualTo(0);
      // Same input, same answer: retrieval and prediction are deterministic.
      assertThat(model.predict(Map.of("table", fresh.get(0).table().toJson())))
          .isEqualTo(tableOnly);
    }
  }

  @Test
  void explainsWithTheCatalogueSentencesOfTheRun() {
    try (SharcsModel model = Sharcs.load(run)) {
      SharcsExplanation e = model.explain(Map.of("table", List.of(0, 1, 0, 0, 1, 1)));
      assertThat(e.prediction().className()).isEqualTo("0");
      assertThat(e.concepts()).isNotEmpty().allSatisfy(c -> {
        assertThat(c.modality()).isEqualTo("table");
        assertThat(c.set()).isIn("table", "shared");
        assertThat(c.value()).isGreaterThan(0.5);
        assertThat(c.sentence()).startsWith(c.set() + " concept " + c.index() + ": ");
      });
    }
  }

  @Test
  void withoutExplanationsTheSentencesAreNull() throws Exception {
    Path copy = tmp.resolve("no-explanations");
    copyTree(run, copy);
    Files.delete(copy.resolve("explanations.json"));
    try (SharcsModel model = Sharcs.load(copy)) {
      assertThat(model.explain(Map.of("table", List.of(0, 1, 0, 0, 1, 1))).concepts())
          .isNotEmpty().allSatisfy(c -> assertThat(c.sentence()).isNull());
    }
  }

  @Test
  void badSamplesAreOneLineInputErrors() {
    try (SharcsModel model = Sharcs.load(run)) {
      assertBadInput(() -> model.predict(Map.of("image", "x.png")),
          "sample: unknown modality 'image', expected one of the model's modalities [graph, table]");
      assertBadInput(() -> model.predict(Map.of()),
          "sample: no modality given, expected at least one of [graph, table]");
      assertBadInput(() -> model.predict(Map.of("table", List.of("a", 1))),
          "sample modality 'table': column 0 is string \"a\", expected a number");
      assertBadInput(() -> model.predict(Map.of("graph", "not a graph")), "sample modality 'graph'");
      model.close();
      assertBadInput(() -> model.predict(Map.of("table", List.of(0, 1, 0, 0, 1, 1))),
          "the model is closed");
    }
  }

  @Test
  void badExperimentsAndFoldersAreOneLineInputErrors() {
    assertBadInput(() -> Sharcs.load(tmp.resolve("nowhere")), "no model folder");
    assertBadInput(() -> Sharcs.experiment("x").dataset("csv", Map.of())
        .modality("a", "tabular", Map.of()).modality("b", "graph", Map.of())
        .train(tmp.resolve("bad")), "dataset.type");
    assertBadInput(() -> Sharcs.experiment(tmp.resolve("missing.yaml")).train(tmp.resolve("bad")),
        "file not found");
    assertBadInput(() -> Sharcs.experiment(tmp.resolve("missing.yaml")).dataset("x", Map.of()),
        "expected set(key, value)");
    assertThat(tmp.resolve("bad")).doesNotExist();
  }

  private static void assertBadInput(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      String expected) {
    assertThatThrownBy(call).isInstanceOfSatisfying(SharcsException.class, e -> {
      assertThat(e.badInput()).as(e.getMessage()).isTrue();
      assertThat(e.getMessage()).contains(expected).doesNotContain("\n");
    });
  }

  private static Object readGraph(SharcsModel model, Map<String, Object> sample) {
    return readWith(model, "graph", sample);
  }

  private static Object readTable(SharcsModel model, Map<String, Object> sample) {
    return readWith(model, "table", sample);
  }

  private static Object readWith(SharcsModel model, String name, Map<String, Object> sample) {
    return io.sharcs.runner.plugins.PluginCatalog.discover().modalities().stream()
        .filter(d -> d.id().equals(name.equals("table") ? "tabular" : "graph")).findFirst()
        .orElseThrow().reader().read((com.fasterxml.jackson.databind.JsonNode) sample.get(name),
            name);
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
