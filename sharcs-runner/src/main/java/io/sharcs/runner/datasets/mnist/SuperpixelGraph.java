package io.sharcs.runner.datasets.mnist;

/**
 * The graph of one digit's superpixels, as PyG's MNISTSuperpixels describes a digit: one node per
 * superpixel with its mean intensity and its centroid, directed edges in both directions between
 * superpixels that touch (the region adjacency graph, {@link #of}) or between nearest
 * neighbours ({@link #nearest}), and optionally Cartesian edge attributes.
 *
 * <p>Nodes are numbered as the superpixels ({@link Slic}: raster order of their first pixel);
 * edges are sorted by source, then target. Arrays are shared, not copied: treat them as read-only.
 *
 * @param intensity per node, the mean grey value of its pixels scaled to [0, 1] (PyG's set holds
 *     intensities in [0, 1])
 * @param x per node, the centroid's column, in pixels (0 = left)
 * @param y per node, the centroid's row, in pixels (0 = top; y grows downwards as in the image)
 * @param sources per directed edge, its source node
 * @param targets per directed edge, its target node
 * @param edgeAttributes per directed edge two values (interleaved), or null for none
 */
public record SuperpixelGraph(
    float[] intensity, float[] x, float[] y, int[] sources, int[] targets,
    float[] edgeAttributes) {

  /** The part of a digit a half shows. */
  public enum Half {
    /** Nodes with {@code y <= max(y) / 2}; image rows 0 to 13. */
    UPPER("upper"),
    /** Nodes with {@code y > max(y) / 2}; image rows 14 to 27. */
    LOWER("lower");

    private final String id;

    Half(String id) {
      this.id = id;
    }

    /** The lower-case name, as in content keys. */
    public String id() {
      return id;
    }

    /** The other half. */
    public Half other() {
      return this == UPPER ? LOWER : UPPER;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /**
   * The graph of a segmentation.
   *
   * @param labels region labels per pixel (0 .. regions-1, each used), row by row
   * @param labelOffset where the image's labels start
   * @param regions the number of regions
   * @param pixels grey values 0-255, row by row
   * @param pixelOffset where the image's pixels start
   * @param width the image width
   * @param height the image height
   */
  public static SuperpixelGraph of(char[] labels, int labelOffset, int regions, byte[] pixels,
      int pixelOffset, int width, int height) {
    int[] count = new int[regions];
    long[] sumI = new long[regions];
    long[] sumX = new long[regions];
    long[] sumY = new long[regions];
    // touching[a * n + b]: regions a and b share a pixel side (both directions are set).
    boolean[] touching = new boolean[regions * regions];
    int edges = 0;
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        int p = r * width + c;
        int a = labels[labelOffset + p];
        count[a]++;
        sumI[a] += pixels[pixelOffset + p] & 0xff;
        sumX[a] += c;
        sumY[a] += r;
        if (c + 1 < width) {
          edges += touch(touching, regions, a, labels[labelOffset + p + 1]);
        }
        if (r + 1 < height) {
          edges += touch(touching, regions, a, labels[labelOffset + p + width]);
        }
      }
    }
    float[] intensity = new float[regions];
    float[] xs = new float[regions];
    float[] ys = new float[regions];
    for (int i = 0; i < regions; i++) {
      if (count[i] == 0) {
        throw new IllegalArgumentException("region " + i + " of " + regions + " has no pixel");
      }
      intensity[i] = (float) ((double) sumI[i] / (255.0 * count[i]));
      xs[i] = (float) ((double) sumX[i] / count[i]);
      ys[i] = (float) ((double) sumY[i] / count[i]);
    }
    // Row by row through the matrix: sorted by source, then target.
    int[] sources = new int[edges];
    int[] targets = new int[edges];
    int e = 0;
    for (int code = 0; code < touching.length; code++) {
      if (touching[code]) {
        sources[e] = code / regions;
        targets[e] = code % regions;
        e++;
      }
    }
    return new SuperpixelGraph(intensity, xs, ys, sources, targets, null);
  }

  /** Marks regions a and b as touching; returns the number of directed edges this adds. */
  private static int touch(boolean[] touching, int n, int a, int b) {
    if (a == b || touching[a * n + b]) {
      return 0;
    }
    touching[a * n + b] = true;
    touching[b * n + a] = true;
    return 2;
  }

  /**
   * This graph's nodes with other edges: each node joined to its {@code k} nearest other nodes by
   * the Euclidean distance of their centroids (equal distances: the lower node number first; all
   * others when there are at most {@code k}), in both directions (the union of the kNN relation
   * and its reverse, so a node may have more than {@code k} neighbours), without self-loops or
   * duplicates, sorted by source, then target, as the adjacency edges. Why: PyG's
   * MNISTSuperpixels has about 19 directed edges per node, region adjacency about 4.6, and a
   * denser neighbourhood gives SplineConv more to aggregate. Edge attributes, if this graph has
   * them, are computed again for the new edges ({@link #withCartesian}).
   *
   * @param k the number of nearest neighbours, at least 1
   */
  public SuperpixelGraph nearest(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    int n = nodes();
    int keep = Math.min(k, n - 1);
    boolean[] joined = new boolean[n * n];
    boolean[] taken = new boolean[n];
    double[] distance = new double[n];
    int edges = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double dx = (double) x[i] - x[j];
        double dy = (double) y[i] - y[j];
        distance[j] = dx * dx + dy * dy;
        taken[j] = j == i;
      }
      // k passes of a selection: O(k n) per node, and the strict < keeps the lower index on ties.
      for (int pass = 0; pass < keep; pass++) {
        int best = -1;
        for (int j = 0; j < n; j++) {
          if (!taken[j] && (best < 0 || distance[j] < distance[best])) {
            best = j;
          }
        }
        taken[best] = true;
        edges += touch(joined, n, i, best);
      }
    }
    int[] s = new int[edges];
    int[] t = new int[edges];
    int e = 0;
    for (int code = 0; code < joined.length; code++) {
      if (joined[code]) {
        s[e] = code / n;
        t[e] = code % n;
        e++;
      }
    }
    SuperpixelGraph knn = new SuperpixelGraph(intensity, x, y, s, t, null);
    return edgeAttributes == null ? knn : knn.withCartesian();
  }

  /** The number of nodes. */
  public int nodes() {
    return intensity.length;
  }

  /** The number of directed edges. */
  public int edges() {
    return sources.length;
  }

  /**
   * This graph with PyG's {@code Cartesian(cat=False)} edge attributes (norm on, no fixed
   * maximum): for an edge s -> t, {@code (pos[s] - pos[t]) / (2 * m) + 0.5} per coordinate, with
   * {@code m} the largest absolute coordinate difference over all edges of this graph, so every
   * value lies in [0, 1]. A graph without edges, or whose edges all join equal positions, keeps
   * the differences unscaled plus 0.5 (PyG would divide by zero).
   */
  public SuperpixelGraph withCartesian() {
    int e = edges();
    float[] attr = new float[2 * e];
    float max = 0;
    for (int i = 0; i < e; i++) {
      attr[2 * i] = x[sources[i]] - x[targets[i]];
      attr[2 * i + 1] = y[sources[i]] - y[targets[i]];
      max = Math.max(max, Math.max(Math.abs(attr[2 * i]), Math.abs(attr[2 * i + 1])));
    }
    float scale = max > 0 ? 2 * max : 1;
    for (int i = 0; i < attr.length; i++) {
      attr[i] = attr[i] / scale + 0.5f;
    }
    return new SuperpixelGraph(intensity, x, y, sources, targets, attr);
  }

  /**
   * The nodes of one half and the edges among them, as the reference cuts HalfMNIST's graphs:
   * the threshold is half the largest node row of this graph ({@code max(y) / 2}); the upper
   * half keeps the nodes with {@code y <= threshold}, the lower half the others. Kept nodes are
   * numbered again in their order, edges keep their order, and edge attributes (if any) keep the
   * values computed on the whole graph.
   */
  public SuperpixelGraph half(Half half) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : y) {
      max = Math.max(max, v);
    }
    float threshold = max / 2;
    int n = nodes();
    int[] index = new int[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      boolean upper = y[i] <= threshold;
      index[i] = upper == (half == Half.UPPER) ? kept++ : -1;
    }
    float[] hi = new float[kept];
    float[] hx = new float[kept];
    float[] hy = new float[kept];
    for (int i = 0; i < n; i++) {
      if (index[i] >= 0) {
        hi[index[i]] = intensity[i];
        hx[index[i]] = x[i];
        hy[index[i]] = y[i];
      }
    }
    int keptEdges = 0;
    for (int e = 0; e < edges(); e++) {
      if (index[sources[e]] >= 0 && index[targets[e]] >= 0) {
        keptEdges++;
      }
    }
    int[] hs = new int[keptEdges];
    int[] ht = new int[keptEdges];
    float[] ha = edgeAttributes == null ? null : new float[2 * keptEdges];
    int j = 0;
    for (int e = 0; e < edges(); e++) {
      if (index[sources[e]] >= 0 && index[targets[e]] >= 0) {
        hs[j] = index[sources[e]];
        ht[j] = index[targets[e]];
        if (ha != null) {
          ha[2 * j] = edgeAttributes[2 * e];
          ha[2 * j + 1] = edgeAttributes[2 * e + 1];
        }
        j++;
      }
    }
    return new SuperpixelGraph(hi, hx, hy, hs, ht, ha);
  }
}
