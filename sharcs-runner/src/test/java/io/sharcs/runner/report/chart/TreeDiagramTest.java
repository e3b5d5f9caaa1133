package io.sharcs.runner.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.runner.report.Picture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The tree diagram: every box drawn apart from the others, big trees cut with a note. */
class TreeDiagramTest {

  private static final Picture THUMB = Picture.svg(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>", "thumb");

  /** A full binary tree of the given depth; node texts are unique (their path). */
  static TreeDiagram.Node full(int depth, String path, int pictures) {
    List<Picture> pics = java.util.Collections.nCopies(pictures, THUMB);
    List<String> text = List.of("shared." + path.length() + " = ? " + path,
        "the graph has a cycle and the image shows a large red metal cube");
    if (depth == 0) {
      return TreeDiagram.Node.leaf(text, 10, List.of(7, 3), pics, "class <0>");
    }
    return new TreeDiagram.Node(text, 20, List.of(10, 10), pics, "", List.of(
        new TreeDiagram.Edge("= 0", full(depth - 1, path + "0", pictures)),
        new TreeDiagram.Edge("= 1", full(depth - 1, path + "1", pictures))));
  }

  /** The boxes: the first rect of each group (the diagram groups exactly one box each). */
  static List<double[]> boxes(Document doc) {
    List<double[]> out = new ArrayList<>();
    for (Element g : SvgDocuments.elements(doc, "g")) {
      Element r = (Element) g.getElementsByTagNameNS(SvgDocuments.SVG_NS, "rect").item(0);
      out.add(new double[] {Double.parseDouble(r.getAttribute("x")),
          Double.parseDouble(r.getAttribute("y")), Double.parseDouble(r.getAttribute("width")),
          Double.parseDouble(r.getAttribute("height"))});
    }
    return out;
  }

  static void assertApart(List<double[]> boxes) {
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        double[] a = boxes.get(i);
        double[] b = boxes.get(j);
        boolean apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0]
            || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
        assertThat(apart).as("boxes %d and %d overlap", i, j).isTrue();
      }
    }
  }

  @Test
  void aTreeOfDepthThreeDrawsFifteenBoxesApart() {
    TreeDiagram tree = new TreeDiagram("tree <&>", List.of("class <0>", "1"), full(3, "", 3), 3,
        31);
    String svg = tree.toSvg();
    Document doc = SvgDocuments.parse(svg);
    List<double[]> boxes = boxes(doc);
    assertThat(boxes).hasSize(15);
    assertApart(boxes);
    assertThat(SvgDocuments.elements(doc, "image")).hasSize(15 * 3);
    assertThat(SvgDocuments.texts(doc)).filteredOn("predicted: class <0>"::equals).hasSize(8);
    assertThat(SvgDocuments.texts(doc)).filteredOn("= 1"::equals).hasSize(7);
    assertThat(SvgDocuments.texts(doc)).noneMatch(t -> t.contains("not drawn"));
    // Same tree, same bytes.
    assertThat(new TreeDiagram("tree <&>", List.of("class <0>", "1"), full(3, "", 3), 3, 31)
        .toSvg()).isEqualTo(svg);
  }

  @Test
  void anUnbalancedTreeStaysApart() {
    TreeDiagram.Node deep = full(2, "r", 1);
    TreeDiagram.Node root = new TreeDiagram.Node(List.of("root"), 30, List.of(), List.of(), "",
        List.of(new TreeDiagram.Edge("= 0", TreeDiagram.Node.leaf(List.of("leaf"), 1, List.of(),
            List.of(), "a")), new TreeDiagram.Edge("= 1", deep),
            new TreeDiagram.Edge("", TreeDiagram.Node.leaf(List.of("x"), 2, List.of(), List.of(),
                ""))));
    Document doc = SvgDocuments.parse(
        new TreeDiagram("t", List.of("a", "b"), root, 8, 100).toSvg());
    assertThat(boxes(doc)).hasSize(10);
    assertApart(boxes(doc));
  }

  @Test
  void aBigTreeIsCutWithANoteOfHowManyNodesAreNotDrawn() {
    TreeDiagram tree = new TreeDiagram("t", List.of("a", "b"), full(6, "", 12), 16, 31);
    Document doc = SvgDocuments.parse(tree.toSvg());
    List<double[]> boxes = boxes(doc);
    assertThat(boxes).hasSize(31);
    assertApart(boxes);
    assertThat(SvgDocuments.texts(doc))
        .contains("96 of 127 nodes not drawn (at most 31 boxes, 16 per layer).")
        .contains("… 6 nodes below not drawn");
    // Width limit: a full tree of depth 5 with room for 63 boxes still stops at 16 per layer:
    // the first 8 nodes of layer 4 get their children, the other 8 are cut.
    Document wide = SvgDocuments.parse(
        new TreeDiagram("t", List.of("a", "b"), full(5, "", 0), 0, 63).toSvg());
    assertThat(boxes(wide)).hasSize(31 + 16);
    assertApart(boxes(wide));
    assertThat(SvgDocuments.texts(wide))
        .contains("16 of 63 nodes not drawn (at most 63 boxes, 16 per layer).");
  }

  @Test
  void badTreesAreRefused() {
    assertThatThrownBy(() -> new TreeDiagram("t", List.of("a"), full(1, "", 0), 3, 10))
        .hasMessageContaining("2 class counts, 1 class names");
    assertThatThrownBy(() -> new TreeDiagram("t", List.of("a", "b"), full(1, "", 0), 3, 0))
        .hasMessage("max nodes 0, expected >= 1");
    assertThatThrownBy(() -> TreeDiagram.Node.leaf(List.of("x"), -1, List.of(), List.of(), ""))
        .hasMessageContaining("a negative count");
  }
}
