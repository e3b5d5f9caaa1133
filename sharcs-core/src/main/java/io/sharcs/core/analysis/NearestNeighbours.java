package io.sharcs.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact k-nearest-neighbour search by Euclidean (L2) distance over the rows of a bank, as the
 * reference's retrieval does it (argmin, ties to the lowest index; method spec §5.4, §5.7
 * "cross-modal nearest examples"). Used for cross-modal nearest examples (k = 4), retrieval with
 * provenance and concept prototypes.
 *
 * <p>Each query scans the bank once and keeps the k best rows in a bounded max-heap, so a query
 * costs O(n·d + n·log k) time and O(k) memory; the bank is read in place, never copied.
 */
public final class NearestNeighbours {

  private NearestNeighbours() {}

  /**
   * One neighbour of a query.
   *
   * @param index the row of the bank
   * @param distance its Euclidean distance to the query
   */
  public record Neighbour(int index, double distance) {}

  /**
   * The {@code k} rows of {@code bank} nearest to {@code query}.
   *
   * @param bank the rows searched, one per candidate, all as wide as the query
   * @param query the query vector
   * @param k how many neighbours to return, at least 1; fewer come back when the bank is smaller
   * @return the neighbours, nearest first; equal distances are ordered by ascending bank index
   * @throws IllegalArgumentException if the bank is empty or ragged, the query's width differs,
   *     or {@code k < 1}
   */
  public static List<Neighbour> nearest(float[][] bank, float[] query, int k) {
    int width = ConceptChecks.width("bank", bank);
    checkK(k);
    checkQuery(query, width, "query");
    return search(bank, query, k);
  }

  /**
   * The {@code k} nearest bank rows of every query, as {@link #nearest(float[][], float[], int)}
   * returns them for each.
   *
   * @param bank the rows searched
   * @param queries the queries, one per row, as wide as the bank
   * @param k how many neighbours per query, at least 1
   * @return one neighbour list per query, in query order
   * @throws IllegalArgumentException if a matrix is empty or ragged, the widths differ, or
   *     {@code k < 1}
   */
  public static List<List<Neighbour>> nearest(float[][] bank, float[][] queries, int k) {
    int width = ConceptChecks.width("bank", bank);
    checkK(k);
    int queryWidth = ConceptChecks.width("queries", queries);
    if (queryWidth != width) {
      throw new IllegalArgumentException(
          "queries have " + queryWidth + " columns but the bank has " + width);
    }
    List<List<Neighbour>> all = new ArrayList<>(queries.length);
    for (float[] query : queries) {
      all.add(search(bank, query, k));
    }
    return List.copyOf(all);
  }

  private static void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }

  private static void checkQuery(float[] query, int width, String name) {
    if (query == null) {
      throw new IllegalArgumentException(name + " is null");
    }
    if (query.length != width) {
      throw new IllegalArgumentException(
          name + " has " + query.length + " columns but the bank has " + width);
    }
  }

  /**
   * Scans the bank keeping a max-heap (by distance, then index) of the best {@code k} rows. Rows
   * arrive in ascending index order, so a later row only displaces the heap's worst when it is
   * strictly nearer: that is what sends ties to the lowest index.
   */
  private static List<Neighbour> search(float[][] bank, float[] query, int k) {
    int capacity = Math.min(k, bank.length);
    int[] heapRow = new int[capacity];
    double[] heapDist = new double[capacity];
    int size = 0;
    for (int i = 0; i < bank.length; i++) {
      double d = squaredDistance(bank[i], query);
      if (size < capacity) {
        heapRow[size] = i;
        heapDist[size] = d;
        siftUp(heapRow, heapDist, size);
        size++;
      } else if (d < heapDist[0]) {
        heapRow[0] = i;
        heapDist[0] = d;
        siftDown(heapRow, heapDist, size);
      }
    }
    // Popping the max-heap fills the answer from its far end.
    Neighbour[] sorted = new Neighbour[size];
    for (int end = size - 1; end >= 0; end--) {
      sorted[end] = new Neighbour(heapRow[0], Math.sqrt(heapDist[0]));
      heapRow[0] = heapRow[end];
      heapDist[0] = heapDist[end];
      siftDown(heapRow, heapDist, end);
    }
    return List.of(sorted);
  }

  /** Squared L2 in double, so float rounding cannot reorder close neighbours. */
  private static double squaredDistance(float[] a, float[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      double diff = (double) a[j] - b[j];
      sum += diff * diff;
    }
    return sum;
  }

  /** Whether heap entry a ranks after (is worse than) entry b: farther, or as far and later. */
  private static boolean worse(int[] row, double[] dist, int a, int b) {
    return dist[a] > dist[b] || (dist[a] == dist[b] && row[a] > row[b]);
  }

  private static void siftUp(int[] row, double[] dist, int at) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (!worse(row, dist, at, parent)) {
        return;
      }
      swap(row, dist, at, parent);
      at = parent;
    }
  }

  private static void siftDown(int[] row, double[] dist, int size) {
    int at = 0;
    while (true) {
      int left = 2 * at + 1;
      if (left >= size) {
        return;
      }
      int right = left + 1;
      int worst = right < size && worse(row, dist, right, left) ? right : left;
      if (!worse(row, dist, worst, at)) {
        return;
      }
      swap(row, dist, at, worst);
      at = worst;
    }
  }

  private static void swap(int[] row, double[] dist, int a, int b) {
    int r = row[a];
    row[a] = row[b];
    row[b] = r;
    double d = dist[a];
    dist[a] = dist[b];
    dist[b] = d;
  }
}
