import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;

/**
 * What one engine operation costs through DJL and PyTorch on this machine, whatever its size:
 * a chain of OPS multiplications of a ROWS x 7 array, then a sum, timed per step, with and without
 * autograd (a gradient collector and a backward pass: one backward node per operation). The
 * factor is an array made once (one engine call per multiplication) or a Java number (DJL then
 * makes and frees a scalar array at every call, as {@code NDArray.mul(Number)} does). Prints the
 * median of the last half of STEPS.
 *
 * <p>Run from the repository root after a build (a single-file program, no compilation step):
 * {@code scripts/bench/op-cost.sh [OPS] [ROWS] [STEPS]}.
 */
public final class OpCost {

  public static void main(String[] args) {
    int ops = args.length > 0 ? Integer.parseInt(args[0]) : 290;
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    Engine.getInstance().setRandomSeed(0);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray w = manager.randomUniform(0, 1, new Shape(rows, 7));
      w.setRequiresGradient(true);
      NDArray factor = manager.full(new Shape(rows, 7), 1.0001f);
      for (boolean number : new boolean[] {false, true}) {
        for (boolean autograd : new boolean[] {false, true}) {
          double ms = medianStep(manager, w, number ? null : factor, ops, steps, autograd);
          System.out.printf(
              "%-22s %-16s %d operations on %d x 7: %.3f ms a step, %.2f us an operation%n",
              autograd ? "forward + backward," : "forward, no autograd,",
              number ? "Java number" : "array factor", ops, rows, ms, 1000 * ms / ops);
        }
      }
    }
  }

  private static double medianStep(
      NDManager manager, NDArray w, NDArray factor, int ops, int steps, boolean autograd) {
    double[] times = new double[steps];
    for (int s = 0; s < steps; s++) {
      long start = System.nanoTime();
      try (NDManager step = manager.newSubManager()) {
        GradientCollector collector = autograd ? Engine.getInstance().newGradientCollector() : null;
        NDArray h = w;
        for (int k = 0; k < ops - 1; k++) {
          h = factor == null ? h.mul(1.0001f) : h.mul(factor);
          h.attach(step);
        }
        NDArray loss = h.sum();
        loss.attach(step);
        if (collector != null) {
          collector.backward(loss);
          collector.close();
        }
      }
      times[s] = (System.nanoTime() - start) / 1e6;
    }
    // The first half warms the JIT up; the median of the second half is reported.
    double[] warm = Arrays.copyOfRange(times, steps / 2, steps);
    Arrays.sort(warm);
    return warm[warm.length / 2];
  }
}
