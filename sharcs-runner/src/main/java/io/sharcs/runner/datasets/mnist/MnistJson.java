package io.sharcs.runner.datasets.mnist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * The JSON trees the MNIST data sets hand to the modality readers, built node by node (never
 * printed and parsed): a graph in the graph plugin's form and an image as an inline raster.
 */
final class MnistJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MnistJson() {}

  /**
   * {@code {"x": [[intensity], ...], "edges": [[s, t], ...], "pos": [[x, y], ...]}}, plus {@code
   * "edge_attr": [[a, b], ...]} (one row per edge, in edge order) when the graph has edge
   * attributes.
   */
  static ObjectNode graph(SuperpixelGraph g) {
    ObjectNode node = JSON.objectNode();
    ArrayNode x = node.putArray("x");
    ArrayNode pos = node.putArray("pos");
    for (int i = 0; i < g.nodes(); i++) {
      x.addArray().add(g.intensity()[i]);
      pos.addArray().add(g.x()[i]).add(g.y()[i]);
    }
    ArrayNode edges = node.putArray("edges");
    for (int e = 0; e < g.edges(); e++) {
      edges.addArray().add(g.sources()[e]).add(g.targets()[e]);
    }
    if (g.edgeAttributes() != null) {
      ArrayNode attr = node.putArray("edge_attr");
      float[] a = g.edgeAttributes();
      for (int e = 0; e < g.edges(); e++) {
        attr.addArray().add(a[2 * e]).add(a[2 * e + 1]);
      }
    }
    return node;
  }

  /**
   * An inline grey raster {@code {"width": W, "height": H, "channels": 1, "pixels": <bytes>}}:
   * rows {@code fromRow} (inclusive) to {@code toRow} (exclusive) of the image at {@code offset},
   * the raw 0-255 values as unsigned bytes, row by row (a binary node; base64 in a JSON file).
   */
  static ObjectNode raster(byte[] pixels, int offset, int width, int fromRow, int toRow) {
    ObjectNode node = JSON.objectNode();
    node.put("width", width);
    node.put("height", toRow - fromRow);
    node.put("channels", 1);
    node.set("pixels", JSON.binaryNode(
        Arrays.copyOfRange(pixels, offset + fromRow * width, offset + toRow * width)));
    return node;
  }
}
