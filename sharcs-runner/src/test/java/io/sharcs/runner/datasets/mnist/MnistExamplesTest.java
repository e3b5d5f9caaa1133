package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ExperimentLoader;
import io.sharcs.runner.plugins.PluginCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    Path examples = repository().resolve("examples");
    Experiment e = LOADER.load(examples.resolve(example), "examples/" + example,
        ConfigOverrides.parse(null, null, List.of(), "examples/" + example));
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

  private static Path repository() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    return p;
  }
}
