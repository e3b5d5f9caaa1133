package io.sharcs.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactTsneTest {

  /**
   * The vectorisable two-pass gradient against the textbook sum over pairs, at both phases'
   * exaggerations, on a map with points at all scales (including two that coincide).
   */
  @Test
  void gradientIsTheSumOverPairs() {
    int n = 37;
    SplittableRandom rng = new SplittableRandom(3);
    double[][] p = new double[n][n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        p[i][j] = rng.nextDouble() * rng.nextDouble();
        p[j][i] = p[i][j];
        total += 2 * p[i][j];
      }
    }
    for (double[] row : p) {
      for (int j = 0; j < n; j++) {
        row[j] /= total;
      }
    }
    double[][] y = new double[2][n];
    for (int i = 0; i < n; i++) {
      double scale = Math.pow(10, rng.nextInt(-3, 2));
      y[0][i] = scale * rng.nextGaussian();
      y[1][i] = scale * rng.nextGaussian();
    }
    y[0][5] = y[0][4];
    y[1][5] = y[1][4];

    for (double exaggeration : new double[] {12, 1}) {
      double[][] gradient = new double[2][n];
      ExactTsne.gradient(p, y, exaggeration, new double[n], gradient);

      double[][] expected = pairwise(p, y, exaggeration);
      for (int c = 0; c < 2; c++) {
        for (int i = 0; i < n; i++) {
          double tolerance = 1e-12 * (Math.abs(expected[c][i]) + 1e-9);
          assertThat(gradient[c][i]).as("coordinate %d of point %d", c, i)
              .isCloseTo(expected[c][i], within(tolerance));
        }
      }
    }
  }

  /** dC/dy_i = 4 sum_{j != i} (e p_ij - q_ij) (1 + |y_i - y_j|^2)^-1 (y_i - y_j). */
  private static double[][] pairwise(double[][] p, double[][] y, double exaggeration) {
    int n = p.length;
    double z = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          z += kernel(y, i, j);
        }
      }
    }
    double[][] gradient = new double[2][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double v = kernel(y, i, j);
          double force = (exaggeration * p[i][j] - v / z) * v;
          gradient[0][i] += 4 * force * (y[0][i] - y[0][j]);
          gradient[1][i] += 4 * force * (y[1][i] - y[1][j]);
        }
      }
    }
    return gradient;
  }

  private static double kernel(double[][] y, int i, int j) {
    double dx = y[0][i] - y[0][j];
    double dy = y[1][i] - y[1][j];
    return 1 / (1 + dx * dx + dy * dy);
  }

  /**
   * Every row's conditional distribution has the perplexity's entropy (sklearn's tolerance, 1e-5)
   * and sums to 1, also where rows hold equal distances (points that coincide, as concept vectors
   * of a trained model often do) and distances at different scales.
   */
  @Test
  void conditionalRowsHaveThePerplexitysEntropy() {
    int n = 120;
    SplittableRandom rng = new SplittableRandom(11);
    double[][] x = new double[n][3];
    for (int i = 0; i < n; i++) {
      int cluster = i % 6;
      for (int k = 0; k < 3; k++) {
        // Three points of each cluster sit exactly on its centre (entropy cannot fall below
        // log 2 in their rows); the rest spread at 0.05 to 0.5.
        double spread = i < 18 ? 0 : 0.05 * (1 + i % 10);
        x[i][k] = cluster * 3 + (k == 0 ? cluster : 0) + spread * rng.nextGaussian();
      }
    }
    double[] d = squaredDistances(x);

    for (double perplexity : new double[] {5, 30}) {
      double[] p = ExactTsne.conditionalProbabilities(d, perplexity);

      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum += p[i * n + j];
        }
        assertThat(p[i * n + i]).isZero();
        assertThat(sum).as("row %d", i).isCloseTo(1, within(1e-12));
        assertThat(entropy(p, i, n)).as("row %d, perplexity %s", i, perplexity)
            .isCloseTo(Math.log(perplexity), within(1e-5));
      }
    }
  }

  /**
   * A point with more coincident neighbours than the perplexity cannot reach its entropy at any
   * precision: its row is the limit, uniform over the coincident points, as the search's last
   * step gave it. Rows that can reach it are still calibrated.
   */
  @Test
  void rowsBelowTheirLowestEntropyAreUniformOverTheNearest() {
    int n = 100;
    SplittableRandom rng = new SplittableRandom(5);
    double[][] x = new double[n][2];
    for (int i = 40; i < n; i++) {
      x[i][0] = 1 + rng.nextDouble();
      x[i][1] = rng.nextDouble();
    }
    double[] p = ExactTsne.conditionalProbabilities(squaredDistances(x), 20);

    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < n; j++) {
        double expected = j != i && j < 40 ? 1.0 / 39 : 0;
        assertThat(p[i * n + j]).as("p(%d | %d)", j, i).isEqualTo(expected);
      }
    }
    for (int i = 40; i < n; i++) {
      assertThat(entropy(p, i, n)).as("row %d", i).isCloseTo(Math.log(20), within(1e-5));
    }
  }

  private static double[] squaredDistances(double[][] x) {
    int n = x.length;
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < x[i].length; k++) {
          d[i * n + j] += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
        }
      }
    }
    return d;
  }

  /** The entropy (nats) of row i of the n x n row-major conditional probabilities. */
  private static double entropy(double[] p, int i, int n) {
    double entropy = 0;
    for (int j = 0; j < n; j++) {
      double pij = p[i * n + j];
      entropy -= pij > 0 ? pij * Math.log(pij) : 0;
    }
    return entropy;
  }

  /** The map separates two well-apart clusters: every point is nearer its own cluster's centre. */
  @Test
  void separatesTwoClusters() {
    int n = 60;
    SplittableRandom rng = new SplittableRandom(9);
    double[][] x = new double[2 * n][5];
    for (int i = 0; i < 2 * n; i++) {
      for (int k = 0; k < 5; k++) {
        x[i][k] = (i < n ? 0 : 4) + rng.nextGaussian() * 0.3;
      }
    }

    double[][] map = ExactTsne.run(x, 20, 500, 1);

    double[][] centre = new double[2][2];
    for (int i = 0; i < 2 * n; i++) {
      centre[i / n][0] += map[i][0] / n;
      centre[i / n][1] += map[i][1] / n;
    }
    for (int i = 0; i < 2 * n; i++) {
      int own = i / n;
      assertThat(distance(map[i], centre[own]))
          .as("point %d", i)
          .isLessThan(distance(map[i], centre[1 - own]));
    }
  }

  private static double distance(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }
}
