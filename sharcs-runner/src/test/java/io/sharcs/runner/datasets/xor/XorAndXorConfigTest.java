package io.sharcs.runner.datasets.xor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XorAndXorConfigTest {

  @Test
  void defaultsAreTheReferenceValues() {
    assertThat(XorAndXorConfig.DEFAULTS).isEqualTo(new XorAndXorConfig(1000, 800, 0.2));
  }

  @Test
  void acceptsTheExtremesOfEachDomain() {
    // Two training samples (batch normalisation needs two per batch) and one test sample.
    assertThat(new XorAndXorConfig(3, 2, 0.0).trainSize()).isEqualTo(2);
    assertThat(new XorAndXorConfig(10, 9, 1.0).edgeNoise()).isEqualTo(1.0);
  }

  @ParameterizedTest
  @CsvSource({
    "1, 1, 0.2, size, got 1",
    "2, 1, 0.2, size, 'got 2, expected an integer >= 3 (two training samples and one test sample)'",
    "-5, 1, 0.2, size, got -5",
    "10, 0, 0.2, train_size, 'got 0, expected an integer >= 2'",
    "10, 1, 0.2, train_size, 'got 1, expected an integer >= 2 (batch normalisation needs two'",
    "10, 10, 0.2, train_size, got 10",
    "100, 800, 0.2, train_size, 'got 800, expected an integer in [2, 99]'",
    "10, 5, -0.1, edge_noise, got -0.1",
    "10, 5, 1.5, edge_noise, got 1.5",
    "10, 5, NaN, edge_noise, got NaN",
  })
  void rejectsValuesOutsideTheirDomainNamingTheSnakeCaseField(
      int size, int trainSize, double edgeNoise, String field, String problem) {
    assertThatThrownBy(() -> new XorAndXorConfig(size, trainSize, edgeNoise))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.problem()).startsWith(problem).contains("expected");
            });
  }
}
