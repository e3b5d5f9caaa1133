package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.config.TrainingPhase;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ExperimentLoader;
import io.sharcs.runner.plugins.PluginCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The four MNIST examples bind through the discovered plugins and data sets, with the reference's
 * settings (data are not loaded: the 60,000-digit examples need the full MNIST files).
 */
class MnistExamplesTest {

  private static final ExperimentLoader LOADER =
      new ExperimentLoader(Fixtures.registry(PluginCatalog.discover()));

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "mnist-superpixels.yaml, mnist, 60000, 28", "mnist-superpixels-10k.yaml, mnist-10k, 10000, 28",
    "half-mnist.yaml, mnist, 60000, 14", "half-mnist-10k.yaml, mnist-10k, 10000, 14"
  })
  void bindsWithTheReferenceSettings(String example, String folder, int digits, int height) {
    Experiment e = load(example);
    MnistConfig data = (MnistConfig) e.dataset().config();
    assertThat(data.digits()).isEqualTo(digits);
    assertThat(Path.of(data.root()).getFileName()).hasToString(folder);
    assertThat(data.trainSize()).isEqualTo(digits * 8 / 10);
    assertThat(e.model().concepts()).isEqualTo(12);
    assertThat(e.training().epochs()).isEqualTo(30);
    String encoders = e.modalities().toString();
    assertThat(encoders).contains("architecture=spline").contains("architecture=reference")
        .contains("height=" + height).contains("channels=1");
  }

  /**
   * The long variant is the reference's example with 31 + 24 epochs instead of 17 + 13 (chosen on
   * a validation split, docs/results/mnist.md) and nothing else changed.
   */
  @Test
  void theLongVariantDiffersFromTheReferenceOnlyInItsStagesLengths() {
    Experiment reference = load("mnist-superpixels.yaml");
    Experiment longer = load("mnist-superpixels-long.yaml");
    TrainingConfig r = reference.training();
    TrainingConfig l = longer.training();
    assertThat(r.phases()).extracting(TrainingPhase::epochs).containsExactly(17, 13);
    assertThat(l.phases()).extracting(TrainingPhase::epochs).containsExactly(31, 24);
    for (int i = 0; i < 2; i++) {
      TrainingPhase p = r.phases().get(i);
      assertThat(l.phases().get(i)).isEqualTo(
          new TrainingPhase(l.phases().get(i).epochs(), p.sharedSpace(), p.trainable(), p.loss()));
    }
    assertThat(l.epochs()).isEqualTo(55);
    assertThat(new TrainingConfig(r.epochs(), l.batchSize(), l.learningRate(), l.lambda(),
        l.pairProbability(), l.classWeights(), r.phases(), l.gradientClip(), l.separation(),
        l.learningRates())).isEqualTo(r);
    assertThat(longer.dataset().config()).isEqualTo(reference.dataset().config());
    assertThat(longer.model()).isEqualTo(reference.model());
    assertThat(longer.modalities()).hasToString(reference.modalities().toString());
    assertThat(longer.seed()).isEqualTo(reference.seed());
    assertThat(longer.mode()).isEqualTo(reference.mode());
    assertThat(longer.protocol()).isEqualTo(reference.protocol());
    assertThat(longer.report()).isEqualTo(reference.report());
    assertThat(longer.runtime()).isEqualTo(reference.runtime());
  }

  private static Experiment load(String example) {
    return LOADER.load(repository().resolve("examples").resolve(example), "examples/" + example,
        ConfigOverrides.parse(null, null, List.of(), "examples/" + example));
  }

  private static Path repository() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    return p;
  }
}
