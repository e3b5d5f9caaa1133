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
    double[][] p = jointProbabilities(squaredDistances(x), perplexity);
    SplittableRandom random = new SplittableRandom(seed);
    // The map's coordinates in two arrays (x and y of point i at index i), drawn in the order
    // x0, y0, x1, y1, ...
    double[][] y = new double[2][n];
    for (int i = 0; i < n; i++) {
      y[0][i] = 1e-4 * random.nextGaussian();
      y[1][i] = 1e-4 * random.nextGaussian();
    }
    double learningRate = Math.max(n / EXAGGERATION / 4, 50);
    double[][] update = new double[2][n];
    double[][] gains = new double[2][n];
    Arrays.fill(gains[0], 1.0);
    Arrays.fill(gains[1], 1.0);
    double[][] gradient = new double[2][n];
    double[] kernelSums = new double[n];
    for (int iter = 0; iter < iterations; iter++) {
      boolean early = iter < EXAGGERATION_ITERATIONS;
      gradient(p, y, early ? EXAGGERATION : 1, kernelSums, gradient);
      double momentum = early ? MOMENTUM_EARLY : MOMENTUM_LATE;
      for (int c = 0; c < 2; c++) {
        double[] u = update[c];
        double[] gain = gains[c];
        double[] g = gradient[c];
        double[] coordinate = y[c];
        for (int i = 0; i < n; i++) {
          // sklearn's rule: grow the gain where the step reverses the last move, else shrink it.
          boolean reverses = u[i] * g[i] < 0;
          gain[i] = Math.max(MIN_GAIN, reverses ? gain[i] + 0.2 : gain[i] * 0.8);
          u[i] = momentum * u[i] - learningRate * gain[i] * g[i];
          coordinate[i] += u[i];
        }
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

  /**
   * Row-wise Gaussians whose entropy matches log(perplexity): the conditional probabilities.
   *
   * <p>Each row's precision beta is found as sklearn finds it: bisection (doubling or halving
   * while one side is open) until the entropy is within 1e-5 of the target, at most 100
   * evaluations of a row of exponentials. Rows where no beta reaches the target are settled
   * without the search ({@link #nearestOnly}).
   *
   * @param d squared distances, n x n row-major
   * @return p_{j|i} at {@code i * n + j}, each row summing to 1 (p_{i|i} = 0)
   */
  static double[] conditionalProbabilities(double[] d, double perplexity) {
    int n = (int) Math.round(Math.sqrt(d.length));
    double[] conditional = new double[n * n];
    double target = Math.log(perplexity);
    for (int i = 0; i < n; i++) {
      if (nearestOnly(d, i, n, target, conditional)) {
        continue;
      }
      double beta = 1;
      double low = Double.NEGATIVE_INFINITY;
      double high = Double.POSITIVE_INFINITY;
      double sum = 0;
      for (int step = 0; step < SEARCH_STEPS; step++) {
        sum = 0;
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
      // Normalised once, with the sum of the last evaluation (the one that is kept).
      for (int j = 0; j < n; j++) {
        conditional[i * n + j] /= sum;
      }
    }
    return conditional;
  }

  /**
   * Settles row i without a search where no precision reaches the target entropy: as beta grows
   * the row's distribution narrows to the uniform one over the k points at the row's smallest
   * distance, whose entropy log k is the lowest the row can have. Where log k is above the
   * target by more than the tolerance (more than {@code perplexity} points coincide with point i,
   * as concept vectors of a trained model often do), the search would double beta to its last
   * step; its result is that limit when the points coincide (exp(-beta 0) = 1 for every beta),
   * and here the limit is taken for equal non-zero distances too, where the search's
   * exponentials would underflow to a row of zeros.
   *
   * @return whether row i was settled (its conditional probabilities written)
   */
  private static boolean nearestOnly(
      double[] d, int i, int n, double target, double[] conditional) {
    double nearest = Double.POSITIVE_INFINITY;
    int ties = 0;
    for (int j = 0; j < n; j++) {
      if (j != i) {
        double dij = d[i * n + j];
        if (dij < nearest) {
          nearest = dij;
          ties = 1;
        } else if (dij == nearest) {
          ties++;
        }
      }
    }
    if (Math.log(ties) - target <= ENTROPY_TOLERANCE) {
      return false;
    }
    for (int j = 0; j < n; j++) {
      conditional[i * n + j] = j != i && d[i * n + j] == nearest ? 1.0 / ties : 0;
    }
    return true;
  }

  /** The conditional probabilities, symmetrised and normalised, one row per point. */
  private static double[][] jointProbabilities(double[] d, double perplexity) {
    int n = (int) Math.round(Math.sqrt(d.length));
    double[] conditional = conditionalProbabilities(d, perplexity);
    double total = 0;
    double[][] joint = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          joint[i][j] = conditional[i * n + j] + conditional[j * n + i];
          total += joint[i][j];
        }
      }
    }
    for (double[] row : joint) {
      for (int j = 0; j < n; j++) {
        row[j] = Math.max(row[j] / total, MIN_P);
      }
    }
    return joint;
  }

  /**
   * dC/dy_j = 4 sum_i (exaggeration * p_ij - q_ij) (1 + |y_j - y_i|^2)^-1 (y_j - y_i), with q_ij
   * the Student-t kernel (1 + |y_i - y_j|^2)^-1 over its sum Z over all pairs i != j.
   *
   * <p>Two passes over all n^2 ordered pairs, the first for Z, the second for the forces, each
   * recomputing the kernel. Every inner loop runs over j with the outer row i fixed and adds
   * into slot j, so it has no running sum and the JIT turns it into vector instructions: with
   * p in row arrays and the coordinates in two arrays this measured 2.6x faster than one pass
   * over the pairs i < j with scalar sums (division is cheap once vectorised). The i = j term
   * adds exactly zero (its kernel is 1, its offset 0), and the sums run over i in order, so the
   * result is deterministic.
   *
   * @param p the joint probabilities, one row per point (p_ii = MIN_P is never used: it is
   *     multiplied by a zero offset)
   * @param y the coordinates: y[0] the x, y[1] the y of every point
   * @param kernelSums scratch, one slot per point
   * @param gradient out: the gradient in the layout of {@code y}
   */
  static void gradient(
      double[][] p, double[][] y, double exaggeration, double[] kernelSums, double[][] gradient) {
    double[] px = y[0];
    double[] py = y[1];
    int n = px.length;
    Arrays.fill(kernelSums, 0);
    for (int i = 0; i < n; i++) {
      double xi = px[i];
      double yi = py[i];
      for (int j = 0; j < n; j++) {
        double dx = px[j] - xi;
        double dy = py[j] - yi;
        kernelSums[j] += 1 / (1 + dx * dx + dy * dy);
      }
    }
    double z = -n; // the n terms i = j are exactly 1 each
    for (double s : kernelSums) {
      z += s;
    }
    double inverseZ = 1 / z;
    double[] gx = gradient[0];
    double[] gy = gradient[1];
    Arrays.fill(gx, 0);
    Arrays.fill(gy, 0);
    for (int i = 0; i < n; i++) {
      double xi = px[i];
      double yi = py[i];
      double[] row = p[i];
      for (int j = 0; j < n; j++) {
        double dx = px[j] - xi;
        double dy = py[j] - yi;
        double v = 1 / (1 + dx * dx + dy * dy);
        double force = (exaggeration * row[j] - v * inverseZ) * v;
        gx[j] += force * dx;
        gy[j] += force * dy;
      }
    }
    for (int j = 0; j < n; j++) {
      gx[j] *= 4;
      gy[j] *= 4;
    }
  }

  private static double[][] centred(double[][] y, int n) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += y[0][i] / n;
      my += y[1][i] / n;
    }
    double[][] points = new double[n][2];
    for (int i = 0; i < n; i++) {
      points[i][0] = y[0][i] - mx;
      points[i][1] = y[1][i] - my;
    }
    return points;
  }
}
