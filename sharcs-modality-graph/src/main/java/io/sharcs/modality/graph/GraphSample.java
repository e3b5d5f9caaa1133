package io.sharcs.modality.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * One graph: the raw sample of the graph modality.
 *
 * <p>Edges are directed, {@code source -> target}; an undirected edge is listed in both
 * directions. Duplicate edges are allowed and count with their multiplicity, as in PyG.
 *
 * <p>Well-formed graphs (every node with the same number of features, every edge a pair, every
 * position and edge-attribute row of one width) are stored in flat arrays: a data set of 60,000
 * superpixel graphs with over a thousand edges each would otherwise spend gigabytes on the
 * headers of two-element arrays. Malformed graphs built in code keep their rows as given, so
 * that {@link GraphShape#inspect} can name the bad row; accessors behave the same for both.
 * Instances are immutable: constructors and accessors copy.
 */
public final class GraphSample {

  private final int nodes;
  private final int edgeCount;
  // Flat storage, used when the graph is well formed (ragged == null).
  private final int features;
  private final float[] x;
  private final int[] ends; // source, target of edge e at 2e, 2e + 1
  private final int positionDims;
  private final float[] pos; // null without positions
  private final int attributeDims;
  private final float[] attributes; // null without edge attributes
  // Rows as given, kept only for a malformed graph.
  private final Ragged ragged;

  private record Ragged(float[][] x, int[][] edges, float[][] pos, float[][] attributes) {}

  /**
   * A graph with optional positions and edge attributes.
   *
   * @param nodeFeatures {@code [nodes][features]}
   * @param edges {@code [edges][2]}: {@code {source, target}} node indices
   * @param positions optional {@code [nodes][dims]} node coordinates, or null
   * @param edgeAttributes optional {@code [edges][dims]} pseudo-coordinates of the edges (in
   *     the order of {@code edges}, each in [0, 1]), or null
   */
  public GraphSample(
      float[][] nodeFeatures, int[][] edges, float[][] positions, float[][] edgeAttributes) {
    Objects.requireNonNull(nodeFeatures, "nodeFeatures");
    Objects.requireNonNull(edges, "edges");
    requireRows(nodeFeatures, "row");
    requireRows(edges, "edge");
    if (positions != null) {
      requireRows(positions, "position row");
    }
    if (edgeAttributes != null) {
      requireRows(edgeAttributes, "edge attribute row");
    }
    this.nodes = nodeFeatures.length;
    this.edgeCount = edges.length;
    boolean regular = uniform(nodeFeatures) && uniform(positions) && uniform(edgeAttributes)
        && pairs(edges)
        && (positions == null || positions.length == nodes)
        && (edgeAttributes == null || edgeAttributes.length == edgeCount);
    if (!regular) {
      ragged = new Ragged(deepCopy(nodeFeatures), deepCopy(edges),
          positions == null ? null : deepCopy(positions),
          edgeAttributes == null ? null : deepCopy(edgeAttributes));
      features = 0;
      x = null;
      ends = null;
      positionDims = 0;
      pos = null;
      attributeDims = 0;
      attributes = null;
      return;
    }
    ragged = null;
    features = nodes == 0 ? 0 : nodeFeatures[0].length;
    x = flatten(nodeFeatures, features);
    ends = new int[2 * edgeCount];
    for (int e = 0; e < edgeCount; e++) {
      ends[2 * e] = edges[e][0];
      ends[2 * e + 1] = edges[e][1];
    }
    positionDims = positions == null || positions.length == 0 ? 0 : positions[0].length;
    pos = positions == null ? null : flatten(positions, positionDims);
    attributeDims =
        edgeAttributes == null || edgeAttributes.length == 0 ? 0 : edgeAttributes[0].length;
    attributes = edgeAttributes == null ? null : flatten(edgeAttributes, attributeDims);
  }

  /** A graph with optional positions and no edge attributes. */
  public GraphSample(float[][] nodeFeatures, int[][] edges, float[][] positions) {
    this(nodeFeatures, edges, positions, null);
  }

  /** A graph without positions. */
  public GraphSample(float[][] nodeFeatures, int[][] edges) {
    this(nodeFeatures, edges, null, null);
  }

  /** The number of nodes. */
  public int nodeCount() {
    return nodes;
  }

  /** The number of directed edges (with multiplicity). */
  public int edgeCount() {
    return edgeCount;
  }

  /** Feature {@code f} of node {@code node}. */
  public float feature(int node, int f) {
    if (ragged != null) {
      return ragged.x[node][f];
    }
    if (f < 0 || f >= features) {
      throw new IndexOutOfBoundsException("feature " + f + " of " + features);
    }
    return x[node * features + f];
  }

  /**
   * The number of features of node {@code node}. Rows may differ in a sample that was built in
   * code and not yet checked; {@link GraphShape#inspect} rejects such samples.
   */
  public int featureCount(int node) {
    if (ragged != null) {
      return ragged.x[node].length;
    }
    Objects.checkIndex(node, nodes);
    return features;
  }

  /** The number of entries of edge {@code e}: 2 ({@code {source, target}}) when well formed. */
  public int edgeLength(int e) {
    if (ragged != null) {
      return ragged.edges[e].length;
    }
    Objects.checkIndex(e, edgeCount);
    return 2;
  }

  /** Whether the sample carries node positions. */
  public boolean hasPositions() {
    return ragged != null ? ragged.pos != null : pos != null;
  }

  /** Whether the sample carries edge attributes (pseudo-coordinates). */
  public boolean hasEdgeAttributes() {
    return ragged != null ? ragged.attributes != null : attributes != null;
  }

  /** Source of edge {@code e}. */
  public int source(int e) {
    return ragged != null ? ragged.edges[e][0] : ends[checkedEdge(e) * 2];
  }

  /** Target of edge {@code e}. */
  public int target(int e) {
    return ragged != null ? ragged.edges[e][1] : ends[checkedEdge(e) * 2 + 1];
  }

  /** Coordinate {@code d} of node {@code node}'s position; the sample must have positions. */
  public float position(int node, int d) {
    if (ragged != null) {
      return ragged.pos[node][d];
    }
    if (d < 0 || d >= positionDims) {
      throw new IndexOutOfBoundsException("coordinate " + d + " of " + positionDims);
    }
    return pos[node * positionDims + d];
  }

  /** The number of coordinates of node {@code node}'s position (0 without positions). */
  public int positionCount(int node) {
    if (ragged != null) {
      return ragged.pos == null ? 0 : ragged.pos[node].length;
    }
    return pos == null ? 0 : positionDims;
  }

  /** The number of position rows (0 without positions). */
  public int positionRows() {
    if (ragged != null) {
      return ragged.pos == null ? 0 : ragged.pos.length;
    }
    return pos == null ? 0 : nodes;
  }

  /** Entry {@code d} of edge {@code e}'s attribute row; the sample must have edge attributes. */
  public float edgeAttribute(int e, int d) {
    if (ragged != null) {
      return ragged.attributes[e][d];
    }
    if (d < 0 || d >= attributeDims) {
      throw new IndexOutOfBoundsException("attribute " + d + " of " + attributeDims);
    }
    return attributes[checkedEdge(e) * attributeDims + d];
  }

  /** The number of entries of edge {@code e}'s attribute row (0 without edge attributes). */
  public int edgeAttributeCount(int e) {
    if (ragged != null) {
      return ragged.attributes == null ? 0 : ragged.attributes[e].length;
    }
    return attributes == null ? 0 : attributeDims;
  }

  /** The number of edge attribute rows (0 without edge attributes). */
  public int edgeAttributeRows() {
    if (ragged != null) {
      return ragged.attributes == null ? 0 : ragged.attributes.length;
    }
    return attributes == null ? 0 : edgeCount;
  }

  /** The node features, {@code [nodes][features]} (a copy). */
  public float[][] nodeFeatures() {
    return ragged != null ? deepCopy(ragged.x) : rows(x, nodes, features);
  }

  /** The edges, {@code [edges][2]} (a copy). */
  public int[][] edges() {
    if (ragged != null) {
      return deepCopy(ragged.edges);
    }
    int[][] out = new int[edgeCount][];
    for (int e = 0; e < edgeCount; e++) {
      out[e] = new int[] {ends[2 * e], ends[2 * e + 1]};
    }
    return out;
  }

  /** The positions, {@code [nodes][dims]} (a copy), or null. */
  public float[][] positions() {
    if (ragged != null) {
      return ragged.pos == null ? null : deepCopy(ragged.pos);
    }
    return pos == null ? null : rows(pos, nodes, positionDims);
  }

  /** The edge attributes, {@code [edges][dims]} (a copy), or null. */
  public float[][] edgeAttributes() {
    if (ragged != null) {
      return ragged.attributes == null ? null : deepCopy(ragged.attributes);
    }
    return attributes == null ? null : rows(attributes, edgeCount, attributeDims);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GraphSample g)) {
      return false;
    }
    if (ragged != null || g.ragged != null) {
      return Arrays.deepEquals(nodeFeatures(), g.nodeFeatures())
          && Arrays.deepEquals(edges(), g.edges())
          && Arrays.deepEquals(positions(), g.positions())
          && Arrays.deepEquals(edgeAttributes(), g.edgeAttributes());
    }
    return nodes == g.nodes && features == g.features && positionDims == g.positionDims
        && attributeDims == g.attributeDims
        && Arrays.equals(x, g.x) && Arrays.equals(ends, g.ends) && Arrays.equals(pos, g.pos)
        && Arrays.equals(attributes, g.attributes);
  }

  @Override
  public int hashCode() {
    // A well-formed graph never equals a malformed one, so each storage may hash its own way.
    if (ragged == null) {
      return Objects.hash(nodes, Arrays.hashCode(x), Arrays.hashCode(ends), Arrays.hashCode(pos),
          Arrays.hashCode(attributes));
    }
    return Objects.hash(Arrays.deepHashCode(nodeFeatures()), Arrays.deepHashCode(edges()),
        Arrays.deepHashCode(positions()), Arrays.deepHashCode(edgeAttributes()));
  }

  @Override
  public String toString() {
    return "GraphSample[nodes=" + nodeCount() + ", edges=" + edgeCount() + "]";
  }

  private int checkedEdge(int e) {
    return Objects.checkIndex(e, edgeCount);
  }

  private static void requireRows(Object[] rows, String what) {
    for (int i = 0; i < rows.length; i++) {
      Objects.requireNonNull(rows[i], what + " " + i);
    }
  }

  private static boolean uniform(float[][] rows) {
    if (rows == null) {
      return true;
    }
    for (float[] row : rows) {
      if (row.length != rows[0].length) {
        return false;
      }
    }
    return true;
  }

  private static boolean pairs(int[][] edges) {
    for (int[] edge : edges) {
      if (edge.length != 2) {
        return false;
      }
    }
    return true;
  }

  private static float[] flatten(float[][] rows, int width) {
    float[] flat = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * width, width);
    }
    return flat;
  }

  private static float[][] rows(float[] flat, int count, int width) {
    float[][] out = new float[count][];
    for (int i = 0; i < count; i++) {
      out[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
    }
    return out;
  }

  private static float[][] deepCopy(float[][] a) {
    float[][] c = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  private static int[][] deepCopy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
