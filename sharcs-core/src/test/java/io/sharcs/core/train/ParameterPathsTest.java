package io.sharcs.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.core.config.LearningRates;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.fixtures.DigitSumData;
import io.sharcs.core.fixtures.TwoVectorModalities;
import io.sharcs.core.model.NamedParameter;
import io.sharcs.core.model.SharcsNetwork;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which parameters the paths of {@code training.learning_rates} name. */
class ParameterPathsTest {

  private static final PreparedData DATA =
      PreparedData.prepare(DigitSumData.generate(40, 32, 1), TwoVectorModalities.bindings());

  @Test
  void pathsNameParametersByPartModalityAndBlockNames() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = TwoVectorModalities.network(DATA, manager, 1, true, true);
      List<NamedParameter> named = net.namedParameters(List.of("a", "b"));
      // DJL's numeric child prefixes (01Linear) are dropped.
      assertThat(named)
          .extracting(NamedParameter::dotted)
          .contains(
              "encoders.a.Linear.weight", "encoders.b.Linear.bias", "projections.b.Linear.weight",
              "predictor.Linear.weight", "local_heads.a.Linear.weight")
          .noneMatch(p -> p.matches(".*\\.\\d\\d.*"));

      Map<Parameter, Double> rates =
          ParameterPaths.rates(
              new LearningRates(
                  Map.of("encoders", 0.01, "encoders.a.Lin", 0.02, "encoders.a.Linear.bias", 0.03,
                      "predictor", 0.04)),
              named,
              learnable(named));
      for (NamedParameter p : named) {
        String path = p.dotted();
        Double expected =
            path.startsWith("encoders.a.") && path.endsWith(".bias") ? Double.valueOf(0.03)
                : path.startsWith("encoders.a.") ? Double.valueOf(0.02)
                : path.startsWith("encoders.") ? Double.valueOf(0.01)
                : path.startsWith("predictor.") ? Double.valueOf(0.04)
                : null;
        assertThat(rates.get(p.parameter())).as(path).isEqualTo(expected);
      }
    }
  }

  @Test
  void modalityNamesMustBeWholeAndUnknownPathsListTheValidOnes() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = TwoVectorModalities.network(DATA, manager, 1, false, false);
      List<NamedParameter> named = net.namedParameters(List.of("a", "b"));
      InvalidConfigException e =
          catchThrowableOfType(
              InvalidConfigException.class,
              () -> ParameterPaths.rates(
                  new LearningRates(Map.of("encoders.c.Linear", 0.1)), named, learnable(named)));
      assertThat(e.field()).isEqualTo("training.learning_rates");
      assertThat(e.problem())
          .startsWith("got key 'encoders.c.Linear', which names no learnable parameter")
          .contains("expected one of encoders, encoders.a, encoders.a.Linear, encoders.b,"
              + " encoders.b.Linear, predictor, predictor.Linear")
          .doesNotContain("\n");
      // multi-CBM has neither projections nor local heads here.
      assertThat(
              catchThrowableOfType(
                  InvalidConfigException.class,
                  () -> ParameterPaths.rates(
                      new LearningRates(Map.of("projections", 0.1)), named, learnable(named))))
          .isNotNull();
      assertThat(
              catchThrowableOfType(
                  InvalidConfigException.class,
                  () -> ParameterPaths.rates(
                      new LearningRates(Map.of("encoders.", 0.1)), named, learnable(named))))
          .isNotNull();
    }
  }

  @Test
  void aNameMayBeCutShortOnlyBelowTheModality() {
    NamedParameter conv =
        new NamedParameter(
            List.of("encoders", "graph", "conv1", "SplineConv", "weight"),
            io.sharcs.core.config.NetworkPart.ENCODERS,
            null);
    assertThat(ParameterPaths.matches(List.of("encoders", "graph", "conv"), conv)).isTrue();
    assertThat(ParameterPaths.matches(List.of("encoders", "graph", "conv1", "Spline"), conv))
        .isTrue();
    assertThat(ParameterPaths.matches(List.of("encoders", "graph", "conv2"), conv)).isFalse();
    assertThat(ParameterPaths.matches(List.of("encoders", "gr"), conv)).isFalse();
    assertThat(ParameterPaths.matches(List.of("enc"), conv)).isFalse();
    assertThat(ParameterPaths.matches(List.of("encoders", "graph", "con", "SplineConv"), conv))
        .isFalse();
    NamedParameter f =
        new NamedParameter(
            List.of("predictor", "Linear", "weight"), io.sharcs.core.config.NetworkPart.PREDICTOR,
            null);
    assertThat(ParameterPaths.matches(List.of("predictor", "Lin"), f)).isTrue();
  }

  private static Set<Parameter> learnable(List<NamedParameter> named) {
    Set<Parameter> out = Collections.newSetFromMap(new IdentityHashMap<>());
    named.stream().map(NamedParameter::parameter).filter(Parameter::requiresGradient)
        .forEach(out::add);
    return out;
  }
}
