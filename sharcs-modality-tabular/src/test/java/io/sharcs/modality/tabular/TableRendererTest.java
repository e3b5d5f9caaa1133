package io.sharcs.modality.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.PreprocessingData;
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

class TableRendererTest {

  private static final TabularSample XOR_ROW = new TabularSample(new float[] {1, 0, 1, 0});

  private static Document parse(Rendering r) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.content()));
  }

  private static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagName("text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void aRowIsAGridOfNamedCells() throws Exception {
    Rendering r = new TableRenderer().render(XOR_ROW, new TableShape(4), RenderHints.thumbnail(160));

    assertThat(r.mediaType()).isEqualTo(Rendering.SVG);
    assertThat(r.text()).isEqualTo("f1=1 f2=0 f3=1 f4=0");
    Document doc = parse(r);
    Element root = doc.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(Double.parseDouble(root.getAttribute("width"))).isLessThanOrEqualTo(160);
    assertThat(root.getAttribute("viewBox"))
        .isEqualTo("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"));
    assertThat(texts(doc)).containsExactly("f1", "1", "f2", "0", "f3", "1", "f4", "0");
    // Ones are shaded, zeros white.
    NodeList cells = doc.getElementsByTagName("g");
    String[] fills = new String[4];
    for (int c = 0; c < 4; c++) {
      fills[c] = ((Element) ((Element) cells.item(c)).getElementsByTagName("rect").item(0))
          .getAttribute("fill");
    }
    assertThat(fills).containsExactly("#9ecae1", "#ffffff", "#9ecae1", "#ffffff");
  }

  @Test
  void cellsWrapToTheWidthAndAWideRowIsCut() throws Exception {
    float[] values = new float[100];
    for (int i = 0; i < values.length; i++) {
      values[i] = i / 8f;
    }
    Rendering r = new TableRenderer().render(
        new TabularSample(values), new TableShape(100), RenderHints.thumbnail(200));
    Document doc = parse(r);
    assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("width")))
        .isLessThanOrEqualTo(200);
    assertThat(doc.getElementsByTagName("g").getLength()).isEqualTo(TableRenderer.MAX_CELLS);
    assertThat(texts(doc)).contains("f64", "7.875").last().isEqualTo("... 36 more columns");
    assertThat(r.text()).startsWith("f1=0 f2=0.125 f3=0.25 ").endsWith("f32=3.875 ... (100 columns)");
  }

  @Test
  void valuesAreWrittenCompactly() {
    assertThat(TableRenderer.format(1f)).isEqualTo("1");
    assertThat(TableRenderer.format(-0f)).isEqualTo("0");
    assertThat(TableRenderer.format(-3f)).isEqualTo("-3");
    assertThat(TableRenderer.format(0.1f)).isEqualTo("0.1");
    assertThat(TableRenderer.format(3.14159f)).isEqualTo("3.142");
    assertThat(TableRenderer.format(12345.67f)).isEqualTo("12350");
    assertThat(TableRenderer.format(1.5e9f)).isEqualTo("1.5E+9");
    assertThat(TableRenderer.format(2.5e-6f)).isEqualTo("2.5E-6");
    assertThat(TableRenderer.format(Float.NaN)).isEqualTo("NaN");
  }

  @Test
  void thePluginRendersThroughItsFittedPreprocessing() {
    var definition = ModalityDefinition.of(new TabularPlugin());
    var fitted = definition.fit(
        PreprocessingData.of(List.of(XOR_ROW), "rows"), TabularEncoderConfig.DEFAULTS);
    assertThat(fitted.renders()).isTrue();
    Rendering first = fitted.render(XOR_ROW, RenderHints.thumbnail(96));
    assertThat(first.text()).isEqualTo("f1=1 f2=0 f3=1 f4=0");
    assertThat(fitted.render(XOR_ROW, RenderHints.thumbnail(96)).content())
        .isEqualTo(first.content());
  }

  /** Writes examples for a person to look at when {@code -Dsharcs.render.demo=DIR} is given. */
  @Test
  void writesDemoFilesWhenAsked() throws Exception {
    String dir = System.getProperty("sharcs.render.demo");
    if (dir == null) {
      return;
    }
    Files.createDirectories(Path.of(dir));
    Files.write(Path.of(dir, "table-xor.svg"), new TableRenderer()
        .render(XOR_ROW, new TableShape(4), RenderHints.thumbnail(160)).content());
    Files.write(Path.of(dir, "table-mixed.svg"), new TableRenderer().render(
        new TabularSample(new float[] {0.5f, -2f, 3.14159f, 1e9f, 0, 7, 0.001f, 42}),
        new TableShape(8), RenderHints.thumbnail(160)).content());
  }
}
