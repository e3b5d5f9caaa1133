package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.sharcs.api.InvalidConfigException;
import org.junit.jupiter.api.Test;

class GraphEncoderConfigTest {

  @Test
  void defaultsAreTheReferenceXorEncoder() {
    assertThat(io.sharcs.api.ModalityDefinition.of(new GraphPlugin()).defaults())
        .isEqualTo(new GraphEncoderConfig(5, 30, 0.01, 1.0));
    assertThat(io.sharcs.api.ModalityDefinition.of(new GraphPlugin()).optionsType()).isEqualTo(GraphEncoderConfig.class);
  }

  @Test
  void rejectsEveryFieldOutOfDomainNamingItInSnakeCase() {
    assertInvalid(() -> new GraphEncoderConfig(0, 30, 0.01, 1), "layers", "got 0, expected");
    assertInvalid(() -> new GraphEncoderConfig(5, -3, 0.01, 1), "hidden", "got -3, expected");
    assertInvalid(
        () -> new GraphEncoderConfig(5, 30, -0.1, 1), "negative_slope", "got -0.1, expected");
    assertInvalid(
        () -> new GraphEncoderConfig(5, 30, Double.NaN, 1), "negative_slope", "got NaN");
    assertInvalid(() -> new GraphEncoderConfig(5, 30, 0.01, 0), "temperature", "got 0.0");
    assertInvalid(
        () -> new GraphEncoderConfig(5, 30, 0.01, Double.POSITIVE_INFINITY),
        "temperature",
        "got Infinity");
  }

  @Test
  void acceptsASingleLayerAndZeroSlope() {
    assertThat(new GraphEncoderConfig(1, 1, 0, 0.5).layers()).isEqualTo(1);
  }

  @Test
  void bindsFromSnakeCaseKeysAndSurfacesValidationErrors() throws Exception {
    ObjectMapper mapper = new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    assertThat(mapper.readValue(
            "{\"layers\": 3, \"hidden\": 16, \"negative_slope\": 0.2, \"temperature\": 0.5}",
            GraphEncoderConfig.class))
        .isEqualTo(new GraphEncoderConfig(3, 16, 0.2, 0.5));
    assertThatThrownBy(() -> mapper.readValue(
            "{\"layers\": 3, \"hidden\": 0, \"negative_slope\": 0.2, \"temperature\": 1}",
            GraphEncoderConfig.class))
        .hasRootCauseInstanceOf(InvalidConfigException.class)
        .hasRootCauseMessage("hidden: got 0, expected an integer > 0");
  }

  private static void assertInvalid(Runnable build, String field, String problem) {
    assertThatThrownBy(build::run)
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.problem()).startsWith(problem);
            });
  }
}
