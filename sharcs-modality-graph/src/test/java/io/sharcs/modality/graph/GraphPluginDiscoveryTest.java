package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.ConceptSampling;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InputSpec;
import io.sharcs.api.ModalityPlugin;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GraphPluginDiscoveryTest {

  @Test
  @SuppressWarnings("rawtypes")
  void serviceLoaderFindsTheGraphPlugin() {
    assertThat(ServiceLoader.load(ModalityPlugin.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(
            p -> {
              assertThat(p.id()).isEqualTo("graph");
              assertThat(p).isInstanceOf(GraphPlugin.class);
              assertThat(p.sampleType()).isEqualTo(GraphSample.class);
            });
  }

  @Test
  void refusesAForeignEncoderConfig() {
    EncoderConfig foreign = new EncoderConfig() {};
    EncoderContext context =
        new EncoderContext(7, new InputSpec(1, 10, "t"), ConceptSampling.STOCHASTIC_ALWAYS);

    assertThatThrownBy(() -> new GraphPlugin().createEncoder(foreign, context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expects encoder config GraphEncoderConfig");
  }
}
