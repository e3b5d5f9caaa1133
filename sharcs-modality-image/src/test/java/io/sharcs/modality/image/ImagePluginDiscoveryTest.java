package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.ModalityPlugin;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ImagePluginDiscoveryTest {

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void serviceLoaderFindsTheImagePlugin() {
    assertThat(ServiceLoader.load(ModalityPlugin.class).stream().map(ServiceLoader.Provider::get))
        .filteredOn(p -> p.id().equals("image"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p).isInstanceOf(ImagePlugin.class);
              ModalityDefinition<?, ?> definition = ModalityDefinition.of((ModalityPlugin) p);
              assertThat(definition.id()).isEqualTo("image");
              assertThat(definition.sampleType()).isEqualTo(ImageSample.class);
              assertThat(definition.optionsType()).isEqualTo(ImageEncoderConfig.class);
              assertThat(definition.defaults()).isEqualTo(ImageEncoderConfig.DEFAULTS);
              assertThat(definition.pretraining()).isPresent();
              assertThat(definition.description()).isNotBlank().doesNotContain("\n");
            });
  }

  @Test
  void refusesAForeignEncoderConfig() {
    EncoderConfig foreign = new EncoderConfig() {};

    assertThatThrownBy(() -> ModalityDefinition.of(new ImagePlugin()).options(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modality plugin 'image' expects options ImageEncoderConfig");
  }
}
