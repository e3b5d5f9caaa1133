package io.sharcs.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class TaskLossTest {

  /** log(1 + e^x) in double precision without overflow. */
  private static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /** PyTorch's BCEWithLogitsLoss(pos_weight) on one-hot targets, mean over B x C. */
  private static double bceWithLogits(float[][] logits, int[] labels, float[] posWeight) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < logits.length; i++) {
      for (int c = 0; c < logits[i].length; c++) {
        double x = logits[i][c];
        double y = c == labels[i] ? 1 : 0;
        double pw = posWeight == null ? 1 : posWeight[c];
        // -[pw * y * log sigmoid(x) + (1 - y) * log(1 - sigmoid(x))]
        sum += pw * y * softplus(-x) + (1 - y) * softplus(x);
        n++;
      }
    }
    return sum / n;
  }

  private static NDArray create(NDManager manager, float[][] x) {
    float[] flat = new float[x.length * x[0].length];
    for (int r = 0; r < x.length; r++) {
      System.arraycopy(x[r], 0, flat, r * x[0].length, x[0].length);
    }
    return manager.create(flat, new Shape(x.length, x[0].length));
  }

  private static final float[][] LOGITS = {
    {2.0f, -1.0f, 0.5f},
    {-0.3f, 0.8f, 1.5f},
    {0.0f, 0.0f, -2.5f},
    {1.2f, 3.0f, -0.7f}
  };
  private static final int[] LABELS = {0, 2, 1, 1};

  @Test
  void equalsBinaryCrossEntropyWithLogitsOnOneHotTargets() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray loss = new TaskLoss(null).compute(create(manager, LOGITS), LABELS);
      assertThat(loss.getShape()).isEqualTo(new Shape());
      assertThat((double) loss.getFloat())
          .isCloseTo(bceWithLogits(LOGITS, LABELS, null), within(1e-6));
      // not softmax cross-entropy
      double softmaxCe = 0;
      for (int i = 0; i < LOGITS.length; i++) {
        double z = 0;
        for (float v : LOGITS[i]) {
          z += Math.exp(v);
        }
        softmaxCe += -(LOGITS[i][LABELS[i]] - Math.log(z));
      }
      softmaxCe /= LOGITS.length;
      assertThat((double) loss.getFloat()).isNotCloseTo(softmaxCe, within(1e-2));
    }
  }

  @Test
  void largeLogitsDoNotOverflow() {
    float[][] logits = {{1000f, -1000f}, {-1000f, 1000f}, {90f, -90f}, {-200f, 300f}};
    int[] labels = {0, 0, 1, 1};
    try (NDManager manager = NDManager.newBaseManager()) {
      float loss = new TaskLoss(null).compute(create(manager, logits), labels).getFloat();
      assertThat(Float.isFinite(loss)).isTrue();
      // row 0: ~0; row 1: 1000 + 1000; row 2: 90 + 90; row 3: ~0 -> (2000 + 180) / 8
      assertThat((double) loss).isCloseTo(bceWithLogits(logits, labels, null), within(1e-3));
      assertThat((double) loss).isCloseTo(2180.0 / 8, within(1e-3));
    }
  }

  @Test
  void classWeightsScaleOnlyThePositiveTermAsPosWeight() {
    float[] weights = {0.5f, 3.0f, 1.7f};
    try (NDManager manager = NDManager.newBaseManager()) {
      float loss = new TaskLoss(weights).compute(create(manager, LOGITS), LABELS).getFloat();
      assertThat((double) loss).isCloseTo(bceWithLogits(LOGITS, LABELS, weights), within(1e-6));
      assertThat((double) loss).isNotCloseTo(bceWithLogits(LOGITS, LABELS, null), within(1e-3));
    }
  }

  @Test
  void constructorCopiesTheWeights() {
    float[] weights = {1f, 1f, 1f};
    TaskLoss loss = new TaskLoss(weights);
    weights[0] = 100f;
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat((double) loss.compute(create(manager, LOGITS), LABELS).getFloat())
          .isCloseTo(bceWithLogits(LOGITS, LABELS, null), within(1e-6));
    }
  }

  @Test
  void classWeightsAreNegativesOverPositives() {
    int[] labels = {0, 0, 0, 1, 2, 2, 0, 2};
    // N = 8; n = (4, 1, 3)
    assertThat(TaskLoss.classWeights(labels, 3))
        .containsExactly(new float[] {4f / 4f, 7f / 1f, 5f / 3f}, within(1e-6f));
    // a class absent from the labels gets weight 1 instead of infinity
    assertThat(TaskLoss.classWeights(new int[] {0, 1, 1}, 3))
        .containsExactly(new float[] {2f, 0.5f, 1f}, within(1e-6f));
  }

  @Test
  void softplusIsStable() {
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] x = {-1000f, -20f, -1f, 0f, 1f, 20f, 1000f};
      float[] y = TaskLoss.softplus(manager.create(x)).toFloatArray();
      for (int i = 0; i < x.length; i++) {
        assertThat((double) y[i]).as("softplus(%s)", x[i]).isCloseTo(softplus(x[i]), within(1e-4));
      }
    }
  }
}
