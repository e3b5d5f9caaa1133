package io.sharcs.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.NetworkPart;
import io.sharcs.core.config.PhaseLoss;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.runner.FakeGraphPlugin;
import io.sharcs.runner.FakeTablePlugin;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.datasets.xor.XorAndXorConfig;
import io.sharcs.runner.plugins.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {

  private static final String MINIMAL = """
      dataset: {type: xor-and-xor}
      modalities:
        - {name: graph, plugin: graph}
        - name: table
          plugin: tabular
          encoder:
      """;

  @TempDir Path dir;
  private final PluginRegistry registry = Fixtures.registry();
  private final ExperimentLoader loader = new ExperimentLoader(registry);

  private Experiment load(String name, String text, ConfigOverrides overrides) {
    Path file = Fixtures.write(dir, name, text);
    return loader.load(file, name, overrides);
  }

  @Test
  void leftOutKeysTakeTheirDefaults() {
    Experiment e = load("minimal-run.yaml", MINIMAL, ConfigOverrides.none());
    assertThat(e.name()).isEqualTo("minimal-run");
    assertThat(e.seed()).isZero();
    assertThat(e.mode()).isEqualTo(Mode.SHARCS);
    assertThat(e.protocol()).isEqualTo(Protocol.CLEAN);
    assertThat(e.model()).isEqualTo(ModelConfig.DEFAULTS);
    assertThat(e.training()).isEqualTo(TrainingConfig.DEFAULTS);
    assertThat(e.runtime()).isEqualTo(RuntimeConfig.DEFAULTS);
    assertThat(e.dataset().provider().id()).isEqualTo("xor-and-xor");
    assertThat(e.dataset().config()).isEqualTo(XorAndXorConfig.DEFAULTS);
    assertThat(e.modalities()).extracting(ModalityBinding::options)
        .containsExactly(FakeGraphPlugin.Encoder.DEFAULTS, FakeTablePlugin.Encoder.DEFAULTS);
  }

  @Test
  void fileKeysWinOverDefaultsKeyByKey() {
    Experiment e = load("x.yaml", MINIMAL.replace("{type: xor-and-xor}",
            "{type: xor-and-xor, size: 900}").replace("plugin: graph}",
            "plugin: graph, encoder: {hidden: 12}}")
            + "training: {epochs: 3}\nmode: Multi_CBM\nprotocol: REFERENCE\n",
        ConfigOverrides.none());
    assertThat(e.training()).isEqualTo(new TrainingConfig(3, 64, 1e-3, 0.1, 0.1, false));
    assertThat(e.dataset().config()).isEqualTo(new XorAndXorConfig(900, 800, 0.2));
    assertThat(e.modalities().get(0).options())
        .isEqualTo(new FakeGraphPlugin.Encoder(5, 12, 0.01, 1.0));
    assertThat(e.mode()).isEqualTo(Mode.MULTI_CBM);
    assertThat(e.protocol()).isEqualTo(Protocol.REFERENCE);
  }

  @Test
  void overridesApplyBeforeBinding() {
    Experiment e = load("x.yaml", MINIMAL, ConfigOverrides.parse(9L, "multi-cbm",
        List.of("training.epochs=10", "protocol=reference",
            "modalities.1.encoder.hidden=[20,20]", "dataset.train_size=900"), "x.yaml"));
    assertThat(e.seed()).isEqualTo(9L);
    assertThat(e.mode()).isEqualTo(Mode.MULTI_CBM);
    assertThat(e.protocol()).isEqualTo(Protocol.REFERENCE);
    assertThat(e.training().epochs()).isEqualTo(10);
    assertThat(e.modalities().get(1).options())
        .isEqualTo(new FakeTablePlugin.Encoder(List.of(20, 20)));
    assertThat(e.dataset().config()).isEqualTo(new XorAndXorConfig(1000, 900, 0.2));
  }

  @Test
  void theResolvedConfigLoadsToTheSameExperiment() throws Exception {
    Experiment e = load("x.yaml", Fixtures.EXPERIMENT, ConfigOverrides.parse(4L, "multi-cbm",
        List.of("training.learning_rate=0.0003", "modalities.1.encoder.hidden=[7, 3]",
            "name='0123'"), "x.yaml"));
    String yaml = ResolvedConfig.toYaml(e);
    Path written = Files.writeString(dir.resolve("config.resolved.yaml"), yaml);
    Experiment again = loader.load(written, "config.resolved.yaml", ConfigOverrides.none());
    assertThat(again).isEqualTo(e);
    assertThat(ResolvedConfig.toYaml(again)).isEqualTo(yaml);
    assertThat(yaml).contains("name: \"0123\"", "edge_noise: 0.2", "mode: multi-cbm");
  }

  @Test
  void theMnistScheduleBindsAndRoundTrips() throws Exception {
    // The reference's MNIST training (method spec 3.2) as an experiment file.
    String mnist = Fixtures.EXPERIMENT.replace(
        "training: {epochs: 150, batch_size: 64, learning_rate: 0.001, lambda: 0.1,"
            + " pair_probability: 0.1, class_weights: false}",
        """
        training:
          epochs: 30
          class_weights: true
          learning_rates: {encoders.graph.conv: 0.01}
          phases:
            - {epochs: 17, loss: local}
            - {epochs: 13, trainable: [projections, predictor]}
        """);
    Experiment e = load("mnist.yaml", mnist, ConfigOverrides.parse(null, null,
        List.of("training.learning_rates.encoders.table=0.002", "model.local_head_hidden=32"),
        "mnist.yaml"));
    TrainingConfig t = e.training();
    assertThat(t.phases()).hasSize(2);
    assertThat(t.phases().get(0).loss()).containsExactly(PhaseLoss.LOCAL);
    assertThat(t.phases().get(0).trainedParts())
        .containsExactlyInAnyOrder(NetworkPart.ENCODERS, NetworkPart.LOCAL_HEADS);
    assertThat(t.phases().get(1).loss()).containsExactly(PhaseLoss.TASK);
    assertThat(t.phases().get(1).trainedParts())
        .containsExactlyInAnyOrder(NetworkPart.PROJECTIONS, NetworkPart.PREDICTOR);
    assertThat(t.firstLocalPhase()).isZero();
    // Flat keys from the file and nested ones from --set are the same kind of key.
    assertThat(t.learningRates().rates())
        .containsExactly(Map.entry("encoders.graph.conv", 0.01), Map.entry("encoders.table", 0.002));
    assertThat(e.model().localHeadHidden()).isEqualTo(32);

    String yaml = ResolvedConfig.toYaml(e);
    assertThat(yaml).contains("loss: local", "encoders.graph.conv: 0.01", "local_head_hidden: 32");
    Path written = Files.writeString(dir.resolve("config.resolved.yaml"), yaml);
    assertThat(loader.load(written, "config.resolved.yaml", ConfigOverrides.none())).isEqualTo(e);

    // Both terms at once, as a list.
    Experiment both = load("both.yaml", mnist.replace("{epochs: 17, loss: local}",
        "{epochs: 17, loss: [task, local]}"), ConfigOverrides.none());
    assertThat(both.training().phases().get(0).loss())
        .containsExactly(PhaseLoss.TASK, PhaseLoss.LOCAL);
  }

  @Test
  void theResolvedConfigAlsoRoundTripsThroughJson() throws Exception {
    Experiment e = load("x.yaml", Fixtures.EXPERIMENT, ConfigOverrides.none());
    String json = ConfigMappers.json().writeValueAsString(
        ResolvedConfig.toTree(e, ConfigMappers.json()));
    Path written = Files.writeString(dir.resolve("exp.json"), json);
    assertThat(loader.load(written, "exp.json", ConfigOverrides.none())).isEqualTo(e);
  }

  @Test
  void theExampleFileBinds() {
    Path example = Path.of("..", "examples", "xor-and-xor.yaml");
    Experiment e = loader.load(example, "examples/xor-and-xor.yaml", ConfigOverrides.none());
    assertThat(e.name()).isEqualTo("xor-and-xor");
    assertThat(e.dataset().config()).isEqualTo(new XorAndXorConfig(1000, 800, 0.2));
    assertThat(e.modalities()).extracting(ModalityBinding::name)
        .containsExactly("graph", "table");
    assertThat(e.modalities().get(0).options())
        .isEqualTo(new FakeGraphPlugin.Encoder(5, 30, 0.01, 1.0));
    assertThat(e.model()).isEqualTo(new ModelConfig(7, 5, 7, 10));
    assertThat(e.training()).isEqualTo(TrainingConfig.DEFAULTS);
    assertThat(e.runtime().threads()).isEqualTo(ThreadCount.AUTO);
  }
}
