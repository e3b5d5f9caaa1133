package io.sharcs.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML page: self-contained, escaped, deterministic, with the figures beside it. */
class ReportWriterTest {

  private static final Pattern IMG_SRC = Pattern.compile("<img src=\"([^\"]*)\"");

  @TempDir Path work;

  @Test
  void thePageIsSelfContainedAndEveryPictureIsInlined() throws Exception {
    ReportDocument doc = DemoReport.build();
    String html = Files.readString(ReportWriter.write(doc, work), StandardCharsets.UTF_8);

    assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "@import");
    List<String> sources = new ArrayList<>();
    Matcher m = IMG_SRC.matcher(html);
    while (m.find()) {
      sources.add(m.group(1));
    }
    assertThat(sources).hasSize((int) pictureCount(doc)).allSatisfy(src -> assertThat(src)
        .matches("data:image/(svg\\+xml|png);base64,[A-Za-z0-9+/]+(&#x3D;|=){0,2}"));
    // The first picture of the page is the training curves, decoded back to its own bytes.
    String first = sources.get(0).replace("&#x3D;", "=");
    assertThat(Base64.getDecoder().decode(first.substring(first.indexOf(',') + 1)))
        .isEqualTo(doc.figures().get(0).picture().bytes());
  }

  @Test
  void everyTextIsEscaped() {
    String html = ReportWriter.html(DemoReport.build(), "report");
    assertThat(html).doesNotContain("<script>", "<b>&</b>", "alert('x')")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;")
        .contains("<caption>Shared concepts and examples &lt;script&gt;");
  }

  @Test
  void theContentsLinkToEverySectionAndTheProvenanceIsShown() {
    ReportDocument doc = DemoReport.build();
    String html = ReportWriter.html(doc, "report");
    for (Section s : doc.sections()) {
      assertThat(html).contains("<li><a href=\"#" + s.id() + "\">")
          .contains("<section id=\"" + s.id() + "\">");
    }
    assertThat(html).contains("<dt>dataset digest</dt><dd>sha256:0f3a…</dd>");
  }

  @Test
  void everyFigureIsAlsoAFileAndTheSameDocumentGivesTheSameBytes() throws Exception {
    ReportDocument doc = DemoReport.build();
    Path a = ReportWriter.write(doc, work.resolve("a"));
    Path b = ReportWriter.write(DemoReport.build(), work.resolve("b"));
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    for (Block.Figure f : doc.figures()) {
      Path file = work.resolve("a/report/" + f.fileStem() + "." + f.picture().extension());
      assertThat(file).hasBinaryContent(f.picture().bytes());
      assertThat(Files.readString(a)).contains("<a href=\"report/" + f.fileStem() + ".svg\">");
    }
    try (var files = Files.list(work.resolve("a/report"))) {
      assertThat(files).hasSize(doc.figures().size());
    }
  }

  @Test
  void aPageWithoutFigureFilesLinksToNone() {
    String html = ReportWriter.html(DemoReport.build(), null);
    assertThat(html).doesNotContain("href=\"report/", "null/");
  }

  @Test
  void anEmptyDocumentIsAValidPage() {
    String html = ReportWriter.html(new ReportDocument("Nothing yet", "", List.of(), List.of()),
        "report");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Nothing yet</h1>")
        .doesNotContain("<footer>", "class=\"subtitle\"");
  }

  @Test
  void badDocumentsAreRefusedWithOneClearMessage() {
    Picture svg = Picture.svg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "x");
    assertThatThrownBy(() -> new Section("Bad Id", "t", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("section id 'Bad Id'");
    assertThatThrownBy(() -> new Block.Figure("../up", "c", svg))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("figure file stem '../up'");
    assertThatThrownBy(() -> new ReportDocument("t", "", List.of(
        new Section("a", "A", List.of()), new Section("a", "B", List.of())), List.of()))
        .hasMessage("section id 'a' is used twice");
    assertThatThrownBy(() -> new ReportDocument("t", "", List.of(
        new Section("a", "A", List.of(new Block.Figure("f", "1", svg))),
        new Section("b", "B", List.of(new Block.Figure("f", "2", svg)))), List.of()))
        .hasMessage("figure file stem 'f' is used twice");
    assertThatThrownBy(() -> new Block.Table("t", List.of("a", "b"),
        List.of(List.of(Cell.text("1")))))
        .hasMessage("table 't': row 1 has 1 cells, expected 2");
    assertThatThrownBy(() -> Picture.png(new byte[] {1, 2, 3}, "p"))
        .hasMessage("picture 'p': bytes are not a PNG image");
    assertThatThrownBy(() -> new Picture("image/gif", new byte[] {1}, "g"))
        .hasMessageContaining("picture media type 'image/gif'");
    assertThatThrownBy(() -> Picture.svg("plain text", "t"))
        .hasMessage("picture 't': bytes are not an SVG image");
    assertThatThrownBy(() -> ReportWriter.write(
        new ReportDocument("t", "", List.of(), List.of()), work, "../x"))
        .hasMessageContaining("report page name '../x'");
  }

  @Test
  void picturesAreValuesAndCopied() {
    byte[] bytes = Picture.svg("<svg/>", "a").bytes();
    Picture p = Picture.svg("<svg/>", "a");
    bytes[0] = 'X';
    assertThat(p.bytes()[0]).isEqualTo((byte) '<');
    assertThat(p).isEqualTo(Picture.svg("<svg/>", "a")).hasSameHashCodeAs(Picture.svg("<svg/>",
        "a"));
    assertThat(p.dataUri()).isEqualTo("data:image/svg+xml;base64,PHN2Zy8+");
  }

  /** How many pictures the page of {@code doc} shows (each becomes one {@code <img>}). */
  static long pictureCount(ReportDocument doc) {
    long n = 0;
    for (Section s : doc.sections()) {
      for (Block b : s.blocks()) {
        if (b instanceof Block.Figure) {
          n++;
        } else if (b instanceof Block.Gallery g) {
          n += g.pictures().size();
        } else if (b instanceof Block.Table t) {
          n += t.rows().stream().flatMap(List::stream).filter(Cell.Image.class::isInstance)
              .count();
        }
      }
    }
    return n;
  }
}
