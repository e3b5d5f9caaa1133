package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's forward convolution against one written out in Java. On an AVX-512 processor the
 * oneDNN kernels of the PyTorch 2.7.1 build DJL 0.36.0 ships compute a batched 3x3 convolution
 * wrongly when the input channels are an odd multiple of 8 (24, 40): every element off, now and
 * then NaN. Capping oneDNN at AVX2 ({@code ONEDNN_MAX_CPU_ISA=AVX2}, set by the build for the
 * tests and by the {@code sharcs} launcher) makes it right; this test fails if that cap is lost.
 */
class OneDnnConvolutionTest {

  @ParameterizedTest(name = "batch {0}, {1} -> {2} channels, {3}x{4}, kernel {5}")
  @CsvSource({
    "8, 24, 16, 6, 8, 3", "8, 24, 12, 6, 8, 3", "8, 40, 16, 6, 8, 3", "64, 24, 16, 12, 12, 3",
    "8, 16, 16, 6, 8, 3", "64, 1, 16, 28, 28, 5", "64, 16, 16, 14, 14, 5", "64, 16, 16, 7, 14, 5"
  })
  void sameAsTheConvolutionWrittenOut(int n, int in, int out, int h, int w, int k) {
    for (int pass = 0; pass < 5; pass++) {
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray x = m.randomNormal(new Shape(n, in, h, w));
        NDArray weight = m.randomNormal(new Shape(out, in, k, k)).mul(0.1);
        NDArray bias = m.randomNormal(new Shape(out));
        int pad = k / 2;
        float[] actual =
            Conv2d.conv2d(x, weight, bias, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1),
                    1)
                .singletonOrThrow()
                .toFloatArray();
        float[] expected =
            writtenOut(x.toFloatArray(), weight.toFloatArray(), bias.toFloatArray(), n, in, h, w,
                out, k);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
          assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-3f));
        }
      }
    }
  }

  /** A "same"-padded, stride-1 convolution of NCHW input with OIHW weights, in double. */
  private static float[] writtenOut(
      float[] x, float[] w, float[] b, int n, int in, int h, int wd, int out, int k) {
    int p = k / 2;
    float[] y = new float[n * out * h * wd];
    for (int s = 0; s < n; s++) {
      for (int o = 0; o < out; o++) {
        for (int r = 0; r < h; r++) {
          for (int c = 0; c < wd; c++) {
            double sum = b[o];
            for (int i = 0; i < in; i++) {
              for (int dr = 0; dr < k; dr++) {
                int rr = r + dr - p;
                if (rr < 0 || rr >= h) {
                  continue;
                }
                for (int dc = 0; dc < k; dc++) {
                  int cc = c + dc - p;
                  if (cc >= 0 && cc < wd) {
                    sum += x[((s * in + i) * h + rr) * wd + cc] * w[((o * in + i) * k + dr) * k + dc];
                  }
                }
              }
            }
            y[((s * out + o) * h + r) * wd + c] = (float) sum;
          }
        }
      }
    }
    return y;
  }
}
