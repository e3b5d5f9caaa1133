package io.sharcs.runner.report.chart;

import io.sharcs.runner.report.Picture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tree drawn top-down, each node a box with its text (first line bold, e.g. {@code shared.4 =
 * ?}, then sentences, wrapped), its sample count, a bar of its class distribution, up to {@code
 * maxThumbnails} pictures (of any modalities) and, on leaves, the predicted class; edges carry
 * labels such as {@code = 0} / {@code = 1}.
 *
 * <p>Layout: leaves of the drawn tree take consecutive slots, a parent sits midway over its first
 * and last child, so boxes of one layer never overlap; layers are as tall as their tallest box.
 * Big trees are cut breadth-first: at most {@code maxNodes} boxes and {@value #MAX_PER_LAYER} per
 * layer, a node's children drawn all or none; a cut node says how many nodes below it are not
 * drawn and a note under the tree gives the total.
 */
public record TreeDiagram(
    String title, List<String> classNames, Node root, int maxThumbnails, int maxNodes) {

  /** The most boxes of one layer: wider trees would be too small to read on a page. */
  public static final int MAX_PER_LAYER = 16;

  private static final double BOX = 232;
  private static final double GAP = 24;
  private static final double PAD = 8;
  private static final double LINE = 16;
  private static final double THUMB = 48;
  private static final double THUMB_GAP = 6;
  private static final int WRAP = 32;
  private static final double LAYER_GAP = 58;

  /**
   * A node.
   *
   * @param text the lines of the node's description; the first is drawn bold; each is wrapped
   * @param count the number of samples reaching the node
   * @param classCounts samples per class, aligned with the diagram's class names; empty for none
   * @param pictures example pictures of the node (the first {@code maxThumbnails} are drawn)
   * @param predicted the predicted class, shown on leaves; empty for none
   * @param children the outgoing edges, left to right
   */
  public record Node(List<String> text, int count, List<Integer> classCounts,
      List<Picture> pictures, String predicted, List<Edge> children) {
    /** Copies the lists and checks the counts. */
    public Node {
      text = List.copyOf(text);
      classCounts = List.copyOf(classCounts);
      pictures = List.copyOf(pictures);
      Objects.requireNonNull(predicted, "predicted");
      children = List.copyOf(children);
      if (count < 0 || classCounts.stream().anyMatch(c -> c < 0)) {
        throw new IllegalArgumentException("tree node '" + String.join(" ", text)
            + "': a negative count");
      }
    }

    /** A leaf. */
    public static Node leaf(List<String> text, int count, List<Integer> classCounts,
        List<Picture> pictures, String predicted) {
      return new Node(text, count, classCounts, pictures, predicted, List.of());
    }
  }

  /** An edge to a child, with its label (e.g. {@code = 1}). */
  public record Edge(String label, Node child) {
    /** Checks both are present. */
    public Edge {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(child, "child");
    }
  }

  /** Checks the limits and that every node's class counts match the class names. */
  public TreeDiagram {
    Objects.requireNonNull(title, "title");
    classNames = List.copyOf(classNames);
    Objects.requireNonNull(root, "root");
    if (maxThumbnails < 0 || maxThumbnails > 16) {
      throw new IllegalArgumentException("max thumbnails " + maxThumbnails + ", expected 0 to 16");
    }
    if (maxNodes < 1) {
      throw new IllegalArgumentException("max nodes " + maxNodes + ", expected >= 1");
    }
    Deque<Node> todo = new ArrayDeque<>(List.of(root));
    int seen = 0;
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (++seen > 100_000) {
        throw new IllegalArgumentException("tree of more than 100000 nodes (or a cycle)");
      }
      if (!n.classCounts().isEmpty() && n.classCounts().size() != classNames.size()) {
        throw new IllegalArgumentException("tree node '" + String.join(" ", n.text()) + "': "
            + n.classCounts().size() + " class counts, " + classNames.size() + " class names");
      }
      n.children().forEach(e -> todo.push(e.child()));
    }
  }

  /** Where a drawn node goes and what of it is drawn. */
  private static final class Box {
    final Node node;
    final int layer;
    final List<Box> children = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    List<String> lines;
    int hidden;
    double slot;
    double height;

    Box(Node node, int layer) {
      this.node = node;
      this.layer = layer;
    }
  }

  /** The diagram as a standalone SVG document. */
  public String toSvg() {
    Map<Node, Integer> sizes = new IdentityHashMap<>();
    int total = size(root, sizes);
    // Breadth-first selection of the boxes to draw.
    Box top = new Box(root, 0);
    List<Box> drawn = new ArrayList<>(List.of(top));
    List<Integer> perLayer = new ArrayList<>(List.of(1));
    Deque<Box> queue = new ArrayDeque<>(List.of(top));
    while (!queue.isEmpty()) {
      Box b = queue.poll();
      int k = b.node.children().size();
      int layer = b.layer + 1;
      int inLayer = layer < perLayer.size() ? perLayer.get(layer) : 0;
      if (k > 0 && drawn.size() + k <= maxNodes && inLayer + k <= MAX_PER_LAYER) {
        if (layer == perLayer.size()) {
          perLayer.add(0);
        }
        perLayer.set(layer, inLayer + k);
        for (Edge e : b.node.children()) {
          Box c = new Box(e.child(), layer);
          b.children.add(c);
          b.labels.add(e.label());
          drawn.add(c);
          queue.add(c);
        }
      } else {
        b.hidden = sizes.get(b.node) - 1;
      }
    }
    int notDrawn = total - drawn.size();
    placeSlots(top, new double[] {0});
    int layers = perLayer.size();
    double[] layerHeight = new double[layers];
    for (Box b : drawn) {
      b.lines = lines(b);
      b.height = height(b);
      layerHeight[b.layer] = Math.max(layerHeight[b.layer], b.height);
    }
    double legendHeight = classNames.isEmpty() ? 0 : 26;
    double[] layerTop = new double[layers];
    double y = 50 + legendHeight;
    for (int l = 0; l < layers; l++) {
      layerTop[l] = y;
      y += layerHeight[l] + LAYER_GAP;
    }
    double slots = drawn.stream().mapToDouble(b -> b.slot).max().orElse(0) + 1;
    double width = Math.max(slots * (BOX + GAP) + GAP, 420);
    double height = y - LAYER_GAP + 30 + (notDrawn > 0 ? 20 : 0);
    SvgWriter svg = new SvgWriter(width, height);
    svg.text(width / 2, 28, title, 16, "middle", "#111111", true, 0);
    double lx = GAP;
    for (int i = 0; i < classNames.size(); i++) {
      svg.rect(lx, 44, 12, 12, Palette.colour(i), null);
      String name = classNames.get(i).length() > 28
          ? classNames.get(i).substring(0, 27) + "…" : classNames.get(i);
      svg.text(lx + 17, 54, name, 12, "start", Plot.AXIS, false, 0);
      lx += 34 + name.length() * Plot.CHAR;
    }
    // Edges first so the boxes cover their ends.
    for (Box b : drawn) {
      for (int i = 0; i < b.children.size(); i++) {
        Box c = b.children.get(i);
        double x1 = x(b);
        double y1 = layerTop[b.layer] + b.height;
        double x2 = x(c);
        double y2 = layerTop[c.layer];
        svg.line(x1, y1, x2, y2, "#8a96a3", 1.5, null);
        String label = b.labels.get(i);
        if (!label.isEmpty()) {
          double mx = x1 + (x2 - x1) * 0.55;
          double my = y1 + (y2 - y1) * 0.55;
          double w = Math.min(label.length(), 20) * Plot.CHAR + 10;
          svg.rect(mx - w / 2, my - 11, w, 18, "#ffffff", "#c5ccd4");
          svg.text(mx, my + 3, label.length() > 20 ? label.substring(0, 19) + "…" : label, 12,
              "middle", Plot.AXIS, true, 0);
        }
      }
    }
    for (Box b : drawn) {
      drawBox(svg, b, x(b) - BOX / 2, layerTop[b.layer]);
    }
    if (notDrawn > 0) {
      svg.text(GAP, height - 14, notDrawn + " of " + total + " nodes not drawn (at most "
          + maxNodes + " boxes, " + MAX_PER_LAYER + " per layer).", 12, "start", Plot.MUTED,
          false, 0);
    }
    return svg.finish();
  }

  /** The diagram as an SVG picture. */
  public Picture toPicture(String alt) {
    return Picture.svg(toSvg(), alt);
  }

  private static int size(Node n, Map<Node, Integer> sizes) {
    int s = 1;
    for (Edge e : n.children()) {
      s += size(e.child(), sizes);
    }
    sizes.put(n, s);
    return s;
  }

  /** Leaves take the next slot; a parent sits midway over its first and last child. */
  private static void placeSlots(Box b, double[] next) {
    if (b.children.isEmpty()) {
      b.slot = next[0]++;
      return;
    }
    b.children.forEach(c -> placeSlots(c, next));
    b.slot = (b.children.get(0).slot + b.children.get(b.children.size() - 1).slot) / 2;
  }

  private static double x(Box b) {
    return GAP + b.slot * (BOX + GAP) + BOX / 2;
  }

  /** The description lines of a box, each wrapped to the box's width. */
  private List<String> lines(Box b) {
    List<String> lines = new ArrayList<>();
    for (String t : b.node.text()) {
      lines.addAll(Wrap.lines(t, WRAP));
    }
    return lines;
  }

  private int thumbnails(Box b) {
    return Math.min(maxThumbnails, b.node.pictures().size());
  }

  private double height(Box b) {
    double h = PAD + b.lines.size() * LINE + LINE; // description, then "n = ..."
    if (!b.node.classCounts().isEmpty()) {
      h += 16;
    }
    int t = thumbnails(b);
    if (t > 0) {
      int perRow = (int) ((BOX - 2 * PAD + THUMB_GAP) / (THUMB + THUMB_GAP));
      h += 6 + ((t + perRow - 1) / perRow) * (THUMB + THUMB_GAP);
    }
    if (b.children.isEmpty() && !b.node.predicted().isEmpty()) {
      h += LINE + 4;
    }
    if (b.hidden > 0 && !b.node.children().isEmpty()) {
      h += LINE;
    }
    return h + PAD;
  }

  private void drawBox(SvgWriter svg, Box b, double left, double top) {
    boolean leaf = b.children.isEmpty() && b.node.children().isEmpty();
    svg.group(String.join(" ", b.node.text()));
    svg.rect(left, top, BOX, b.height, leaf ? "#f2f7f2" : "#f5f7fa", "#9aa5b1");
    double y = top + PAD + 12;
    for (int i = 0; i < b.lines.size(); i++) {
      svg.text(left + PAD, y, b.lines.get(i), 12, "start", "#111111", i == 0, 0);
      y += LINE;
    }
    svg.text(left + PAD, y, "n = " + b.node.count(), 12, "start", Plot.MUTED, false, 0);
    y += 6;
    if (!b.node.classCounts().isEmpty()) {
      double sum = b.node.classCounts().stream().mapToInt(Integer::intValue).sum();
      double x = left + PAD;
      double w = BOX - 2 * PAD;
      svg.rect(x, y, w, 10, "#ffffff", "#c5ccd4");
      for (int i = 0; i < b.node.classCounts().size() && sum > 0; i++) {
        double part = w * b.node.classCounts().get(i) / sum;
        svg.rect(x, y, part, 10, Palette.colour(i), null);
        x += part;
      }
      y += 16;
    }
    int t = thumbnails(b);
    if (t > 0) {
      int perRow = (int) ((BOX - 2 * PAD + THUMB_GAP) / (THUMB + THUMB_GAP));
      y += 4;
      for (int i = 0; i < t; i++) {
        double tx = left + PAD + (i % perRow) * (THUMB + THUMB_GAP);
        double ty = y + (i / perRow) * (THUMB + THUMB_GAP);
        svg.rect(tx, ty, THUMB, THUMB, "#ffffff", "#d5dae0");
        svg.image(tx, ty, THUMB, THUMB, b.node.pictures().get(i));
      }
      y += ((t + perRow - 1) / perRow) * (THUMB + THUMB_GAP);
    }
    if (b.children.isEmpty() && !b.node.predicted().isEmpty()) {
      y += LINE;
      svg.text(left + PAD, y, "predicted: " + b.node.predicted(), 12, "start", "#111111", true,
          0);
    }
    if (b.hidden > 0 && !b.node.children().isEmpty()) {
      y += LINE;
      svg.text(left + PAD, y, "… " + b.hidden + " nodes below not drawn", 12, "start",
          Plot.MUTED, false, 0);
    }
    svg.end();
  }
}
