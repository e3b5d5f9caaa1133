package io.sharcs.core.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exact t-SNE (van der Maaten and Hinton 2008) for small sets, following sklearn's {@code
 * method="exact"} with {@code learning_rate="auto"}: Gaussian affinities on squared distances
 * calibrated to the perplexity, early exaggeration 12 for 250 iterations at momentum 0.5, then
 * momentum 0.8, per-coordinate gains, and a learning rate of {@code max(n / 48, 50)}.
 *
 * <p>{@link ConceptMap} uses it below {@link ConceptMap#EXACT_LIMIT} rows, where Barnes-Hut's
 * fixed learning rate of 200 is too large and flings single points away. It costs O(n^2) per
 * iteration and is deterministic: one seeded generator, sequential sums.
 */
final class ExactTsne {

  private static final double EXAGGERATION = 12;
  private static final int EXAGGERATION_ITERATIONS = 250;
  private static final double MOMENTUM_EARLY = 0.5;
  private static final double MOMENTUM_LATE = 0.8;
  private static final double MIN_GAIN = 0.01;
  /** sklearn's floors: no affinity row sum and no joint probability below these. */
  private static final double MIN_ROW_SUM = 1e-8;
  private static final double MIN_P = 1e-12;
  private static final int SEARCH_STEPS = 100;
  private static final double ENTROPY_TOLERANCE = 1e-5;

  private ExactTsne() {}

  /**
   * @param x the rows, at least two
   * @param perplexity the perplexity, at most {@code (n - 1) / 3}
   * @param iterations gradient steps
   * @param seed the seed of the initial map
   * @return one 2-D point per row, centred on the origin
   */
  static double[][] run(double[][] x, double perplexity, int iterations, long seed) {
    int n = x.length;
    double[] p = jointProbabilities(squaredDistances(x), perplexity);
    SplittableRandom random = new SplittableRandom(seed);
    double[] y = new double[2 * n];
    for (int i = 0; i < y.length; i++) {
      y[i] = 1e-4 * random.nextGaussian();
    }
    double learningRate = Math.max(n / EXAGGERATION / 4, 50);
    double[] update = new double[2 * n];
    double[] gains = new double[2 * n];
    Arrays.fill(gains, 1.0);
    double[] gradient = new double[2 * n];
    double[] num = new double[n * n];
    for (int iter = 0; iter < iterations; iter++) {
      boolean early = iter < EXAGGERATION_ITERATIONS;
      gradient(p, y, n, early ? EXAGGERATION : 1, num, gradient);
      double momentum = early ? MOMENTUM_EARLY : MOMENTUM_LATE;
      for (int i = 0; i < y.length; i++) {
        // sklearn's rule: grow the gain where the step reverses the last move, else shrink it.
        boolean reverses = update[i] * gradient[i] < 0;
        gains[i] = Math.max(MIN_GAIN, reverses ? gains[i] + 0.2 : gains[i] * 0.8);
        update[i] = momentum * update[i] - learningRate * gains[i] * gradient[i];
        y[i] += update[i];
      }
    }
    return centred(y, n);
  }

  private static double[] squaredDistances(double[][] x) {
    int n = x.length;
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int k = 0; k < x[i].length; k++) {
          double diff = x[i][k] - x[j][k];
          s += diff * diff;
        }
        d[i * n + j] = s;
        d[j * n + i] = s;
      }
    }
    return d;
  }

  /** Row-wise Gaussians whose entropy matches log(perplexity), symmetrised and normalised. */
  private static double[] jointProbabilities(double[] d, double perplexity) {
    int n = (int) Math.round(Math.sqrt(d.length));
    double[] conditional = new double[n * n];
    double target = Math.log(perplexity);
    for (int i = 0; i < n; i++) {
      double beta = 1;
      double low = Double.NEGATIVE_INFINITY;
      double high = Double.POSITIVE_INFINITY;
      for (int step = 0; step < SEARCH_STEPS; step++) {
        double sum = 0;
        double weighted = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            double v = Math.exp(-beta * d[i * n + j]);
            conditional[i * n + j] = v;
            sum += v;
            weighted += d[i * n + j] * v;
          }
        }
        sum = Math.max(sum, MIN_ROW_SUM);
        double entropy = Math.log(sum) + beta * weighted / sum;
        for (int j = 0; j < n; j++) {
          conditional[i * n + j] /= sum;
        }
        double diff = entropy - target;
        if (Math.abs(diff) <= ENTROPY_TOLERANCE) {
          break;
        }
        if (diff > 0) {
          low = beta;
          beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
        } else {
          high = beta;
          beta = low == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + low) / 2;
        }
      }
    }
    double[] joint = new double[n * n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          joint[i * n + j] = conditional[i * n + j] + conditional[j * n + i];
          total += joint[i * n + j];
        }
      }
    }
    for (int i = 0; i < joint.length; i++) {
      joint[i] = Math.max(joint[i] / total, MIN_P);
    }
    return joint;
  }

  /** dC/dy_i = 4 sum_j (exaggeration * p_ij - q_ij) (1 + |y_i - y_j|^2)^-1 (y_i - y_j). */
  private static void gradient(
      double[] p, double[] y, int n, double exaggeration, double[] num, double[] gradient) {
    double sumNum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = y[2 * i] - y[2 * j];
        double dy = y[2 * i + 1] - y[2 * j + 1];
        double v = 1 / (1 + dx * dx + dy * dy);
        num[i * n + j] = v;
        num[j * n + i] = v;
        sumNum += 2 * v;
      }
    }
    for (int i = 0; i < n; i++) {
      double gx = 0;
      double gy = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double v = num[i * n + j];
          double force = (exaggeration * p[i * n + j] - v / sumNum) * v;
          gx += force * (y[2 * i] - y[2 * j]);
          gy += force * (y[2 * i + 1] - y[2 * j + 1]);
        }
      }
      gradient[2 * i] = 4 * gx;
      gradient[2 * i + 1] = 4 * gy;
    }
  }

  private static double[][] centred(double[] y, int n) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += y[2 * i] / n;
      my += y[2 * i + 1] / n;
    }
    double[][] points = new double[n][2];
    for (int i = 0; i < n; i++) {
      points[i][0] = y[2 * i] - mx;
      points[i][1] = y[2 * i + 1] - my;
    }
    return points;
  }
}
