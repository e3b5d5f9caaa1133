package io.sharcs.modality.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.api.FittedModality;
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

class TextRendererTest {

  private static final List<TextSample> TRAIN = List.of(
      new TextSample("What colour is the cube?"),
      new TextSample("How many spheres are there?"),
      new TextSample("Is there a red cube left of the sphere?"));

  private static final TextPreprocessor FITTED =
      TextPreprocessor.fit(TRAIN, TextEncoderConfig.DEFAULTS);

  private static Document parse(Rendering r) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.content()));
  }

  /** The marked runs of the drawing. */
  private static List<String> marked(Document doc) {
    NodeList spans = doc.getElementsByTagName("tspan");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < spans.getLength(); i++) {
      Element e = (Element) spans.item(i);
      if (e.getAttribute("class").equals("oov")) {
        out.add(e.getTextContent());
      }
    }
    return out;
  }

  @Test
  void exactlyTheWordsOutsideTheVocabularyAreMarked() throws Exception {
    TextSample question = new TextSample("What colour is the big CYLINDER? Is it a cube-like thing?");
    Rendering r = new TextRenderer().render(question, FITTED, RenderHints.thumbnail(160));

    assertThat(r.mediaType()).isEqualTo(Rendering.SVG);
    // "a" is no token (CountVectorizer drops single characters), so it is not unknown either.
    assertThat(r.text()).isEqualTo(
        "What colour is the «big» «CYLINDER»? Is «it» a cube-«like» «thing»?");
    Document doc = parse(r);
    assertThat(marked(doc)).containsExactly("big", "CYLINDER", "it", "like", "thing");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    String all = doc.getDocumentElement().getTextContent();
    assertThat(all).contains("underlined: not in the vocabulary");
    // The marks agree with what the preprocessing reports as unseen.
    assertThat(FITTED.report(List.of(question)).get(TextPreprocessor.UNSEEN_TOKENS))
        .isEqualTo(5.0);
  }

  @Test
  void aKnownTextHasNoMarkAndNoNote() throws Exception {
    Rendering r = new TextRenderer().render(TRAIN.get(0), FITTED, RenderHints.thumbnail(96));
    assertThat(r.text()).isEqualTo("What colour is the cube?");
    Document doc = parse(r);
    assertThat(marked(doc)).isEmpty();
    assertThat(doc.getDocumentElement().getTextContent()).doesNotContain("vocabulary");
  }

  @Test
  void longTextsWrapToTheWidthAndStopAfterTwelveLines() throws Exception {
    String words = "sphere ".repeat(20).trim();
    Document doc = parse(new TextRenderer().render(new TextSample(words), FITTED,
        RenderHints.thumbnail(200)));
    NodeList lines = doc.getElementsByTagName("text");
    assertThat(lines.getLength()).isGreaterThan(2);
    int perLine = (int) ((200 - 8) / (14 * 0.6));
    for (int i = 0; i < lines.getLength(); i++) {
      assertThat(lines.item(i).getTextContent().length()).isLessThanOrEqualTo(perLine);
    }
    assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("width")))
        .isLessThanOrEqualTo(200);

    Document longer = parse(new TextRenderer().render(
        new TextSample("cube ".repeat(500)), FITTED, RenderHints.thumbnail(200)));
    NodeList cut = longer.getElementsByTagName("text");
    assertThat(cut.getLength()).isEqualTo(TextRenderer.MAX_LINES);
    assertThat(cut.item(cut.getLength() - 1).getTextContent()).endsWith(" …");
  }

  @Test
  void wrappingBreaksAtSpacesAndCutsOverlongWords() {
    List<List<int[]>> lines = TextRenderer.wrap("ab cd  efghijklmn o", 4);
    List<String> shown = new ArrayList<>();
    String raw = "ab cd  efghijklmn o";
    for (List<int[]> line : lines) {
      StringBuilder b = new StringBuilder();
      for (int[] w : line) {
        b.append(b.length() == 0 ? "" : " ").append(raw, w[0], w[1]);
      }
      shown.add(b.toString());
    }
    assertThat(shown).containsExactly("ab", "cd", "efgh", "ijkl", "mn o");
  }

  @Test
  void markupAndControlCharactersStayWellFormed() throws Exception {
    Rendering r = new TextRenderer().render(
        new TextSample("<bb>cube</bb> & \u0007sphere \"x\""), FITTED, RenderHints.thumbnail(160));
    Document doc = parse(r);
    assertThat(marked(doc)).containsExactly("bb", "bb");
    assertThat(r.text()).isEqualTo("<«bb»>cube</«bb»> & ?sphere \"x\"");
  }

  @Test
  void thePluginRendersWithItsFittedVocabularyAndTheSameBytesTwice() {
    FittedModality<TextSample, TextEncoderConfig> fitted = ModalityDefinition.of(new TextPlugin())
        .fit(PreprocessingData.of(TRAIN, "texts"), TextEncoderConfig.DEFAULTS);
    TextSample s = new TextSample("How many cylinders are there?");
    Rendering first = fitted.render(s, RenderHints.thumbnail(160));
    assertThat(first.text()).isEqualTo("How many «cylinders» are there?");
    assertThat(fitted.render(s, RenderHints.thumbnail(160)).content()).isEqualTo(first.content());
  }

  /** Writes an example for a person to look at when {@code -Dsharcs.render.demo=DIR} is given. */
  @Test
  void writesDemoFilesWhenAsked() throws Exception {
    String dir = System.getProperty("sharcs.render.demo");
    if (dir == null) {
      return;
    }
    Files.createDirectories(Path.of(dir));
    Files.write(Path.of(dir, "text-oov.svg"), new TextRenderer().render(new TextSample(
            "Is there a big cylinder left of the red cube? What colour is the shiny thing?"),
        FITTED, RenderHints.thumbnail(240)).content());
  }
}
