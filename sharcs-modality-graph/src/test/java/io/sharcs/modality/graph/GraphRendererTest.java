package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphRendererTest {

  private static final GraphShape SHAPE = new GraphShape(1, 16);

  /** A six-cycle and a four-cycle joined by one edge (both directions), feature i on node i. */
  static GraphSample twoCycles() {
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      edges.add(new int[] {i, (i + 1) % 6});
      edges.add(new int[] {(i + 1) % 6, i});
    }
    for (int i = 0; i < 4; i++) {
      edges.add(new int[] {6 + i, 6 + (i + 1) % 4});
      edges.add(new int[] {6 + (i + 1) % 4, 6 + i});
    }
    edges.add(new int[] {0, 6});
    edges.add(new int[] {6, 0});
    edges.add(new int[] {3, 3}); // a self-loop is not drawn
    float[][] x = new float[10][1];
    for (int i = 0; i < 10; i++) {
      x[i][0] = i;
    }
    return new GraphSample(x, edges.toArray(new int[0][]));
  }

  static Document parse(Rendering r) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.content()));
  }

  private static List<String> fills(Document doc) {
    NodeList circles = doc.getElementsByTagName("circle");
    List<String> fills = new ArrayList<>();
    for (int i = 0; i < circles.getLength(); i++) {
      fills.add(((Element) circles.item(i)).getAttribute("fill"));
    }
    return fills;
  }

  @Test
  void aGraphIsAStandaloneSvgWithOneCirclePerNodeAndOneLinePerLink() throws Exception {
    Rendering r = new GraphRenderer().render(twoCycles(), SHAPE, RenderHints.thumbnail(160));

    assertThat(r.mediaType()).isEqualTo(Rendering.SVG);
    assertThat(r.text()).isEqualTo("graph: 10 nodes, 11 edges");
    Document doc = parse(r);
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(root.getAttribute("width")).isEqualTo("160");
    assertThat(root.getAttribute("height")).isEqualTo("160");
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 160 160");
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(10);
    assertThat(doc.getElementsByTagName("line").getLength()).isEqualTo(11);
    // Without concepts, nodes are grey by their first feature: node 0 lightest, node 9 darkest.
    List<String> fills = fills(doc);
    assertThat(fills.get(0)).isEqualTo("#ebebeb");
    assertThat(fills.get(9)).isEqualTo("#232323");
    assertThat(doc.getElementsByTagName("text").getLength()).isZero();
  }

  @Test
  void nodesAreColouredByTheirConceptWithALegend() throws Exception {
    int[] concepts = {0, 0, 2, 2, 2, 0, 5, 5, 5, 5, -1, -1}; // padded to the batch's 12 nodes
    Rendering r = new GraphRenderer().render(
        twoCycles(), SHAPE, RenderHints.thumbnail(160).withPartConcepts(concepts));

    assertThat(r.text())
        .isEqualTo("graph: 10 nodes, 11 edges; concept 0: 3 nodes, concept 2: 3 nodes,"
            + " concept 5: 4 nodes");
    Document doc = parse(r);
    List<String> fills = fills(doc);
    assertThat(fills).hasSize(10);
    for (int v = 0; v < 10; v++) {
      assertThat(fills.get(v)).as("node %d", v).isEqualTo(GraphRenderer.colour(concepts[v]));
    }
    assertThat(GraphRenderer.colour(0)).isNotEqualTo(GraphRenderer.colour(2))
        .isNotEqualTo(GraphRenderer.colour(5));
    NodeList labels = doc.getElementsByTagName("text");
    List<String> legend = new ArrayList<>();
    for (int i = 0; i < labels.getLength(); i++) {
      legend.add(labels.item(i).getTextContent());
    }
    assertThat(legend).containsExactly("concept 0", "concept 2", "concept 5");
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1 + 3);
  }

  @Test
  void aNodeWithoutAConceptIsWhite() throws Exception {
    Rendering r = new GraphRenderer().render(TestGraphs.path(3), SHAPE,
        RenderHints.thumbnail(96).withPartConcepts(new int[] {1, -1, 1}));
    assertThat(fills(parse(r)))
        .containsExactly(GraphRenderer.colour(1), GraphRenderer.NO_CONCEPT, GraphRenderer.colour(1));
    assertThat(r.text()).isEqualTo("graph: 3 nodes, 2 edges; no concept: 1 node, concept 1: 2 nodes");
  }

  @Test
  void theSameGraphGivesTheSameBytes() {
    RenderHints hints = RenderHints.thumbnail(96).withPartConcepts(new int[] {0, 1, 2, 3});
    for (GraphSample g : TestGraphs.random(5, 1, 30, 2, 3)) {
      assertThat(new GraphRenderer().render(g, SHAPE, hints).content())
          .isEqualTo(new GraphRenderer().render(g, SHAPE, hints).content());
    }
  }

  @Test
  void nodesAreDrawnAtTheirOwnPositionsWhenTheSampleHasThem() throws Exception {
    float[][] x = {{0}, {0}, {0}};
    float[][] pos = {{0, 0}, {10, 0}, {10, 5}};
    GraphSample g = new GraphSample(x, new int[][] {{0, 1}, {1, 2}}, pos);
    Document doc = parse(new GraphRenderer().render(g, SHAPE, RenderHints.thumbnail(100)));
    NodeList circles = doc.getElementsByTagName("circle");
    double[][] c = new double[3][2];
    for (int i = 0; i < 3; i++) {
      Element e = (Element) circles.item(i);
      c[i][0] = Double.parseDouble(e.getAttribute("cx"));
      c[i][1] = Double.parseDouble(e.getAttribute("cy"));
    }
    // Same row for nodes 0 and 1, node 2 below node 1; the x span is twice the y span.
    assertThat(c[0][1]).isEqualTo(c[1][1]);
    assertThat(c[2][0]).isEqualTo(c[1][0]);
    assertThat(c[2][1]).isGreaterThan(c[1][1]);
    assertThat(c[1][0] - c[0][0]).isCloseTo(2 * (c[2][1] - c[1][1]),
        org.assertj.core.data.Offset.offset(0.02));
    // Every node is inside the picture.
    for (double[] p : c) {
      assertThat(p[0]).isBetween(0.0, 100.0);
      assertThat(p[1]).isBetween(0.0, 100.0);
    }
  }

  @Test
  void theForceLayoutKeepsNodesApart() throws Exception {
    Document doc = parse(new GraphRenderer().render(twoCycles(), SHAPE, RenderHints.thumbnail(200)));
    NodeList circles = doc.getElementsByTagName("circle");
    double r = Double.parseDouble(((Element) circles.item(0)).getAttribute("r"));
    for (int i = 0; i < circles.getLength(); i++) {
      for (int j = i + 1; j < circles.getLength(); j++) {
        Element a = (Element) circles.item(i);
        Element b = (Element) circles.item(j);
        double d = Math.hypot(
            Double.parseDouble(a.getAttribute("cx")) - Double.parseDouble(b.getAttribute("cx")),
            Double.parseDouble(a.getAttribute("cy")) - Double.parseDouble(b.getAttribute("cy")));
        assertThat(d).as("nodes %d and %d", i, j).isGreaterThan(2 * r);
      }
    }
  }

  /** Writes examples for a person to look at when {@code -Dsharcs.render.demo=DIR} is given. */
  @Test
  void writesDemoFilesWhenAsked() throws Exception {
    String dir = System.getProperty("sharcs.render.demo");
    if (dir == null) {
      return;
    }
    Files.createDirectories(Path.of(dir));
    GraphRenderer renderer = new GraphRenderer();
    Files.write(Path.of(dir, "graph-features.svg"),
        renderer.render(twoCycles(), SHAPE, RenderHints.thumbnail(160)).content());
    Files.write(Path.of(dir, "graph-concepts.svg"), renderer.render(twoCycles(), SHAPE,
        RenderHints.thumbnail(160).withPartConcepts(new int[] {0, 0, 2, 2, 2, 0, 5, 5, 5, 5}))
        .content());
    Files.write(Path.of(dir, "graph-concepts-96.svg"), renderer.render(twoCycles(), SHAPE,
        RenderHints.thumbnail(96).withPartConcepts(new int[] {0, 0, 2, 2, 2, 0, 5, 5, 5, 5}))
        .content());
  }
}
