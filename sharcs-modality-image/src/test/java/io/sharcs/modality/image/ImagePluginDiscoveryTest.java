package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.ConceptSampling;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InputSpec;
import io.sharcs.api.ModalityPlugin;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ImagePluginDiscoveryTest {

  @Test
  @SuppressWarnings("rawtypes")
  void serviceLoaderFindsTheImagePlugin() {
    assertThat(ServiceLoader.load(ModalityPlugin.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(
            p -> {
              assertThat(p.id()).isEqualTo("image");
              assertThat(p).isInstanceOf(ImagePlugin.class);
              assertThat(p.sampleType()).isEqualTo(ImageSample.class);
              assertThat(p.encoderConfigType()).isEqualTo(ImageEncoderConfig.class);
            });
  }

  @Test
  void refusesAForeignEncoderConfig() {
    EncoderConfig foreign = new EncoderConfig() {};
    EncoderContext context =
        new EncoderContext(7, new InputSpec(3, 1, "t"), ConceptSampling.STOCHASTIC_ALWAYS);

    assertThatThrownBy(() -> new ImagePlugin().createEncoder(foreign, context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expects encoder config ImageEncoderConfig");
  }
}
