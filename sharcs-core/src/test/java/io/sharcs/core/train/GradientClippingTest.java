package io.sharcs.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

  /** A zero parameter whose loss term {@code sum(p * gradient)} is added to {@code terms}. */
  private static Parameter withGradient(
      NDManager manager, NDManager sub, float[] gradient, List<NDArray> terms) {
    Parameter p = Parameter.builder().setName("p").setType(Parameter.Type.WEIGHT).build();
    NDArray array = manager.zeros(new Shape(gradient.length));
    array.setRequiresGradient(true);
    p.setArray(array);
    terms.add(array.mul(sub.create(gradient)).sum());
    return p;
  }

  private static List<Parameter> parameters(NDManager manager, float[]... gradients) {
    try (NDManager sub = manager.newSubManager();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      List<NDArray> terms = new ArrayList<>();
      List<Parameter> out = new ArrayList<>();
      for (float[] g : gradients) {
        out.add(withGradient(manager, sub, g, terms));
      }
      NDArray loss = terms.get(0);
      for (int i = 1; i < terms.size(); i++) {
        loss = loss.add(terms.get(i));
      }
      gc.backward(loss);
      return out;
    }
  }

  @Test
  void scalesALargeGradientToTheLimitOverAllParametersTogether() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // Global norm sqrt(9 + 16 + 144) = 13.
      List<Parameter> ps = parameters(manager, new float[] {3, 4}, new float[] {-12});

      double norm = new GradientClipping(2.6).apply(ps);

      assertThat(norm).isCloseTo(13.0, within(1e-9));
      assertThat(ps.get(0).getArray().getGradient().toFloatArray())
          .containsExactly(new float[] {0.6f, 0.8f}, within(1e-6f));
      assertThat(ps.get(1).getArray().getGradient().toFloatArray())
          .containsExactly(new float[] {-2.4f}, within(1e-6f));
    }
  }

  @Test
  void leavesAGradientWithinTheLimitUntouched() {
    try (NDManager manager = NDManager.newBaseManager()) {
      List<Parameter> ps = parameters(manager, new float[] {3, 4}, new float[] {-12});

      double norm = new GradientClipping(13.5).apply(ps);

      assertThat(norm).isCloseTo(13.0, within(1e-9));
      assertThat(ps.get(0).getArray().getGradient().toFloatArray()).containsExactly(3f, 4f);
      assertThat(ps.get(1).getArray().getGradient().toFloatArray()).containsExactly(-12f);
    }
  }

  @Test
  void rejectsALimitThatIsNotPositive() {
    assertThatThrownBy(() -> new GradientClipping(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GradientClipping(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
