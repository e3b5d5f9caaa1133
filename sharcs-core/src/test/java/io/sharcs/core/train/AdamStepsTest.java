package io.sharcs.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamStepsTest {

  private static final double LR = 0.1;
  private static final float[] W0 = {1.0f, -0.5f, 0.25f};
  private static final float[] V0 = {0.3f, 0.7f};
  private static final float[] G1 = {0.5f, -2.0f, 0.03f};
  private static final float[] G2 = {-1.0f, 0.2f, 3.0f};
  private static final float[] H1 = {4.0f, -0.1f};
  private static final float[] H2 = {-0.6f, -0.1f};

  /** Adam as in PyTorch's torch.optim.Adam (defaults: betas 0.9, 0.999; eps 1e-8), per parameter. */
  private static final class ReferenceAdam {
    private final double[] w;
    private final double[] m;
    private final double[] v;
    private int t;

    ReferenceAdam(float[] initial) {
      w = new double[initial.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = initial[i];
      }
      m = new double[w.length];
      v = new double[w.length];
    }

    void step(float[] g) {
      t++;
      for (int i = 0; i < w.length; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * (double) g[i];
        double mHat = m[i] / (1 - Math.pow(0.9, t));
        double vHat = v[i] / (1 - Math.pow(0.999, t));
        w[i] -= LR * mHat / (Math.sqrt(vHat) + 1e-8);
      }
    }

    float[] weights() {
      float[] out = new float[w.length];
      for (int i = 0; i < w.length; i++) {
        out[i] = (float) w[i];
      }
      return out;
    }
  }

  private static Parameter parameter(NDManager manager, String name, float[] values) {
    Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
    NDArray array = manager.create(values);
    array.setRequiresGradient(true);
    p.setArray(array);
    return p;
  }

  /** Backward of sum_p sum(w_p * c_p), so that the gradient of w_p is exactly c_p. */
  private static void backward(NDManager manager, List<Parameter> params, List<float[]> grads) {
    try (NDManager sub = manager.newSubManager();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray loss = null;
      for (int i = 0; i < params.size(); i++) {
        NDArray term = params.get(i).getArray().mul(sub.create(grads.get(i))).sum();
        loss = loss == null ? term : loss.add(term);
      }
      gc.backward(loss);
    }
  }

  @Test
  void oneStepPerBatchIsPlainAdamAndZeroesTheGradient() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameter w = parameter(manager, "w", W0);
      AdamSteps adam = new AdamSteps(LR, List.of(w), 1, 0);
      ReferenceAdam ref = new ReferenceAdam(W0);

      backward(manager, List.of(w), List.of(G1));
      assertThat(w.getArray().getGradient().toFloatArray()).containsExactly(G1, within(1e-7f));
      adam.step();
      ref.step(G1);
      assertThat(w.getArray().toFloatArray()).containsExactly(ref.weights(), within(1e-5f));
      assertThat(w.getArray().getGradient().toFloatArray()).containsOnly(0f);

      backward(manager, List.of(w), List.of(G2));
      adam.step();
      ref.step(G2);
      assertThat(w.getArray().toFloatArray()).containsExactly(ref.weights(), within(1e-5f));
      assertThat(w.getArray().getGradient().toFloatArray()).containsOnly(0f);
    }
  }

  @Test
  void aGradientClipScalesTheGlobalNormDownBeforeTheStepAndLeavesSmallGradientsAlone() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameter w = parameter(manager, "w", W0);
      Parameter u = parameter(manager, "u", V0);
      // |(G1, H1)| = sqrt(0.25 + 4 + 0.0009 + 16 + 0.01) = 4.501; |(G2, H2)| = 3.233
      double clip = 1.0;
      AdamSteps adam = new AdamSteps(LR, List.of(w, u), 1, clip);
      ReferenceAdam refW = new ReferenceAdam(W0);
      ReferenceAdam refU = new ReferenceAdam(V0);

      for (float[][] g : new float[][][] {{G1, H1}, {G2, H2}}) {
        backward(manager, List.of(w, u), List.of(g[0], g[1]));
        double norm = Math.sqrt(sumOfSquares(g[0]) + sumOfSquares(g[1]));
        refW.step(scaled(g[0], clip / norm));
        refU.step(scaled(g[1], clip / norm));
        adam.step();
        assertThat(w.getArray().toFloatArray()).containsExactly(refW.weights(), within(1e-5f));
        assertThat(u.getArray().toFloatArray()).containsExactly(refU.weights(), within(1e-5f));
      }

      // A clip above the norm changes nothing: plain Adam.
      Parameter v = parameter(manager, "v", W0);
      AdamSteps loose = new AdamSteps(LR, List.of(v), 1, 100);
      ReferenceAdam refV = new ReferenceAdam(W0);
      backward(manager, List.of(v), List.of(G1));
      loose.step();
      refV.step(G1);
      assertThat(v.getArray().toFloatArray()).containsExactly(refV.weights(), within(1e-6f));
    }
  }

  private static double sumOfSquares(float[] g) {
    double s = 0;
    for (float x : g) {
      s += x * (double) x;
    }
    return s;
  }

  private static float[] scaled(float[] g, double factor) {
    float[] out = new float[g.length];
    for (int i = 0; i < g.length; i++) {
      out[i] = (float) (g[i] * factor);
    }
    return out;
  }

  @Test
  void twoStepsPerBatchAreTwoAdamUpdatesWithTheSameGradient() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameter w = parameter(manager, "w", W0);
      AdamSteps adam = new AdamSteps(LR, List.of(w), 2, 0);
      ReferenceAdam ref = new ReferenceAdam(W0);

      backward(manager, List.of(w), List.of(G1));
      adam.step();
      ref.step(G1);
      ref.step(G1);
      assertThat(w.getArray().toFloatArray()).containsExactly(ref.weights(), within(1e-5f));
      assertThat(w.getArray().getGradient().toFloatArray()).containsOnly(0f);

      backward(manager, List.of(w), List.of(G2));
      adam.step();
      ref.step(G2);
      ref.step(G2);
      assertThat(w.getArray().toFloatArray()).containsExactly(ref.weights(), within(1e-5f));
      assertThat(w.getArray().getGradient().toFloatArray()).containsOnly(0f);

      // sanity: a second update with a zeroed gradient would have moved w elsewhere
      ReferenceAdam zeroed = new ReferenceAdam(W0);
      zeroed.step(G1);
      zeroed.step(new float[3]);
      zeroed.step(G2);
      zeroed.step(new float[3]);
      assertThat(maxAbsDifference(zeroed.weights(), ref.weights())).isGreaterThan(1e-2f);
    }
  }

  @Test
  void oneStepPerBatchWithSeveralParametersUpdatesEachAsPyTorchDoes() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameter w = parameter(manager, "w", W0);
      Parameter u = parameter(manager, "u", V0);
      AdamSteps adam = new AdamSteps(LR, List.of(w, u), 1, 0);
      ReferenceAdam refW = new ReferenceAdam(W0);
      ReferenceAdam refU = new ReferenceAdam(V0);
      for (int batch = 0; batch < 3; batch++) {
        float[] gw = batch % 2 == 0 ? G1 : G2;
        float[] gu = batch % 2 == 0 ? H1 : H2;
        backward(manager, List.of(w, u), List.of(gw, gu));
        adam.step();
        refW.step(gw);
        refU.step(gu);
        assertThat(w.getArray().toFloatArray()).as("w after batch %d", batch)
            .containsExactly(refW.weights(), within(1e-5f));
        assertThat(u.getArray().toFloatArray()).as("u after batch %d", batch)
            .containsExactly(refU.weights(), within(1e-5f));
      }
    }
  }

  /**
   * The reference calls {@code optimizer.step()} twice per batch; PyTorch's Adam keeps one step
   * count per parameter, so in batch 1 every parameter is updated with bias corrections for t = 1
   * and t = 2, in batch 2 for t = 3 and t = 4.
   */
  @Test
  void twoStepsPerBatchWithSeveralParametersUseEachParametersOwnStepCount() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameter w = parameter(manager, "w", W0);
      Parameter u = parameter(manager, "u", V0);
      AdamSteps adam = new AdamSteps(LR, List.of(w, u), 2, 0);
      ReferenceAdam refW = new ReferenceAdam(W0);
      ReferenceAdam refU = new ReferenceAdam(V0);
      for (int batch = 0; batch < 2; batch++) {
        float[] gw = batch == 0 ? G1 : G2;
        float[] gu = batch == 0 ? H1 : H2;
        backward(manager, List.of(w, u), List.of(gw, gu));
        adam.step();
        refW.step(gw);
        refW.step(gw);
        refU.step(gu);
        refU.step(gu);
        assertThat(w.getArray().toFloatArray()).as("first parameter after batch %d", batch)
            .containsExactly(refW.weights(), within(1e-5f));
        assertThat(u.getArray().toFloatArray())
            .as("second parameter after batch %d: each parameter's bias correction must use its own"
                + " step count t (DJL's Optimizer.updateCount is optimizer-wide), so repeats go"
                + " step-major", batch)
            .containsExactly(refU.weights(), within(1e-5f));
        assertThat(u.getArray().getGradient().toFloatArray()).containsOnly(0f);
      }
    }
  }

  /**
   * A parameter left out of training keeps its moments and step count, and one that joins late
   * starts at t = 1, as with PyTorch's per-parameter state when a schedule freezes a part.
   */
  @Test
  void parametersLeavingAndJoiningKeepTheirOwnMomentsAndStepCounts() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameter w = parameter(manager, "w", W0);
      Parameter u = parameter(manager, "u", V0);
      AdamSteps adam = new AdamSteps(LR, List.of(w), 1, 0);
      ReferenceAdam refW = new ReferenceAdam(W0);
      ReferenceAdam refU = new ReferenceAdam(V0);
      float[][] gw = {G1, G2, G1, G2};
      float[][] gu = {H1, H2, H2, H1};
      for (int batch = 0; batch < 4; batch++) {
        List<Parameter> trainable =
            switch (batch) {
              case 0 -> List.of(w);
              case 1, 3 -> List.of(w, u);
              default -> List.of(u);
            };
        adam.train(trainable);
        backward(manager, List.of(w, u), List.of(gw[batch], gu[batch]));
        adam.step();
        if (trainable.contains(w)) {
          refW.step(gw[batch]);
        } else {
          w.getArray().getGradient().subi(w.getArray().getGradient());
        }
        if (trainable.contains(u)) {
          refU.step(gu[batch]);
        } else {
          u.getArray().getGradient().subi(u.getArray().getGradient());
        }
        assertThat(w.getArray().toFloatArray()).as("w after batch %d", batch)
            .containsExactly(refW.weights(), within(1e-5f));
        assertThat(u.getArray().toFloatArray()).as("u after batch %d", batch)
            .containsExactly(refU.weights(), within(1e-5f));
      }
    }
  }

  private static float maxAbsDifference(float[] a, float[] b) {
    float m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
