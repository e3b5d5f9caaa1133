package io.sharcs.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.config.NetworkPart;
import io.sharcs.core.config.SeparationConfig;
import io.sharcs.core.config.TrainingPhase;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ExperimentLoader;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.datasets.TestReaders;
import io.sharcs.runner.datasets.clevr.ClevrConfig;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.run.RunnerEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLEVR example experiments bind (with stand-ins for the text and image plugins). */
class ClevrExamplesTest {

  private static final Path EXAMPLES = repository().resolve("examples");

  @TempDir Path dir;

  /** The real plugins and data sets, as `./sharcs` discovers them. */
  private static final ExperimentLoader LOADER =
      new ExperimentLoader(Fixtures.registry(PluginCatalog.discover()));

  private static Experiment load(String example, String... sets) {
    return LOADER.load(EXAMPLES.resolve(example), "examples/" + example,
        ConfigOverrides.parse(null, null, List.of(sets), "examples/" + example));
  }

  @Test
  void anImageWeightsPathResolvesAgainstTheExperimentFolder() throws Exception {
    Experiment e = load("clevr.yaml", "modalities.1.encoder.weights=weights/encoder.params");
    Object options = e.modalities().get(1).options();
    Path weights = (Path) options.getClass().getMethod("weights").invoke(options);
    assertThat(weights).isEqualTo(EXAMPLES.resolve("weights/encoder.params").toAbsolutePath()
        .normalize());
  }

  @Test
  void generatedExampleBindsItsSettings() {
    Experiment e = load("clevr.yaml");
    ClevrConfig config = (ClevrConfig) e.dataset().config();

    assertThat(config).isEqualTo(new ClevrConfig("../data/clevr-generated", "questions.json",
        "images", "scenes.json", 0.8, false, new ClevrConfig.Generate(8000, 0L, "uniform")));
    assertThat(e.modalities()).extracting(ModalityBinding::name)
        .containsExactly("text", "image");
    assertThat(e.modalities().get(1).options().toString()).contains("width=64, height=64");
    assertThat(e.model().concepts()).isEqualTo(24);
    assertThat(e.training().batchSize()).isEqualTo(100);
    assertThat(e.training().pairProbability()).isEqualTo(1.0);
    assertThat(e.training().lambda()).isEqualTo(1.0);
    assertThat(e.training().epochs()).isEqualTo(100);
    // The reference's two phases (the local path, then frozen encoders and the shared concept
    // space), then everything trained in the shared space, with the separating term.
    assertThat(e.training().separation()).isEqualTo(new SeparationConfig(30, 1));
    assertThat(e.training().phases()).extracting(TrainingPhase::epochs)
        .containsExactly(30, 10, 60);
    assertThat(e.training().phases()).extracting(TrainingPhase::sharedSpace)
        .containsExactly(false, true, true);
    assertThat(e.training().phases().get(1).trainableParts())
        .containsExactlyInAnyOrder(NetworkPart.PROJECTIONS, NetworkPart.PREDICTOR);
    assertThat(e.training().phases().get(2).trainableParts())
        .containsExactlyInAnyOrder(NetworkPart.values());
  }

  @Test
  void threeModalExampleAddsTheStatistics() {
    Experiment e = load("clevr-3modal.yaml");
    assertThat(((ClevrConfig) e.dataset().config()).statisticsModality()).isTrue();
    assertThat(e.modalities()).extracting(ModalityBinding::name)
        .containsExactly("text", "image", "stats");
  }

  @Test
  void miniExampleTakesItsRootFromTheCommandLine() {
    assertThatThrownBy(() -> load("clevr-mini.yaml"))
        .isInstanceOf(InputError.class)
        .hasMessageStartingWith("examples/clevr-mini.yaml: dataset.root: missing");

    Experiment e = load("clevr-mini.yaml", "dataset.root=../../shared/data/clevr-mini");
    assertThat(((ClevrConfig) e.dataset().config()).root())
        .isEqualTo("../../shared/data/clevr-mini");
    // The documented command finds the mini set next to the repository (when it is there).
    Path mini = EXAMPLES.resolve("../../shared/data/clevr-mini").normalize();
    assumeTrue(Files.isDirectory(mini), mini + " is absent");
    MultimodalDataset d = e.dataset().provider().load(
        e.dataset().config(), TestReaders.context(0, EXAMPLES, "examples/clevr-mini.yaml"));
    assertThat(d.train().size() + d.test().size()).isEqualTo(101);
  }

  @Test
  void badDatasetOptionsAreOneLineErrorsWithTheirPath() {
    assertThatThrownBy(() -> load("clevr.yaml", "dataset.generate.questions=1"))
        .isInstanceOf(InputError.class)
        .hasMessage("examples/clevr.yaml: dataset.generate.questions: got 1, expected an"
            + " integer >= 2");
    assertThatThrownBy(() -> load("clevr.yaml", "dataset.train_fraction=1"))
        .isInstanceOf(InputError.class)
        .hasMessageStartingWith("examples/clevr.yaml: dataset.train_fraction: got 1.0");
    assertThatThrownBy(() -> load("clevr.yaml", "dataset.train_fration=0.5"))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("dataset.train_fration: unknown key, expected one of")
        .hasMessageContaining("statistics_modality");
  }

  @Test
  void imagePretrainingOptionsBindFromTheCommandLineAndFailWithTheirPath() {
    Experiment e = load("clevr.yaml", "modalities.1.encoder.pretrain.epochs=10",
        "modalities.1.encoder.freeze_convolutions=true");
    assertThat(e.modalities().get(1).options().toString())
        .contains("freezeConvolutions=true")
        .contains("AutoencoderPretrainingConfig[epochs=10, learningRate=0.003, batchSize=100]");
    assertThatThrownBy(() -> load("clevr.yaml", "modalities.1.encoder.pretrain.epochs=-1"))
        .isInstanceOf(InputError.class)
        .hasMessage("examples/clevr.yaml: modalities[1].encoder.pretrain.epochs: got -1, expected"
            + " an integer >= 0 (0 = no pretraining)");
    assertThatThrownBy(() -> load("clevr.yaml", "modalities.1.encoder.pretrain.epoch=3"))
        .isInstanceOf(InputError.class)
        .hasMessage("examples/clevr.yaml: modalities[1].encoder.pretrain.epoch: unknown key,"
            + " expected one of batch_size, epochs, learning_rate");
  }

  @Test
  void generateCommandWritesADataSetAndRejectsBadCounts() {
    Fixtures.CliResult ok = Fixtures.cli(installed(),
        "generate", "clevr", "--questions", "4", "--seed", "3", "--out", "gen");
    assertThat(ok.code()).isZero();
    assertThat(ok.outLines()).hasSize(2);
    assertThat(ok.outLines().get(0)).startsWith("generating 4 questions (2 scenes, about 44 KB,")
        .endsWith(" into " + dir.resolve("gen"));
    assertThat(ok.outLines().get(1))
        .startsWith("wrote 4 questions about 2 scenes (images/, questions.json, scenes.json)"
            + " and a manifest of 4 rows (rows.csv, manifest.yaml) to " + dir.resolve("gen"));
    assertThat(dir.resolve("gen/questions.json")).exists();
    assertThat(dir.resolve("gen/images/CLEVR_new_000001.png")).exists();
    assertThat(dir.resolve("gen/rows.csv")).content()
        .contains(",\"images/CLEVR_new_000001.png\",");

    Fixtures.CliResult again = Fixtures.cli(installed(),
        "generate", "clevr", "--questions", "4", "--out", "gen");
    assertThat(again.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(again.errLines()).singleElement().asString().contains("exists already");

    Fixtures.CliResult bad = Fixtures.cli(installed(),
        "generate", "clevr", "--questions", "1", "--out", "x");
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.errLines()).containsExactly(
        "sharcs: --questions: got 1, expected an integer >= 2");

    Fixtures.CliResult near = Fixtures.cli(installed(),
        "generate", "clevr", "--questions", "4", "--negatives", "NEAR", "--out", "near");
    assertThat(near.code()).isZero();
    assertThat(dir.resolve("near/questions.json")).content().contains("\"negatives\":\"near\"");
    assertThat(dir.resolve("gen/questions.json")).content().contains("\"negatives\":\"uniform\"");

    Fixtures.CliResult kind = Fixtures.cli(installed(),
        "generate", "clevr", "--questions", "4", "--negatives", "far", "--out", "y");
    assertThat(kind.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(kind.errLines()).containsExactly(
        "sharcs: --negatives: got 'far', expected uniform or near");
    assertThat(dir.resolve("y")).doesNotExist();

    Fixtures.CliResult none = Fixtures.cli(installed(), "generate");
    assertThat(none.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(none.errLines()).singleElement().asString().contains("expected clevr");
  }

  /** The plugins on the class path, as the launcher finds them, rooted at {@code dir}. */
  private RunnerEnvironment installed() {
    return Fixtures.env(dir, Fixtures.neverCalled()).withPlugins(PluginCatalog::discover);
  }

  private static Path repository() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no folder with mvnw above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
