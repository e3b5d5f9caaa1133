package io.sharcs.modality.graph;

import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.api.SampleRenderer;
import io.sharcs.api.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws a graph as a square SVG of {@code hints.maxPixels()}: nodes at their own positions or at
 * a deterministic layout ({@link GraphLayout}), each link once as a line, one circle per node.
 * Nodes are coloured by the local concept they pick when the hints carry per-node concepts (a
 * fixed categorical palette with a legend "concept i"), else by their first feature in grey
 * (light = low), or all alike when that feature is constant.
 */
final class GraphRenderer implements SampleRenderer<GraphSample, GraphShape> {

  /** Tableau 10: distinguishable categorical colours; concept i gets {@code PALETTE[i % 10]}. */
  private static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
  };
  /** The fill of nodes without a concept, and of all nodes when nothing tells them apart. */
  static final String NO_CONCEPT = "#ffffff";
  static final String PLAIN = "#4e79a7";

  /** The colour of concept {@code concept} (>= 0). */
  static String colour(int concept) {
    return PALETTE[concept % PALETTE.length];
  }

  @Override
  public Rendering render(GraphSample graph, GraphShape shape, RenderHints hints) {
    int n = graph.nodeCount();
    List<int[]> links = links(graph);
    double size = hints.maxPixels();
    String text = describe(n, links.size(), graph, hints);

    // The legend takes rows at the bottom; the drawing keeps the rest of the square.
    double font = Math.max(7, Math.min(11, size / 16));
    List<String> legend = legend(graph, hints, size, font);
    double legendHeight = legend.isEmpty() ? 0 : legend.size() * (font + 3) + 3;
    double radius = Math.max(2, Math.min(8, size / (6 * Math.sqrt(Math.max(n, 1)))));
    double margin = radius + 2;
    double[][] at = GraphLayout.of(graph, links);
    // The drawing fills the box above the legend, keeping the layout's aspect ratio, centred.
    double boxWidth = Math.max(1, size - 2 * margin);
    double boxHeight = Math.max(1, size - legendHeight - 2 * margin);
    double spanX = 0;
    double spanY = 0;
    for (double[] p : at) {
      spanX = Math.max(spanX, p[0]);
      spanY = Math.max(spanY, p[1]);
    }
    double scale = Math.min(
        spanX > 0 ? boxWidth / spanX : Double.MAX_VALUE,
        spanY > 0 ? boxHeight / spanY : Double.MAX_VALUE);
    if (scale == Double.MAX_VALUE) {
      scale = 0; // a single node, or all nodes at one point
    }
    double left = margin + (boxWidth - spanX * scale) / 2;
    double top = margin + (boxHeight - spanY * scale) / 2;
    StringBuilder svg = Svg.open(size, size, text);
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    double stroke = Math.max(0.75, size / 160);
    svg.append("<g stroke=\"#888888\" stroke-width=\"").append(Svg.number(stroke)).append("\">\n");
    for (int[] e : links) {
      svg.append("<line x1=\"").append(Svg.number(left + at[e[0]][0] * scale))
          .append("\" y1=\"").append(Svg.number(top + at[e[0]][1] * scale))
          .append("\" x2=\"").append(Svg.number(left + at[e[1]][0] * scale))
          .append("\" y2=\"").append(Svg.number(top + at[e[1]][1] * scale)).append("\"/>\n");
    }
    svg.append("</g>\n<g stroke=\"#333333\" stroke-width=\"").append(Svg.number(stroke / 1.5))
        .append("\">\n");
    String[] fills = fills(graph, hints);
    for (int v = 0; v < n; v++) {
      svg.append("<circle cx=\"").append(Svg.number(left + at[v][0] * scale))
          .append("\" cy=\"").append(Svg.number(top + at[v][1] * scale))
          .append("\" r=\"").append(Svg.number(radius)).append("\" fill=\"").append(fills[v])
          .append("\"><title>").append(Svg.escape(nodeTitle(graph, v, hints)))
          .append("</title></circle>\n");
    }
    svg.append("</g>\n");
    double y = size - legendHeight + 3;
    for (String row : legend) {
      svg.append(row.replace("{y}", Svg.number(y)).replace("{ty}", Svg.number(y + font - 1)));
      y += font + 3;
    }
    return Rendering.svg(Svg.close(svg), text);
  }

  /** Each link once, {@code u < v}, in order; self-loops and out-of-range ends are left out. */
  private static List<int[]> links(GraphSample graph) {
    int n = graph.nodeCount();
    Set<Long> seen = new TreeSet<>();
    List<int[]> links = new ArrayList<>();
    for (int e = 0; e < graph.edgeCount(); e++) {
      if (graph.edgeLength(e) != 2) {
        continue;
      }
      int u = Math.min(graph.source(e), graph.target(e));
      int v = Math.max(graph.source(e), graph.target(e));
      if (u < 0 || v >= n || u == v) {
        continue;
      }
      if (seen.add((long) u * n + v)) {
        links.add(new int[] {u, v});
      }
    }
    return links;
  }

  private static String[] fills(GraphSample graph, RenderHints hints) {
    int n = graph.nodeCount();
    String[] fills = new String[n];
    if (hints.hasPartConcepts()) {
      for (int v = 0; v < n; v++) {
        int c = hints.partConcept(v);
        fills[v] = c < 0 ? NO_CONCEPT : colour(c);
      }
      return fills;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int v = 0; v < n; v++) {
      double f = firstFeature(graph, v);
      if (Double.isFinite(f)) {
        min = Math.min(min, f);
        max = Math.max(max, f);
      }
    }
    for (int v = 0; v < n; v++) {
      double f = firstFeature(graph, v);
      if (!(max > min) || !Double.isFinite(f)) {
        fills[v] = PLAIN;
      } else {
        // 235 (light) for the lowest value down to 35 (dark) for the highest.
        int level = (int) Math.round(235 - 200 * (f - min) / (max - min));
        fills[v] = String.format(Locale.ROOT, "#%02x%02x%02x", level, level, level);
      }
    }
    return fills;
  }

  private static double firstFeature(GraphSample graph, int v) {
    return graph.featureCount(v) > 0 ? graph.feature(v, 0) : Double.NaN;
  }

  /** The legend rows, with {@code {y}} and {@code {ty}} for the row's top and text baseline. */
  private static List<String> legend(
      GraphSample graph, RenderHints hints, double size, double font) {
    List<String> rows = new ArrayList<>();
    if (!hints.hasPartConcepts()) {
      return rows;
    }
    Set<Integer> used = new TreeSet<>();
    for (int v = 0; v < graph.nodeCount(); v++) {
      if (hints.partConcept(v) >= 0) {
        used.add(hints.partConcept(v));
      }
    }
    StringBuilder row = new StringBuilder();
    double x = 3;
    for (int c : used) {
      String label = "concept " + c;
      // The label's width estimated at 0.6 em per character (sans-serif digits and letters).
      double width = font + 3 + label.length() * font * 0.6 + 6;
      if (x > 3 && x + width > size) {
        rows.add(row.toString());
        row.setLength(0);
        x = 3;
      }
      row.append("<rect x=\"").append(Svg.number(x)).append("\" y=\"{y}\" width=\"")
          .append(Svg.number(font)).append("\" height=\"").append(Svg.number(font))
          .append("\" fill=\"").append(colour(c)).append("\"/>")
          .append("<text x=\"").append(Svg.number(x + font + 3)).append("\" y=\"{ty}\" font-family=\"sans-serif\" font-size=\"")
          .append(Svg.number(font)).append("\">").append(label).append("</text>\n");
      x += width;
    }
    if (row.length() > 0) {
      rows.add(row.toString());
    }
    return rows;
  }

  private static String nodeTitle(GraphSample graph, int v, RenderHints hints) {
    StringBuilder t = new StringBuilder("node ").append(v);
    if (graph.featureCount(v) > 0 && Float.isFinite(graph.feature(v, 0))) {
      t.append(", x0=").append(Svg.number(graph.feature(v, 0)));
    }
    if (hints.hasPartConcepts()) {
      int c = hints.partConcept(v);
      t.append(c < 0 ? ", no concept" : ", concept " + c);
    }
    return t.toString();
  }

  /** {@code graph: 10 nodes, 14 edges; concept 0: 3 nodes, concept 2: 7 nodes}. */
  private static String describe(int n, int links, GraphSample graph, RenderHints hints) {
    StringBuilder t = new StringBuilder("graph: ").append(n).append(n == 1 ? " node, " : " nodes, ")
        .append(links).append(links == 1 ? " edge" : " edges");
    if (hints.hasPartConcepts()) {
      TreeMap<Integer, Integer> counts = new TreeMap<>();
      for (int v = 0; v < n; v++) {
        counts.merge(hints.partConcept(v), 1, Integer::sum);
      }
      String sep = "; ";
      for (var e : counts.entrySet()) {
        t.append(sep).append(e.getKey() < 0 ? "no concept" : "concept " + e.getKey())
            .append(": ").append(e.getValue()).append(e.getValue() == 1 ? " node" : " nodes");
        sep = ", ";
      }
    }
    return t.toString();
  }
}
