package io.sharcs.runner.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.runner.report.Picture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The SVG writer: escaping, number format, well-formed output. */
class SvgWriterTest {

  static final String HOSTILE = "<script>alert('x')</script> & \"q\" \u0001";

  @Test
  void numbersHaveTwoDecimalsAtMostAndNoLocale() {
    assertThat(SvgWriter.num(1)).isEqualTo("1");
    assertThat(SvgWriter.num(1.5)).isEqualTo("1.5");
    assertThat(SvgWriter.num(1.004)).isEqualTo("1");
    assertThat(SvgWriter.num(2.675)).isEqualTo("2.68");
    assertThat(SvgWriter.num(-0.001)).isEqualTo("0");
    assertThat(SvgWriter.num(1234567.891)).isEqualTo("1234567.89");
    assertThatThrownBy(() -> SvgWriter.num(Double.NaN))
        .hasMessage("not a finite coordinate: NaN");
  }

  @Test
  void hostileTextStaysText() {
    SvgWriter svg = new SvgWriter(100, 50);
    svg.group(HOSTILE).text(1, 2, HOSTILE, 12, "start", "#000", true, 30).end();
    svg.monospace(1, 20, HOSTILE);
    svg.image(0, 0, 10, 10, Picture.svg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", HOSTILE));
    String text = svg.finish();
    assertThat(text).doesNotContain("<script");
    Document doc = SvgDocuments.parse(text);
    String shown = HOSTILE.replace('\u0001', ' ');
    assertThat(SvgDocuments.texts(doc)).containsExactly(shown, shown);
    assertThat(SvgDocuments.contents(doc, "title")).containsExactly(shown, shown);
    assertThat(SvgDocuments.elements(doc, "image").get(0).getAttribute("href"))
        .startsWith("data:image/svg+xml;base64,");
  }

  @Test
  void groupsMustBeClosedAndSizesPositive() {
    assertThatThrownBy(() -> new SvgWriter(10, 10).group("g").finish())
        .hasMessage("1 groups not closed");
    assertThatThrownBy(() -> new SvgWriter(10, 10).end()).hasMessage("no open group");
    assertThatThrownBy(() -> new SvgWriter(0, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SVG size 0.0 x 10.0");
  }

  @Test
  void wrapBreaksAtSpacesAndCutsLongWords() {
    assertThat(Wrap.lines("graph has a cycle and the image a red cube", 12))
        .containsExactly("graph has a", "cycle and", "the image a", "red cube");
    assertThat(Wrap.lines("abcdefghijkl xy", 5)).containsExactly("abcde", "fghij", "kl xy");
    assertThat(Wrap.lines("   ", 5)).isEmpty();
  }

  @Test
  void ticksAreNiceAndCoverTheRange() {
    Scale s = Scale.linear(0.03, 0.97, 0, 100, 6);
    assertThat(s.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
    assertThat(s.ticks().stream().map(s::label).toList())
        .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    assertThat(s.map(0)).isEqualTo(0);
    assertThat(s.map(1)).isEqualTo(100);
    Scale log = Scale.log(0.001, 10, 0, 400);
    assertThat(log.ticks().stream().map(log::label).toList())
        .containsExactly("0.001", "0.01", "0.1", "1", "10");
    assertThat(log.map(0.1)).isEqualTo(200, org.assertj.core.data.Offset.offset(1e-9));
    Scale one = Scale.linear(5, 5, 0, 100, 6);
    assertThat(one.ticks()).first().matches(t -> t <= 4.5);
    assertThat(one.ticks()).last().matches(t -> t >= 5.5);
    assertThat(Scale.nice(0.13)).isEqualTo(0.2);
    assertThat(Scale.nice(2.2)).isEqualTo(2.5);
    Scale whole = Scale.linear(0, 25, 0, 1, 6);
    assertThat(whole.ticks().stream().map(whole::label).toList())
        .containsExactly("0", "5", "10", "15", "20", "25");
  }

  @Test
  void textPicturesWrapEscapeAndCut() {
    Picture p = TextPicture.of("one two three four five six seven eight nine ten eleven twelve "
        + "thirteen fourteen fifteen sixteen seventeen eighteen <b>&", HOSTILE);
    Document doc = SvgDocuments.parse(
        new String(p.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    List<String> lines = SvgDocuments.texts(doc);
    assertThat(lines).hasSize(6).endsWith("…");
    assertThat(lines.get(0)).isEqualTo("one two three four");
    assertThat(p.alt()).isEqualTo(HOSTILE);
  }
}
