package io.sharcs.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits row lists into consecutive chunks. */
public final class Batches {

  private Batches() {}

  /** Consecutive chunks of at most {@code size} rows; the last may be shorter. */
  public static List<int[]> chunks(int[] rows, int size) {
    List<int[]> out = new ArrayList<>();
    for (int from = 0; from < rows.length; from += size) {
      out.add(Arrays.copyOfRange(rows, from, Math.min(rows.length, from + size)));
    }
    return out;
  }

  /**
   * Consecutive chunks of at most {@code size} rows, except that a lone trailing row joins the
   * chunk before it: batch statistics need at least two rows.
   */
  public static List<int[]> chunksForBatchStatistics(int[] rows, int size) {
    List<int[]> out = chunks(rows, size);
    int last = out.size() - 1;
    if (last > 0 && out.get(last).length == 1) {
      int[] merged = Arrays.copyOf(out.get(last - 1), out.get(last - 1).length + 1);
      merged[merged.length - 1] = out.get(last)[0];
      out.set(last - 1, merged);
      out.remove(last);
    }
    return out;
  }

  /** Consecutive sub-lists of at most {@code size} elements. */
  public static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      out.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return out;
  }

  /** {@code 0, 1, ..., n-1}. */
  public static int[] range(int n) {
    int[] rows = new int[n];
    Arrays.setAll(rows, i -> i);
    return rows;
  }
}
