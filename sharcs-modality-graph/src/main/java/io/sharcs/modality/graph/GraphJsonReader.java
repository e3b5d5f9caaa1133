package io.sharcs.modality.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidInputException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads one {@link GraphSample} from a JSON/YAML tree:
 *
 * <pre>{@code
 * {"x": [[f, ...], ...], "edges": [[src, dst], ...], "pos": [[x, y], ...],
 *  "edge_attr": [[u, v], ...]}
 * }</pre>
 *
 * <p>{@code x} may also be a flat list of numbers, one feature per node. {@code edges} is
 * required ({@code []} for a graph without edges); {@code pos} and {@code edge_attr} are
 * optional. {@code edge_attr} has one row per edge, in the order of {@code edges}: the edge's
 * pseudo-coordinates in [0, 1] (PyG's {@code Cartesian} values), read by the spline encoder.
 * Every error is one line naming the location, the field, what was found and what is expected.
 */
final class GraphJsonReader {

  private static final Set<String> FIELDS = Set.of("x", "edges", "pos", "edge_attr");
  private static final int MAX_SHOWN = 40;

  private GraphJsonReader() {}

  /** Parses and checks one graph; see the class comment for the format. */
  static GraphSample read(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(where + ": found " + describe(node)
          + ", expected a graph object {\"x\": [...], \"edges\": [...]}");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new InvalidInputException(where + ": found unknown field '" + name
            + "', expected only x, edges, pos and edge_attr");
      }
    }
    float[][] x = readFeatures(require(node, "x", where), where);
    int[][] edges = readEdges(require(node, "edges", where), where);
    JsonNode posNode = node.get("pos");
    float[][] pos = posNode == null || posNode.isNull()
        ? null : readRows(posNode, x.length, "pos", "one per node", "coordinates like [x, y]",
            "coordinate", where);
    JsonNode attrNode = node.get("edge_attr");
    float[][] attributes = attrNode == null || attrNode.isNull()
        ? null : readRows(attrNode, edges.length, "edge_attr", "one per edge",
            "pseudo-coordinates like [u, v]", "value", where);
    GraphSample sample = new GraphSample(x, edges, pos, attributes);
    GraphValidator.check(sample, where);
    return sample;
  }

  private static JsonNode require(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      String hint = field.equals("edges") ? " (use [] for a graph without edges)" : "";
      throw new InvalidInputException(
          where + ": field '" + field + "' is missing, expected a list" + hint);
    }
    return value;
  }

  private static float[][] readFeatures(JsonNode x, String where) {
    expectList(x, "field 'x'", "a list of node-feature rows or a flat list of numbers", where);
    boolean flat = x.size() > 0 && !x.get(0).isArray();
    float[][] rows = new float[x.size()][];
    for (int i = 0; i < x.size(); i++) {
      JsonNode item = x.get(i);
      if (flat) {
        rows[i] = new float[] {number(item, "field 'x' entry " + i, where)};
      } else {
        String at = "field 'x' row " + i;
        expectList(item, at, "a list of numbers like row 0 (x mixes rows and numbers?)", where);
        rows[i] = new float[item.size()];
        for (int f = 0; f < item.size(); f++) {
          rows[i][f] = number(item.get(f), at + " entry " + f, where);
        }
      }
    }
    return rows;
  }

  private static int[][] readEdges(JsonNode edges, String where) {
    expectList(edges, "field 'edges'", "a list of [source, target] pairs", where);
    int[][] result = new int[edges.size()][];
    for (int e = 0; e < edges.size(); e++) {
      JsonNode pair = edges.get(e);
      String at = "field 'edges' entry " + e;
      if (!pair.isArray() || pair.size() != 2) {
        throw new InvalidInputException(
            where + ": " + at + ": found " + describe(pair) + ", expected a [source, target] pair");
      }
      result[e] = new int[] {index(pair.get(0), at, where), index(pair.get(1), at, where)};
    }
    return result;
  }

  /**
   * Rows of numbers of one width, {@code count} of them: positions (one per node) or edge
   * attributes (one per edge).
   */
  private static float[][] readRows(JsonNode rowsNode, int count, String field, String perWhat,
      String rowKind, String entry, String where) {
    String at = "field '" + field + "'";
    expectList(rowsNode, at, "a list of rows, " + perWhat, where);
    if (rowsNode.size() != count) {
      throw new InvalidInputException(where + ": " + at + ": found " + rowsNode.size()
          + (rowsNode.size() == 1 ? " row" : " rows") + ", expected " + perWhat + " (" + count
          + ")");
    }
    float[][] rows = new float[rowsNode.size()][];
    for (int i = 0; i < rowsNode.size(); i++) {
      String rowAt = at + " row " + i;
      JsonNode row = rowsNode.get(i);
      expectList(row, rowAt, "a list of " + rowKind, where);
      if (row.size() == 0 || (i > 0 && row.size() != rows[0].length)) {
        throw new InvalidInputException(where + ": " + rowAt + ": found " + row.size() + " "
            + entry + (row.size() == 1 ? "" : "s") + ", expected "
            + (i == 0 ? "at least 1" : rows[0].length + " like row 0"));
      }
      rows[i] = new float[row.size()];
      for (int d = 0; d < row.size(); d++) {
        rows[i][d] = number(row.get(d), rowAt + " entry " + d, where);
      }
    }
    return rows;
  }

  private static void expectList(JsonNode node, String at, String expected, String where) {
    if (!node.isArray()) {
      throw new InvalidInputException(
          where + ": " + at + ": found " + describe(node) + ", expected " + expected);
    }
  }

  private static float number(JsonNode node, String at, String where) {
    if (node == null || !node.isNumber()) {
      throw new InvalidInputException(
          where + ": " + at + ": found " + describe(node) + ", expected a number");
    }
    double value = node.doubleValue();
    if (!Double.isFinite(value) || Math.abs(value) > Float.MAX_VALUE) {
      throw new InvalidInputException(
          where + ": " + at + ": found " + value + ", expected a finite float32 number");
    }
    return (float) value;
  }

  private static int index(JsonNode node, String at, String where) {
    // Integral doubles such as 3.0 are accepted: numpy-based exporters often write them.
    if (node == null
        || !node.isNumber()
        || node.doubleValue() != Math.rint(node.doubleValue())
        || node.doubleValue() < 0
        || node.doubleValue() > Integer.MAX_VALUE) {
      throw new InvalidInputException(where + ": " + at + ": found " + describe(node)
          + ", expected a node index (integer >= 0)");
    }
    return (int) node.doubleValue();
  }

  /** The found value for a message: its JSON text (shortened) and its kind. */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    String text = node.toString();
    if (text.length() > MAX_SHOWN) {
      text = text.substring(0, MAX_SHOWN) + "...";
    }
    return text + " (" + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
