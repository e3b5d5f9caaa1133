package io.sharcs.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticRegulariserTest {

  // N = 3 slots, B = 2 rows, k = 3: rows 0-1 slot 0, rows 2-3 slot 1, rows 4-5 slot 2
  private static final float[][] STACKED = {
    {0.1f, 0.9f, 0.5f},
    {0.7f, 0.2f, 0.3f},
    {0.4f, 0.4f, 0.4f},
    {0.0f, 1.0f, 0.0f},
    {0.9f, 0.1f, 0.8f},
    {0.25f, 0.5f, 0.75f}
  };

  private static NDArray stacked(NDManager manager) {
    float[] flat = new float[18];
    for (int r = 0; r < 6; r++) {
      System.arraycopy(STACKED[r], 0, flat, 3 * r, 3);
    }
    return manager.create(flat, new Shape(6, 3));
  }

  private static double l2(float[] x, float[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += (x[i] - y[i]) * (double) (x[i] - y[i]);
    }
    return Math.sqrt(s);
  }

  @Test
  void isTheMeanEuclideanDistanceOfThePairsRowsInTheStackedModalityMajorLayout() {
    List<CrossModalPair> pairs =
        List.of(
            new CrossModalPair(0, 0, 1, 1), // row 0 vs row 3
            new CrossModalPair(0, 1, 2, 0), // row 1 vs row 4
            new CrossModalPair(1, 0, 2, 1)); // row 2 vs row 5
    double expected =
        (l2(STACKED[0], STACKED[3]) + l2(STACKED[1], STACKED[4]) + l2(STACKED[2], STACKED[5])) / 3;
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray d = SemanticRegulariser.distance(stacked(manager), 2, pairs);
      assertThat(d.getShape()).isEqualTo(new Shape());
      assertThat((double) d.getFloat()).isCloseTo(expected, within(1e-5));
      // Euclidean, not squared: for a single pair it is the plain norm
      NDArray one = SemanticRegulariser.distance(stacked(manager), 2, List.of(pairs.get(0)));
      assertThat((double) one.getFloat()).isCloseTo(l2(STACKED[0], STACKED[3]), within(1e-5));
    }
  }

  @Test
  void gradientMatchesTheHandComputedOneAndIsFiniteForCoincidingVectors() {
    // rows 0 and 2 differ; rows 1 and 3 coincide exactly (N = 2, B = 2)
    float[] flat = {0.2f, 0.6f, 0.9f, 0.3f, 0.5f, 0.1f, 0.9f, 0.3f};
    List<CrossModalPair> pairs =
        List.of(new CrossModalPair(0, 0, 1, 0), new CrossModalPair(0, 1, 1, 1));
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray s = manager.create(flat, new Shape(4, 2));
      s.setRequiresGradient(true);
      float value;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray d = SemanticRegulariser.distance(s, 2, pairs);
        value = d.getFloat();
        gc.backward(d);
      }
      double norm = Math.hypot(0.2 - 0.5, 0.6 - 0.1);
      // the coinciding pair contributes (almost) zero distance
      assertThat((double) value).isCloseTo(norm / 2, within(1e-5));

      float[] g = s.getGradient().toFloatArray();
      for (float v : g) {
        assertThat(Float.isFinite(v)).as("gradient %s finite", v).isTrue();
      }
      // d/d s0 = (s0 - s2) / ||s0 - s2|| / P, d/d s2 = -that; coinciding rows get zero
      float[] expected = {
        (float) ((0.2 - 0.5) / norm / 2), (float) ((0.6 - 0.1) / norm / 2),
        0f, 0f,
        (float) (-(0.2 - 0.5) / norm / 2), (float) (-(0.6 - 0.1) / norm / 2),
        0f, 0f
      };
      assertThat(g).containsExactly(expected, within(1e-4f));
    }
  }

  @Test
  void noPairsIsRejected() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray s = stacked(manager);
      assertThatThrownBy(() -> SemanticRegulariser.distance(s, 2, List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void separationIsTheMeanShortfallBelowTheMarginOverEveryKeyedNonMatchingCrossModalPair() {
    // N = 3, B = 2. Keys: slot 0 {a, b}, slot 1 {a, null}, slot 2 {c, b}.
    List<Object[]> keys =
        List.of(new Object[] {"a", "b"}, new Object[] {"a", null}, new Object[] {"c", "b"});
    double margin = 1.0;
    // Non-matching keyed pairs: (0,1): s0[1] b vs s1[0] a; (0,2): s0[0] a vs s2[0] c, s0[0] a vs
    // s2[1] b, s0[1] b vs s2[0] c; (1,2): s1[0] a vs s2[0] c, s1[0] a vs s2[1] b.
    int[][] rows = {{1, 2}, {0, 4}, {0, 5}, {1, 4}, {2, 4}, {2, 5}};
    double expected = 0;
    for (int[] r : rows) {
      expected += Math.max(0, margin - l2(STACKED[r[0]], STACKED[r[1]]));
    }
    expected /= rows.length;
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray apart = SemanticRegulariser.separation(stacked(manager), keys, margin);
      assertThat(apart.getShape()).isEqualTo(new Shape());
      assertThat((double) apart.getFloat()).isCloseTo(expected, within(1e-5));
      assertThat(expected).as("some pairs are inside the margin, some beyond").isPositive();
      double farthest = 0;
      for (int[] r : rows) {
        farthest = Math.max(farthest, l2(STACKED[r[0]], STACKED[r[1]]));
      }
      assertThat(farthest).as("a pair beyond the margin adds nothing").isGreaterThan(margin);
    }
  }

  @Test
  void separationIsNullWithoutANonMatchingPairAndPushesCoincidingVectorsApart() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // every keyed pair matches, or a key is missing
      List<Object[]> matching = List.of(new Object[] {"a", null}, new Object[] {"a", null});
      NDArray s0 = manager.create(new float[] {0.2f, 0.6f, 0.9f, 0.3f, 0.5f, 0.1f, 0.9f, 0.3f},
          new Shape(4, 2));
      assertThat(SemanticRegulariser.separation(s0, matching, 1)).isNull();

      // rows 1 and 3 coincide but their keys differ: the term's gradient must stay finite
      List<Object[]> keys = List.of(new Object[] {"a", "b"}, new Object[] {"a", "c"});
      NDArray s = manager.create(new float[] {0.2f, 0.6f, 0.9f, 0.3f, 0.5f, 0.1f, 0.9f, 0.3f},
          new Shape(4, 2));
      s.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray apart = SemanticRegulariser.separation(s, keys, 1);
        gc.backward(apart);
      }
      float[] g = s.getGradient().toFloatArray();
      for (float v : g) {
        assertThat(Float.isFinite(v)).as("gradient %s finite", v).isTrue();
      }
      // rows 0 (a) and 3 (c) are 0.71 apart, inside the margin: descending the gradient moves
      // them apart; the matching pair (rows 0 and 2, both a) is not pushed
      float[] step = new float[8];
      for (int i = 0; i < 8; i++) {
        step[i] = (float) (new float[] {0.2f, 0.6f, 0.9f, 0.3f, 0.5f, 0.1f, 0.9f, 0.3f}[i]
            - 0.1 * g[i]);
      }
      double before = Math.hypot(0.2 - 0.9, 0.6 - 0.3);
      double after = Math.hypot(step[0] - step[6], step[1] - step[7]);
      assertThat(after).isGreaterThan(before);
    }
  }
}
