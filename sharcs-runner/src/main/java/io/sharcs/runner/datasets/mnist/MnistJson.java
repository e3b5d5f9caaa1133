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
    // Arrays made at their final size: growing them took half of a 60,000-digit load.
    ObjectNode node = JSON.objectNode();
    ArrayNode x = new ArrayNode(JSON, g.nodes());
    ArrayNode pos = new ArrayNode(JSON, g.nodes());
    for (int i = 0; i < g.nodes(); i++) {
      x.add(new ArrayNode(JSON, 1).add(g.intensity()[i]));
      pos.add(new ArrayNode(JSON, 2).add(g.x()[i]).add(g.y()[i]));
    }
    ArrayNode edges = new ArrayNode(JSON, g.edges());
    for (int e = 0; e < g.edges(); e++) {
      edges.add(new ArrayNode(JSON, 2).add(g.sources()[e]).add(g.targets()[e]));
    }
    node.set("x", x);
    node.set("edges", edges);
    node.set("pos", pos);
    if (g.edgeAttributes() != null) {
      ArrayNode attr = new ArrayNode(JSON, g.edges());
      float[] a = g.edgeAttributes();
      for (int e = 0; e < g.edges(); e++) {
        attr.add(new ArrayNode(JSON, 2).add(a[2 * e]).add(a[2 * e + 1]));
      }
      node.set("edge_attr", attr);
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
