package io.sharcs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class RenderingTest {

  @Test
  void contentIsCopiedInAndOut() {
    byte[] bytes = {1, 2, 3};
    Rendering r = Rendering.png(bytes, "image 1x1");
    bytes[0] = 9;
    assertThat(r.content()).containsExactly(1, 2, 3);
    r.content()[1] = 9;
    assertThat(r.content()).containsExactly(1, 2, 3);
    assertThat(r).isEqualTo(Rendering.png(new byte[] {1, 2, 3}, "image 1x1"));
    assertThat(r.size()).isEqualTo(3);
  }

  @Test
  void extensionAndDataUriFollowTheMediaType() {
    assertThat(Rendering.png(new byte[] {1}, "p").fileExtension()).isEqualTo("png");
    assertThat(Rendering.svg("<svg/>", "s").fileExtension()).isEqualTo("svg");
    Rendering text = Rendering.plainText("café");
    assertThat(text.fileExtension()).isEqualTo("txt");
    assertThat(text.text()).isEqualTo("café");
    assertThat(text.dataUri()).isEqualTo("data:text/plain;charset=utf-8;base64,"
        + Base64.getEncoder().encodeToString("café".getBytes(StandardCharsets.UTF_8)));
    assertThat(Rendering.svg("<svg/>", "s").dataUri())
        .isEqualTo("data:image/svg+xml;base64,PHN2Zy8+");
  }

  @Test
  void anUnknownMediaTypeOrAMissingPartIsRefused() {
    assertThatThrownBy(() -> new Rendering("image/gif", new byte[0], "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("media type 'image/gif', expected one of image/png, image/svg+xml, text/plain");
    assertThatThrownBy(() -> new Rendering(Rendering.PNG, null, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a rendering needs content and text, got no content");
  }

  @Test
  void hintsCopyTheirPartConceptsAndCheckTheSize() {
    int[] parts = {0, 2, -1};
    RenderHints hints = RenderHints.thumbnail(96).withPartConcepts(parts);
    parts[0] = 5;
    assertThat(hints.partConcepts()).containsExactly(0, 2, -1);
    assertThat(hints.partConcept(1)).isEqualTo(2);
    assertThat(hints.partConcept(3)).isEqualTo(-1);
    assertThat(hints.hasPartConcepts()).isTrue();
    assertThat(RenderHints.thumbnail(96).hasPartConcepts()).isFalse();
    assertThat(RenderHints.thumbnail(96).withPartConcepts(null).partConcepts()).isEmpty();
    assertThatThrownBy(() -> RenderHints.thumbnail(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPixels 0, expected 1..4096");
  }

  @Test
  void svgEscapingKeepsAnyStringWellFormed() throws Exception {
    String nasty = "a<b & \"c\" 'd' \u0001\u0007 \uD800 \uFFFF 😀 é";
    StringBuilder svg = Svg.open(10, 20.5, nasty);
    svg.append("<text x=\"").append(Svg.number(1.005)).append("\" y=\"")
        .append(Svg.number(-0.001)).append("\" data-v=\"").append(Svg.escape(nasty))
        .append("\">").append(Svg.escape(nasty)).append("</text>\n");
    byte[] bytes = Svg.close(svg).getBytes(StandardCharsets.UTF_8);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(Svg.NAMESPACE);
    assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 10 20.5");
    String shown = doc.getElementsByTagName("text").item(0).getTextContent();
    assertThat(shown).isEqualTo("a<b & \"c\" 'd' \uFFFD\uFFFD \uFFFD \uFFFD 😀 é");
    assertThat(doc.getElementsByTagName("text").item(0).getAttributes()
        .getNamedItem("x").getNodeValue()).isEqualTo("1.01");
    assertThat(doc.getElementsByTagName("text").item(0).getAttributes()
        .getNamedItem("y").getNodeValue()).isEqualTo("0");
  }
}
