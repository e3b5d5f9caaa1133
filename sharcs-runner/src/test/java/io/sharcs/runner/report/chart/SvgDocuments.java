package io.sharcs.runner.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses SVG text with the JDK's XML parser and checks what every standalone SVG needs. */
final class SvgDocuments {

  static final String SVG_NS = "http://www.w3.org/2000/svg";

  private SvgDocuments() {}

  /** The parsed document; fails unless well-formed with xmlns, viewBox, width and height. */
  static Document parse(String svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
      Element root = doc.getDocumentElement();
      assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
      assertThat(root.getLocalName()).isEqualTo("svg");
      assertThat(root.getAttribute("viewBox")).matches("0 0 [0-9.]+ [0-9.]+");
      assertThat(root.getAttribute("width")).matches("[0-9.]+");
      assertThat(root.getAttribute("height")).matches("[0-9.]+");
      return doc;
    } catch (Exception e) {
      throw new AssertionError("not a well-formed SVG document: " + e.getMessage(), e);
    }
  }

  /** The text content of every {@code <text>} element, in document order. */
  static List<String> texts(Document doc) {
    return contents(doc, "text");
  }

  /** The text content of every element named {@code name}, in document order. */
  static List<String> contents(Document doc, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  /** Every element named {@code name}. */
  static List<Element> elements(Document doc, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }
}
