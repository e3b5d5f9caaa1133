package io.sharcs.core.model;

import static io.sharcs.core.model.Arrays2.columnMeans;
import static io.sharcs.core.model.Arrays2.columnVariances;
import static io.sharcs.core.model.Arrays2.concatRows;
import static io.sharcs.core.model.Arrays2.conceptLayer;
import static io.sharcs.core.model.Arrays2.flat;
import static io.sharcs.core.model.Arrays2.matrix;
import static io.sharcs.core.model.Arrays2.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SharedConceptSpaceTest {

  private static final double A = 2.0;

  private static final float[][] P1 = {
    {0.1f, 2.0f}, {0.3f, 1.0f}, {0.2f, 0.0f}, {0.6f, 3.0f}
  };
  private static final float[][] P2 = {
    {5.0f, -1.0f}, {4.0f, 0.5f}, {6.5f, -2.0f}, {5.5f, 1.0f}
  };
  private static final float[][] P3 = {
    {-3.0f, 0.0f}, {-2.0f, 0.2f}, {-4.0f, 0.1f}, {-3.5f, 0.3f}
  };

  private static SharedConceptSpace space(NDManager manager) {
    SharedConceptSpace space = new SharedConceptSpace(A);
    space.initialize(manager, DataType.FLOAT32, new Shape(4, 2), new Shape(4, 2));
    return space;
  }

  private static float[][] byHand(float[][] x) {
    return conceptLayer(x, columnMeans(x), columnVariances(x, false), A);
  }

  @Test
  void normalisesTheStackedModalitiesJointlyAndSplitsThemBackInOrder() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharedConceptSpace space = space(manager);
      ParameterStore ps = new ParameterStore(manager, false);
      NDList out =
          space.forward(ps, new NDList(matrix(manager, P1), matrix(manager, P2)), true);

      assertThat(out).hasSize(3);
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(4, 2));
      assertThat(out.get(1).getShape()).isEqualTo(new Shape(4, 2));
      assertThat(out.get(2).getShape()).isEqualTo(new Shape(8, 2));
      assertThat(space.getOutputShapes(new Shape[] {new Shape(4, 2), new Shape(4, 2)}))
          .containsExactly(new Shape(4, 2), new Shape(4, 2), new Shape(8, 2));

      float[][] joint = byHand(concatRows(P1, P2));
      float[][] s1 = Arrays.copyOfRange(joint, 0, 4);
      float[][] s2 = Arrays.copyOfRange(joint, 4, 8);
      assertThat(out.get(0).toFloatArray()).containsExactly(flat(s1), within(1e-5f));
      assertThat(out.get(1).toFloatArray()).containsExactly(flat(s2), within(1e-5f));
      assertThat(out.get(2).toFloatArray()).containsExactly(flat(joint), within(1e-5f));

      // separately normalised modalities would look very different (their means differ a lot)
      float[] separate1 = flat(byHand(P1));
      float[] separate2 = flat(byHand(P2));
      assertThat(maxAbsDifference(out.get(0).toFloatArray(), separate1)).isGreaterThan(0.1f);
      assertThat(maxAbsDifference(out.get(1).toFloatArray(), separate2)).isGreaterThan(0.1f);
    }
  }

  @Test
  void threeModalitiesAreStackedModalityMajor() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharedConceptSpace space = new SharedConceptSpace(A);
      space.initialize(manager, DataType.FLOAT32, new Shape(4, 2), new Shape(4, 2), new Shape(4, 2));
      ParameterStore ps = new ParameterStore(manager, false);
      NDList out =
          space.forward(
              ps,
              new NDList(matrix(manager, P1), matrix(manager, P2), matrix(manager, P3)),
              true);
      assertThat(out).hasSize(4);
      float[][] joint = byHand(concatRows(P1, P2, P3));
      for (int m = 0; m < 3; m++) {
        assertThat(out.get(m).getShape()).isEqualTo(new Shape(4, 2));
        assertThat(out.get(m).toFloatArray())
            .as("slot %d", m)
            .containsExactly(flat(Arrays.copyOfRange(joint, 4 * m, 4 * m + 4)), within(1e-5f));
      }
      assertThat(out.get(3).getShape()).isEqualTo(new Shape(12, 2));
    }
  }

  @Test
  void gradientFlowsAcrossModalitiesThroughTheSharedStatistics() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharedConceptSpace space = space(manager);
      ParameterStore ps = new ParameterStore(manager, false);
      NDArray p1 = matrix(manager, P1);
      NDArray p2 = matrix(manager, P2);
      p1.setRequiresGradient(true);
      p2.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDList out = space.forward(ps, new NDList(p1, p2), true);
        gc.backward(out.get(0).sum());
      }
      float[] g2 = p2.getGradient().toFloatArray();
      assertThat(Arrays2.allFinite(g2)).isTrue();
      assertThat(maxAbs(g2)).as("d sum(s1) / d p2").isGreaterThan(1e-4f);
    }
  }

  @Test
  void evalSingleUsesRunningStatisticsSoRowsAreIndependent() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharedConceptSpace space = space(manager);
      ParameterStore ps = new ParameterStore(manager, false);
      // move the running statistics away from (0, 1)
      space.forward(ps, new NDList(matrix(manager, P1), matrix(manager, P2)), true);

      float[][] single = rows(space.evalSingle(ps, matrix(manager, P1)));
      // in eval mode the joint forward gives exactly the single-modality result
      NDList joint = space.forward(ps, new NDList(matrix(manager, P1), matrix(manager, P2)), false);
      assertThat(joint.get(0).toFloatArray()).containsExactly(flat(single), within(1e-6f));
      float[][] alone = rows(space.evalSingle(ps, matrix(manager, new float[][] {P1[2]})));
      assertThat(alone[0]).containsExactly(single[2], within(1e-6f));

      NDArray p = matrix(manager, P1);
      p.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = space.evalSingle(ps, p);
        gc.backward(out.get(0).sum());
      }
      float[][] g = rows(p.getGradient());
      assertThat(maxAbs(g[0])).isGreaterThan(1e-4f);
      for (int r = 1; r < g.length; r++) {
        assertThat(g[r]).as("gradient of row 0's output w.r.t. row %d", r).containsOnly(0f);
      }
    }
  }

  private static float maxAbs(float[] v) {
    float m = 0;
    for (float x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  private static float maxAbsDifference(float[] a, float[] b) {
    float m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
