package io.sharcs.core.model;

import static io.sharcs.core.model.Arrays2.columnMeans;
import static io.sharcs.core.model.Arrays2.columnVariances;
import static io.sharcs.core.model.Arrays2.conceptLayer;
import static io.sharcs.core.model.Arrays2.flat;
import static io.sharcs.core.model.Arrays2.matrix;
import static io.sharcs.core.model.Arrays2.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class ConceptLayerTest {

  /** B = 5 rows, k = 3 columns with different means and spreads. */
  private static final float[][] X = {
    {1.0f, -2.0f, 0.50f},
    {3.0f, 0.0f, 0.10f},
    {-1.0f, 4.0f, 0.20f},
    {0.5f, 1.0f, -0.30f},
    {2.0f, -1.5f, 0.05f}
  };

  private static final float[][] Y = {
    {10.0f, 0.0f, 1.0f},
    {12.0f, 1.0f, 2.0f},
    {11.0f, 5.0f, 4.0f}
  };

  private static ConceptLayer layer(NDManager manager, double steepness, int k) {
    ConceptLayer layer = new ConceptLayer(steepness);
    layer.initialize(manager, DataType.FLOAT32, new Shape(2, k));
    return layer;
  }

  private static NDArray forward(ConceptLayer layer, NDManager manager, float[][] x, boolean training) {
    ParameterStore ps = new ParameterStore(manager, false);
    return layer.forward(ps, new NDList(matrix(manager, x)), training).singletonOrThrow();
  }

  private static float[] parameter(ConceptLayer layer, String suffix) {
    for (Pair<String, Parameter> p : layer.getParameters()) {
      if (p.getKey().endsWith(suffix)) {
        return p.getValue().getArray().toFloatArray();
      }
    }
    throw new AssertionError("no parameter ending in " + suffix + " in " + layer.getParameters().keys());
  }

  @Test
  void outputHasInputShapeAndValuesStrictlyBetweenZeroAndOne() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ConceptLayer layer = layer(manager, 5, 3);
      NDArray out = forward(layer, manager, X, true);
      assertThat(out.getShape()).isEqualTo(new Shape(5, 3));
      assertThat(layer.getOutputShapes(new Shape[] {new Shape(5, 3)}))
          .containsExactly(new Shape(5, 3));
      for (float v : out.toFloatArray()) {
        assertThat(v).isGreaterThan(0f).isLessThan(1f);
      }
    }
  }

  @Test
  void trainingModeNormalisesEachColumnWithBiasedBatchStatisticsThenSteepSigmoid() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ConceptLayer layer = layer(manager, 5, 3);
      float[][] out = rows(forward(layer, manager, X, true));
      float[][] expected = conceptLayer(X, columnMeans(X), columnVariances(X, false), 5);
      assertThat(flat(out)).containsExactly(flat(expected), within(1e-5f));
    }
  }

  @Test
  void trainingModePreSigmoidValuesHaveZeroMeanAndUnitBiasedVariance() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // steepness 0.5 keeps the sigmoid far from saturation, so logit(out) is accurate in float
      double a = 0.5;
      ConceptLayer layer = layer(manager, a, 3);
      float[][] out = rows(forward(layer, manager, X, true));
      float[][] z = new float[out.length][out[0].length];
      for (int r = 0; r < out.length; r++) {
        for (int c = 0; c < out[r].length; c++) {
          z[r][c] = (float) (Math.log(out[r][c] / (1.0 - out[r][c])) / a);
        }
      }
      double[] mean = columnMeans(z);
      double[] var = columnVariances(z, false);
      for (int c = 0; c < 3; c++) {
        assertThat(mean[c]).as("mean of column %d", c).isCloseTo(0.0, within(1e-4));
        // var(x) / (var(x) + eps) is 1 up to eps / var(x) <= 1e-3 here
        assertThat(var[c]).as("biased variance of column %d", c).isCloseTo(1.0, within(2e-3));
      }
    }
  }

  @Test
  void runningStatisticsFollowPyTorchMomentumWithUnbiasedVariance() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ConceptLayer layer = layer(manager, 5, 3);
      assertThat(parameter(layer, "runningMean")).containsExactly(0f, 0f, 0f);
      assertThat(parameter(layer, "runningVar")).containsExactly(1f, 1f, 1f);

      forward(layer, manager, X, true);
      double[] meanX = columnMeans(X);
      double[] varX = columnVariances(X, true);
      float[] expectedMean = new float[3];
      float[] expectedVar = new float[3];
      for (int c = 0; c < 3; c++) {
        expectedMean[c] = (float) (0.9 * 0 + 0.1 * meanX[c]);
        expectedVar[c] = (float) (0.9 * 1 + 0.1 * varX[c]);
      }
      assertThat(parameter(layer, "runningMean")).containsExactly(expectedMean, within(1e-5f));
      assertThat(parameter(layer, "runningVar")).containsExactly(expectedVar, within(1e-5f));

      // a second batch of another size moves them again from where they are
      forward(layer, manager, Y, true);
      double[] meanY = columnMeans(Y);
      double[] varY = columnVariances(Y, true);
      for (int c = 0; c < 3; c++) {
        expectedMean[c] = (float) (0.9 * expectedMean[c] + 0.1 * meanY[c]);
        expectedVar[c] = (float) (0.9 * expectedVar[c] + 0.1 * varY[c]);
      }
      assertThat(parameter(layer, "runningMean")).containsExactly(expectedMean, within(1e-4f));
      assertThat(parameter(layer, "runningVar")).containsExactly(expectedVar, within(1e-4f));
    }
  }

  @Test
  void evalModeUsesRunningStatisticsAndRowsAreIndependent() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ConceptLayer layer = layer(manager, 5, 3);
      forward(layer, manager, X, true);
      forward(layer, manager, Y, true);
      float[] runningMean = parameter(layer, "runningMean");
      float[] runningVar = parameter(layer, "runningVar");
      double[] mean = new double[3];
      double[] var = new double[3];
      for (int c = 0; c < 3; c++) {
        mean[c] = runningMean[c];
        var[c] = runningVar[c];
      }

      float[][] out = rows(forward(layer, manager, X, false));
      assertThat(flat(out)).containsExactly(flat(conceptLayer(X, mean, var, 5)), within(1e-5f));

      // the same row in another batch (and alone) gives the same concepts
      float[][] other = {X[0], Y[0], Y[2]};
      float[][] outOther = rows(forward(layer, manager, other, false));
      float[][] alone = rows(forward(layer, manager, new float[][] {X[0]}, false));
      assertThat(outOther[0]).containsExactly(out[0], within(1e-6f));
      assertThat(alone[0]).containsExactly(out[0], within(1e-6f));

      // evaluation does not move the running statistics
      assertThat(parameter(layer, "runningMean")).containsExactly(runningMean);
      assertThat(parameter(layer, "runningVar")).containsExactly(runningVar);
    }
  }

  @Test
  void trainingModeRowsDependOnTheRestOfTheBatch() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ConceptLayer layer = layer(manager, 5, 3);
      float[] first = rows(forward(layer, manager, X, true))[0];
      float[] again = rows(forward(layer, manager, new float[][] {X[0], Y[0], Y[1]}, true))[0];
      assertThat(again).isNotEqualTo(first);
    }
  }
}
