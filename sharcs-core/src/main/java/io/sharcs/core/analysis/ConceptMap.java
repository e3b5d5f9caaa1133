package io.sharcs.core.analysis;

import de.javagl.tsne.Tsne;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A 2-D t-SNE map of a concept matrix, for the reference's cluster plots and "shared space with
 * pictures" (method spec §5.7). Up to {@link #EXACT_LIMIT} rows are mapped by an exact t-SNE with
 * sklearn's settings; larger sets by Barnes-Hut t-SNE ({@code de.javagl:bh-tsne}), whose fixed
 * learning rate suits large sets but flings single points away on small ones.
 *
 * <p>Deterministic for a given seed: the exact path is sequential with one seeded generator; the
 * library draws from a {@code java.util.Random} seeded
 * from {@link Options#seed()} (no global or thread-local generator), its parallel loop writes
 * each point's terms to that point's own slot and sums them in a fixed order, and rows beyond
 * {@link Options#maxPoints()} are dropped by a subsample drawn from the same seed. Perplexity is
 * clamped to {@code (n - 1) / 3} so small sets still embed.
 *
 * <p>Two properties of the library, kept as they are: its input affinities are {@code
 * exp(-beta * d)} on unsquared distances (as in the Java port it derives from) rather than
 * {@code exp(-beta * d^2)}, still calibrated to the perplexity, so maps look like t-SNE maps but
 * are not numerically sklearn's; and its learning rate is fixed at 200 (hence the exact path for
 * small sets). Its parallel loop runs on the common fork-join pool.
 *
 * @param points the map points, one per kept row, in ascending row order
 * @param totalRows the number of rows given, kept or not
 * @param perplexity the perplexity actually used (after clamping)
 */
public record ConceptMap(List<Point> points, int totalRows, double perplexity) {

  /**
   * Up to this many kept rows are mapped by exact t-SNE ({@code ExactTsne}, sklearn's settings,
   * O(n^2) per iteration: about a second at this size); larger sets by Barnes-Hut.
   */
  public static final int EXACT_LIMIT = 500;

  /** Copies the points so the map is immutable. */
  public ConceptMap {
    points = List.copyOf(points);
  }

  /** The kept rows' indices in the input matrix, ascending (the rows of {@link #points()}). */
  public List<Integer> rows() {
    return points.stream().map(Point::row).toList();
  }

  /**
   * One mapped row.
   *
   * @param row the row index in the input matrix
   * @param x the first map coordinate
   * @param y the second map coordinate
   */
  public record Point(int row, double x, double y) {}

  /**
   * t-SNE settings.
   *
   * @param maxPoints at most this many rows are mapped (a seeded subsample beyond it), >= 1
   * @param perplexity the wanted perplexity, > 0 (clamped for small sets)
   * @param iterations gradient-descent iterations, >= 1 (the first 250 exaggerate, as usual)
   * @param theta Barnes-Hut accuracy, > 0 (0.5 is the usual; smaller is slower and more exact;
   *     unused by the exact path)
   * @param seed the seed of the subsample and of t-SNE's initialisation
   */
  public record Options(int maxPoints, double perplexity, int iterations, double theta, long seed) {

    /** Validates the settings. */
    public Options {
      if (maxPoints < 1) {
        throw new IllegalArgumentException("maxPoints must be >= 1, got " + maxPoints);
      }
      if (!(perplexity > 0)) {
        throw new IllegalArgumentException("perplexity must be > 0, got " + perplexity);
      }
      if (iterations < 1) {
        throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
      }
      if (!(theta > 0)) {
        throw new IllegalArgumentException("theta must be > 0, got " + theta);
      }
    }

    /** sklearn's defaults (perplexity 30, 1000 iterations, theta 0.5) on at most 2,000 rows. */
    public static Options defaults(long seed) {
      return new Options(2_000, 30, 1_000, 0.5, seed);
    }
  }

  /**
   * Maps the rows of a concept matrix to 2-D.
   *
   * @param concepts raw concept values, one row per sample
   * @param options t-SNE settings and seed
   * @return one point per kept row (all rows when there are at most {@code maxPoints})
   * @throws IllegalArgumentException if the matrix is empty or ragged, or has a non-finite value
   */
  public static ConceptMap of(float[][] concepts, Options options) {
    if (options == null) {
      throw new IllegalArgumentException("options is null");
    }
    int width = ConceptChecks.width("concepts", concepts);
    int[] kept = keptRows(concepts.length, options.maxPoints(), options.seed());
    int n = kept.length;
    double perplexity = clampPerplexity(options.perplexity(), n);
    double[][] x = shiftedRows(concepts, kept, width);
    if (n < 2 || x == null) {
      // One row, or rows that are all the same point: nothing to spread, all at the origin.
      List<Point> origin = new ArrayList<>(n);
      for (int row : kept) {
        origin.add(new Point(row, 0, 0));
      }
      return new ConceptMap(origin, concepts.length, perplexity);
    }
    if (n <= EXACT_LIMIT) {
      return new ConceptMap(
          points(kept, ExactTsne.run(x, perplexity, options.iterations(), options.seed())),
          concepts.length,
          perplexity);
    }
    Tsne tsne = new Tsne();
    tsne.setOutputDims(2);
    tsne.setInitialDims(0); // no PCA: concept vectors are already narrow
    tsne.setPerplexity(perplexity);
    tsne.setMaxIterations(options.iterations());
    tsne.setTheta(options.theta());
    tsne.setRandomSeed(options.seed());
    tsne.setMessageConsumer(null); // also switches off its per-50-iterations error evaluation
    tsne.setProgressConsumer(null);
    double[][] y = tsne.run(x);
    if (y == null) {
      // The library gives up silently when its thread is interrupted.
      throw new IllegalStateException("t-SNE was interrupted before it finished");
    }
    return new ConceptMap(points(kept, y), concepts.length, perplexity);
  }

  private static List<Point> points(int[] kept, double[][] y) {
    List<Point> points = new ArrayList<>(kept.length);
    for (int i = 0; i < kept.length; i++) {
      points.add(new Point(kept[i], y[i][0], y[i][1]));
    }
    return points;
  }

  /**
   * The library needs {@code 3 * perplexity <= n - 1} (it takes {@code 3 * perplexity} nearest
   * neighbours per point); stepping down past rounding keeps {@code (n - 1) / 3} itself legal.
   */
  static double clampPerplexity(double wanted, int n) {
    double p = Math.min(wanted, (n - 1) / 3.0);
    while (p > 0 && 3 * p > n - 1) {
      p = Math.nextDown(p);
    }
    return p;
  }

  /** The kept rows' indices, ascending: all rows, or a seeded uniform subsample of them. */
  static int[] keptRows(int rows, int maxPoints, long seed) {
    int[] all = new int[rows];
    for (int i = 0; i < rows; i++) {
      all[i] = i;
    }
    if (rows <= maxPoints) {
      return all;
    }
    // Partial Fisher-Yates: the first maxPoints slots end up a uniform sample without repeats.
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < maxPoints; i++) {
      int j = i + random.nextInt(rows - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] kept = Arrays.copyOf(all, maxPoints);
    Arrays.sort(kept);
    return kept;
  }

  /**
   * The kept rows in double, shifted so the smallest value is 0. The library divides by the
   * largest value before computing distances; the shift keeps that from dividing by zero or by a
   * negative number, and changes no distance. Returns null when every value is the same.
   */
  private static double[][] shiftedRows(float[][] concepts, int[] kept, int width) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int row : kept) {
      for (int j = 0; j < width; j++) {
        float v = concepts[row][j];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException(
              "concepts[" + row + "][" + j + "] is " + v + "; t-SNE needs finite values");
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (max == min) {
      return null;
    }
    double[][] x = new double[kept.length][width];
    for (int i = 0; i < kept.length; i++) {
      for (int j = 0; j < width; j++) {
        x[i][j] = concepts[kept[i]][j] - min;
      }
    }
    return x;
  }
}
