package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class DenseGcnLayerTest {

  @Test
  void computesLeakyReluOfNormalisedAggregationPlusBias() {
    // Two graphs of 2 nodes, 2 input and 3 output features; the weights are set by hand.
    float[] h = {1, 2, -1, 0.5f, 0, 1, 2, -2};
    float[] adj = {0.5f, 0.5f, 0.25f, 0.75f, 1, 0, 0, 1};
    float[][] w = {{1, -1, 0.5f}, {-2, 0.5f, 1}};
    float[] b = {0.1f, -0.2f, 0};
    float slope = 0.1f;
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int[] dims : new int[][] {{2, 3}, {3, 2}}) { // both multiplication orders
        int in = dims[0];
        int out = dims[1];
        DenseGcnLayer layer = new DenseGcnLayer(in, out, slope);
        Shape hShape = new Shape(2, 2, in);
        layer.initialize(manager, DataType.FLOAT32, hShape, new Shape(2, 2, 2));
        float[] weights = new float[in * out];
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            weights[i * out + o] = in == 2 ? w[i][o] : w[o][i];
          }
        }
        float[] stored = new float[in * out]; // the layer keeps W as (out, in), like PyG
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            stored[o * in + i] = weights[i * out + o];
          }
        }
        float[] bias = java.util.Arrays.copyOf(b, out);
        layer.getParameters().get("weight").getArray().set(stored);
        layer.getParameters().get("bias").getArray().set(bias);
        float[] input = new float[2 * 2 * in];
        for (int i = 0; i < input.length; i++) {
          input[i] = h[i % h.length] * (i + 1) / 4f;
        }
        NDArray out1 = layer.forward(
            new ParameterStore(manager, false),
            new NDList(manager.create(input, hShape), manager.create(adj, new Shape(2, 2, 2))),
            false).singletonOrThrow();

        assertThat(out1.getShape()).isEqualTo(new Shape(2, 2, out));
        assertThat(out1.toFloatArray())
            .containsExactly(reference(input, adj, weights, bias, in, out, slope), within(1e-5f));
      }
    }
  }

  private static float[] reference(
      float[] h, float[] adj, float[] w, float[] b, int in, int out, float slope) {
    float[] result = new float[2 * 2 * out];
    for (int g = 0; g < 2; g++) {
      for (int t = 0; t < 2; t++) {
        for (int o = 0; o < out; o++) {
          double sum = b[o];
          for (int s = 0; s < 2; s++) {
            double hw = 0;
            for (int i = 0; i < in; i++) {
              hw += h[(g * 2 + s) * in + i] * w[i * out + o];
            }
            sum += adj[g * 4 + t * 2 + s] * hw;
          }
          result[(g * 2 + t) * out + o] = (float) (sum >= 0 ? sum : slope * sum);
        }
      }
    }
    return result;
  }
}
