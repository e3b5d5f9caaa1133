package io.sharcs.core.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An exact nearest-neighbour index over a {@link ConceptBank}'s rows: a k-d tree over the
 * distinct rows. It returns exactly what a linear scan returns, bit for bit: the row with the
 * smallest squared distance {@code d = Σ_j (double) (v_j - q_j)²} (the difference taken in
 * float, the sum in double, in column order), the lowest row on ties.
 *
 * <p>Why it is exact: a subtree is skipped only when a lower bound of every distance in it is
 * <em>strictly</em> greater than the best distance so far, so no row that could win or tie is
 * skipped; rounding a float difference is monotonic, so the bound {@code (double) (s - q_a)²}
 * from the splitting value {@code s} never exceeds a distance on the far side. Identical rows are
 * merged into their lowest row first, which the tie rule would pick anyway; concept vectors of a
 * trained model repeat often (saturated sigmoids), and without the merge every exact tie would
 * have to be visited.
 *
 * <p>Searches are read-only and may run from several threads.
 */
final class NearestIndex {

  private static final int LEAF = 12;

  private final float[][] vectors;
  /** The distinct rows' indices into {@link #vectors}, in tree order. */
  private final int[] rows;
  // Node arrays: a leaf has axis -1 and covers rows[from..to); an inner node splits at split.
  private int[] axis;
  private float[] split;
  private int[] from;
  private int[] to;
  private int[] left;
  private int[] right;
  private int nodes;

  NearestIndex(float[][] vectors) {
    this.vectors = vectors;
    this.rows = distinctRows(vectors);
    int capacity = 2 * (rows.length / LEAF + 1) + 1;
    axis = new int[capacity];
    split = new float[capacity];
    from = new int[capacity];
    to = new int[capacity];
    left = new int[capacity];
    right = new int[capacity];
    build(0, rows.length);
  }

  /** The lowest row of each group of identical rows, ascending. */
  private static int[] distinctRows(float[][] vectors) {
    Map<Key, Integer> first = new HashMap<>();
    int[] out = new int[vectors.length];
    int n = 0;
    for (int i = 0; i < vectors.length; i++) {
      if (first.putIfAbsent(new Key(vectors[i]), i) == null) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Float rows compared by their bits (as {@link Arrays#equals(float[], float[])}). */
  private record Key(float[] v) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(v, k.v);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(v);
    }
  }

  private int build(int lo, int hi) {
    int node = newNode();
    from[node] = lo;
    to[node] = hi;
    axis[node] = -1;
    if (hi - lo <= LEAF) {
      return node;
    }
    int a = widestAxis(lo, hi);
    if (a < 0) {
      return node; // every row equal on every axis: cannot happen after the merge, kept safe
    }
    int mid = (lo + hi) >>> 1;
    sortRange(lo, hi, a);
    axis[node] = a;
    split[node] = vectors[rows[mid]][a];
    int l = build(lo, mid);
    int r = build(mid, hi);
    left[node] = l;
    right[node] = r;
    return node;
  }

  private int newNode() {
    if (nodes == axis.length) {
      int grown = axis.length * 2;
      axis = Arrays.copyOf(axis, grown);
      split = Arrays.copyOf(split, grown);
      from = Arrays.copyOf(from, grown);
      to = Arrays.copyOf(to, grown);
      left = Arrays.copyOf(left, grown);
      right = Arrays.copyOf(right, grown);
    }
    return nodes++;
  }

  private int widestAxis(int lo, int hi) {
    int width = vectors[rows[lo]].length;
    int best = -1;
    float bestSpread = 0;
    for (int a = 0; a < width; a++) {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (int i = lo; i < hi; i++) {
        float v = vectors[rows[i]][a];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (max - min > bestSpread) {
        bestSpread = max - min;
        best = a;
      }
    }
    return best;
  }

  /** Sorts {@code rows[lo..hi)} by coordinate {@code a} (row index breaking ties). */
  private void sortRange(int lo, int hi, int a) {
    Integer[] boxed = new Integer[hi - lo];
    for (int i = lo; i < hi; i++) {
      boxed[i - lo] = rows[i];
    }
    Arrays.sort(boxed, (x, y) -> {
      int c = Float.compare(vectors[x][a], vectors[y][a]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    for (int i = lo; i < hi; i++) {
      rows[i] = boxed[i - lo];
    }
  }

  /**
   * The nearest row to {@code query} and its squared distance, as {@code {row, d}} packed into a
   * {@link Hit}; row 0 with an infinite distance when no distance is finite-comparable (NaN), as
   * the linear scan does.
   */
  Hit nearest(float[] query) {
    Search s = new Search(query);
    s.visit(0);
    return s.best < 0
        ? new Hit(0, Double.POSITIVE_INFINITY)
        : new Hit(s.best, s.bestDistance);
  }

  /** A row and its squared distance to the query. */
  record Hit(int row, double squaredDistance) {}

  private final class Search {
    private final float[] q;
    private int best = -1;
    private double bestDistance = Double.POSITIVE_INFINITY;

    Search(float[] q) {
      this.q = q;
    }

    void visit(int node) {
      int a = axis[node];
      if (a < 0) {
        scan(from[node], to[node]);
        return;
      }
      float s = split[node];
      boolean goLeft = q[a] < s;
      visit(goLeft ? left[node] : right[node]);
      double diff = s - q[a];
      // Strictly greater: a far-side row at exactly the best distance may still win the tie.
      if (!(diff * diff > bestDistance)) {
        visit(goLeft ? right[node] : left[node]);
      }
    }

    private void scan(int lo, int hi) {
      for (int i = lo; i < hi; i++) {
        int row = rows[i];
        float[] v = vectors[row];
        double d = 0;
        int j = 0;
        for (; j < v.length; j++) {
          double diff = v[j] - q[j];
          d += diff * diff;
          if (d > bestDistance) {
            break; // partial sums only grow: this row cannot win or tie
          }
        }
        if (j < v.length) {
          continue;
        }
        if (d < bestDistance || (d == bestDistance && row < best)) {
          bestDistance = d;
          best = row;
        }
      }
    }
  }
}
