package io.sharcs.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A bank of shared concept vectors of one modality, searched by Euclidean distance. It is what
 * missing-modality retrieval looks the missing modality up in. Each entry carries the id of the
 * sample it came from, so a retrieval can say which sample it borrowed.
 */
public final class ConceptBank {

  /** Below this many rows a linear scan is as fast as building an index. */
  private static final int INDEX_FROM = 512;

  private final float[][] vectors;
  private final List<String> ids;
  private volatile NearestIndex index;

  /** @param vectors one row per bank entry, all of the same width; ids are the row numbers */
  public ConceptBank(float[][] vectors) {
    this(vectors, positions(vectors.length));
  }

  /**
   * @param vectors one row per bank entry, all of the same width
   * @param ids the sample id of each row
   */
  public ConceptBank(float[][] vectors, List<String> ids) {
    if (vectors.length == 0) {
      throw new IllegalArgumentException("a concept bank needs at least one vector");
    }
    if (ids.size() != vectors.length) {
      throw new IllegalArgumentException(
          "a concept bank of " + vectors.length + " vectors got " + ids.size() + " ids");
    }
    this.vectors = vectors.clone();
    this.ids = List.copyOf(ids);
  }

  private static List<String> positions(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Integer.toString(i));
    }
    return out;
  }

  /** The number of entries. */
  public int size() {
    return vectors.length;
  }

  /** The width of every entry. */
  public int width() {
    return vectors[0].length;
  }

  /** Entry {@code i} (not a copy: callers must not modify it). */
  public float[] get(int i) {
    return vectors[i];
  }

  /** The sample id of entry {@code i}. */
  public String id(int i) {
    return ids.get(i);
  }

  /** The sample ids of every entry, in row order. */
  public List<String> ids() {
    return ids;
  }

  /** The index of the entry nearest to {@code query} (L2); ties go to the lowest index. */
  public int nearest(float[] query) {
    return nearestEntry(query).row();
  }

  /**
   * The entry nearest to {@code query} (L2; ties go to the lowest index) with its sample id and
   * its Euclidean distance to the query.
   */
  public Retrieved nearestEntry(float[] query) {
    if (vectors.length >= INDEX_FROM) {
      NearestIndex.Hit hit = index().nearest(query);
      return new Retrieved(hit.row(), ids.get(hit.row()), Math.sqrt(hit.squaredDistance()));
    }
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < vectors.length; i++) {
      double d = 0;
      float[] v = vectors[i];
      for (int j = 0; j < v.length; j++) {
        double diff = v[j] - query[j];
        d += diff * diff;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return new Retrieved(best, ids.get(best), Math.sqrt(bestDistance));
  }

  /**
   * {@link #nearestEntry} of every query, in query order; the searches run on the machine's
   * cores (the same answers as one after the other).
   */
  public Retrieved[] nearestEntries(float[][] queries) {
    Retrieved[] out = new Retrieved[queries.length];
    Parallel.forEachRow(queries.length, i -> out[i] = nearestEntry(queries[i]));
    return out;
  }

  /** {@link #nearest} of every query, in query order, on the machine's cores. */
  public int[] nearest(float[][] queries) {
    int[] out = new int[queries.length];
    Parallel.forEachRow(queries.length, i -> out[i] = nearest(queries[i]));
    return out;
  }

  /** The k-d index, built on the first search of a large bank (the same answers as the scan). */
  private NearestIndex index() {
    NearestIndex built = index;
    if (built == null) {
      synchronized (this) {
        built = index;
        if (built == null) {
          built = new NearestIndex(vectors);
          index = built;
        }
      }
    }
    return built;
  }
}
