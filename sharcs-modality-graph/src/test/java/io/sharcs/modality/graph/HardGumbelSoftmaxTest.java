package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HardGumbelSoftmaxTest {

  private static final float[] LOGITS = {0.3f, -1.2f, 2.0f, 0.5f, 1.5f, 1.4f, -0.7f, 0.0f};
  private static final float[] WEIGHTS = {1.0f, -2.0f, 0.5f, 3.0f, -1.0f, 0.25f, 2.0f, -0.5f};

  @ParameterizedTest(name = "tau = {0}")
  @ValueSource(floats = {1.0f, 0.5f})
  void forwardIsOneHotAndGradientIsTheSoftmaxJacobianVectorProduct(float tau) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray logits = manager.create(LOGITS, new Shape(2, 4));
      logits.setRequiresGradient(true);
      NDArray w = manager.create(WEIGHTS, new Shape(2, 4));
      float[] forward;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray y = HardGumbelSoftmax.straightThrough(logits, tau);
        forward = y.toFloatArray();
        gc.backward(y.mul(w).sum());
      }

      // Exact one-hot at the row argmax (index 2 and index 0).
      assertThat(forward).containsExactly(0, 0, 1, 0, 1, 0, 0, 0);
      assertThat(logits.getGradient().toFloatArray())
          .containsExactly(softmaxJvp(LOGITS, WEIGHTS, 4, tau), within(1e-6f));
    }
  }

  @Test
  void oneHotArgMaxHasNoNoiseAndBreaksTiesToTheFirstIndex() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray logits = manager.create(new float[] {1, 3, 3, 0, -1, -1}, new Shape(2, 3));

      assertThat(HardGumbelSoftmax.oneHotArgMax(logits).toFloatArray())
          .containsExactly(0, 1, 0, 1, 0, 0);
    }
  }

  @Test
  void gumbelNoiseIsFiniteWithTheGumbelMean() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray g = HardGumbelSoftmax.gumbelNoise(manager, new Shape(20_000), DataType.FLOAT32);
      float[] values = g.toFloatArray();
      double mean = 0;
      for (float v : values) {
        assertThat(Float.isFinite(v)).isTrue();
        mean += v / values.length;
      }
      // Euler-Mascheroni constant; the standard error with 20000 draws is about 0.009.
      assertThat(mean).isCloseTo(0.5772, within(0.05));
    }
  }

  @Test
  void samplingIsSeededByTheEngine() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray logits = manager.zeros(new Shape(50, 7));
      Engine.getInstance().setRandomSeed(42);
      float[] first = HardGumbelSoftmax.sample(logits, 1f).toFloatArray();
      Engine.getInstance().setRandomSeed(42);
      float[] second = HardGumbelSoftmax.sample(logits, 1f).toFloatArray();
      float[] third = HardGumbelSoftmax.sample(logits, 1f).toFloatArray();

      assertThat(second).containsExactly(first);
      assertThat(third).isNotEqualTo(first);
    }
  }

  /** d/dz of sum(w * softmax(z / tau)) per row: p * (w - p.w) / tau. */
  private static float[] softmaxJvp(float[] z, float[] w, int k, float tau) {
    float[] grad = new float[z.length];
    for (int row = 0; row < z.length / k; row++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, z[row * k + j] / tau);
      }
      double[] p = new double[k];
      double norm = 0;
      for (int j = 0; j < k; j++) {
        p[j] = Math.exp(z[row * k + j] / tau - max);
        norm += p[j];
      }
      double pw = 0;
      for (int j = 0; j < k; j++) {
        p[j] /= norm;
        pw += p[j] * w[row * k + j];
      }
      for (int j = 0; j < k; j++) {
        grad[row * k + j] = (float) (p[j] * (w[row * k + j] - pw) / tau);
      }
    }
    return grad;
  }
}
