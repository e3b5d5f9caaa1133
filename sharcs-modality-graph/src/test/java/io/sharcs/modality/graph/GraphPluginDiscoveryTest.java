package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.PreprocessingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphPluginDiscoveryTest {

  @Test
  @SuppressWarnings("rawtypes")
  void serviceLoaderFindsTheGraphPlugin() {
    assertThat(ServiceLoader.load(ModalityPlugin.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(
            p -> {
              assertThat(p.id()).isEqualTo("graph");
              assertThat(p).isInstanceOf(GraphPlugin.class);
              assertThat(ModalityDefinition.of((ModalityPlugin<?, ?>) p).sampleType())
                  .isEqualTo(GraphSample.class);
            });
  }

  @Test
  void refusesAForeignEncoderConfig() {
    EncoderConfig foreign = new EncoderConfig() {};

    assertThatThrownBy(() -> ModalityDefinition.of(new GraphPlugin()).options(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expects options GraphEncoderConfig");
  }

  @Test
  void savedShapeLoadsBack(@TempDir Path dir) throws Exception {
    var definition = ModalityDefinition.of(new GraphPlugin());
    var fitted = definition.fit(
        PreprocessingData.of(List.of(TestGraphs.path(3), TestGraphs.path(8)), "t"),
        GraphEncoderConfig.DEFAULTS);
    fitted.save(dir, "graph");
    assertThat(definition.load(dir, "graph", GraphEncoderConfig.DEFAULTS).preprocessor())
        .isEqualTo(new GraphShape(1, 8));
  }
}
