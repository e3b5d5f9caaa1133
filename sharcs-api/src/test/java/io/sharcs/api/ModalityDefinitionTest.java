package io.sharcs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModalityDefinitionTest {

  /** Options of the test modality. */
  record Options(int hidden) implements EncoderConfig {}

  /** The test modality's preprocessor: the length of the longest string. */
  record Longest(int length) implements Preprocessor<String> {
    @Override
    public NDList batch(List<? extends String> samples, NDManager manager) {
      throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public String summary() {
      return "up to " + length + " characters";
    }
  }

  /** A plugin whose setup is whatever the test passes. */
  static final class Plugin implements ModalityPlugin<String, Options> {
    private final String id;
    private final Consumer<ModalitySetup<String, Options>> setup;

    Plugin(String id, Consumer<ModalitySetup<String, Options>> setup) {
      this.id = id;
      this.setup = setup;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String description() {
      return "strings";
    }

    @Override
    public void setup(ModalitySetup<String, Options> s) {
      setup.accept(s);
    }
  }

  private static final Preprocessing<String, Options, Longest> LONGEST =
      Preprocessing.stateless(Longest.class, (data, options) -> new Longest(
          data.all().stream().mapToInt(String::length).max().orElse(1)));

  private static void complete(ModalitySetup<String, Options> s) {
    s.samples(String.class, (node, where) -> node.asText());
    s.options(Options.class, new Options(3));
    s.encoder(LONGEST, (options, longest, context) ->
        Linear.builder().setUnits(context.outputs() * 100 + longest.length()).build());
  }

  @Test
  void aCompleteSetupGivesTypedParts(@TempDir Path dir) throws Exception {
    ModalityDefinition<String, Options> d = ModalityDefinition.of(new Plugin("strings", ModalityDefinitionTest::complete));
    assertThat(d.id()).isEqualTo("strings");
    assertThat(d.version()).isEqualTo("dev");
    assertThat(d.sampleType()).isEqualTo(String.class);
    assertThat(d.optionsType()).isEqualTo(Options.class);
    assertThat(d.defaults()).isEqualTo(new Options(3));
    assertThat(d.pretraining()).isEmpty();
    assertThat(d.sample("abc", "here")).isEqualTo("abc");
    assertThatThrownBy(() -> d.sample(42, "data.json sample 7"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("data.json sample 7: found Integer, expected String for plugin 'strings'");

    FittedModality<String, Options> fitted =
        d.fit(PreprocessingData.of(List.of("ab", "abcde"), "t"), new Options(4));
    assertThat(fitted.preprocessor()).isEqualTo(new Longest(5));
    Block encoder = fitted.conceptEncoder(EncoderContext.of(7));
    assertThat(((Linear) encoder).getOutputShapes(
        new ai.djl.ndarray.types.Shape[] {new ai.djl.ndarray.types.Shape(2, 3)})[0].get(1))
        .isEqualTo(705);
    // No embedding encoder registered: the concept encoder stands in.
    assertThat(fitted.embeddingEncoder(EncoderContext.of(2))).isInstanceOf(Linear.class);

    fitted.save(dir, "words");
    assertThat(d.load(dir, "words", new Options(4)).preprocessor()).isEqualTo(new Longest(5));
  }

  @Test
  void aMissingPartIsNamed() {
    assertThatThrownBy(() -> ModalityDefinition.of(new Plugin("strings", s -> {})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("modality plugin 'strings'")
        .hasMessageContaining("did not call samples(type, reader)");
    assertThatThrownBy(() -> ModalityDefinition.of(new Plugin("strings",
            s -> s.samples(String.class, (n, w) -> ""))))
        .hasMessageContaining("did not call options(type, defaults)");
    assertThatThrownBy(() -> ModalityDefinition.of(new Plugin("strings", s -> {
          s.samples(String.class, (n, w) -> "");
          s.options(Options.class, new Options(1));
        })))
        .hasMessageContaining("did not call encoder(preprocessing, concepts)");
  }

  @Test
  void aRepeatedOrNullPartIsRefused() {
    assertThatThrownBy(() -> ModalityDefinition.of(new Plugin("strings", s -> {
          complete(s);
          s.options(Options.class, new Options(2));
        })))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("called options(...) twice");
    assertThatThrownBy(() -> ModalityDefinition.of(new Plugin("strings",
            s -> s.samples(String.class, null))))
        .hasMessageContaining("samples(...) got a null reader");
  }

  @Test
  void aRendererGetsTheFittedPreprocessorAndAFailureBecomesText() {
    ModalityDefinition<String, Options> d = ModalityDefinition.of(new Plugin("strings", s -> {
      s.samples(String.class, (node, where) -> node.asText());
      s.options(Options.class, new Options(3));
      s.encoder(LONGEST, (options, longest, context) -> Linear.builder().setUnits(1).build())
          .renderer((sample, longest, hints) -> {
            if (sample.equals("boom")) {
              throw new IllegalStateException("no picture\nsecond line");
            }
            // Typed access to the preprocessor: the longest training string.
            return Rendering.svg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                sample + " of " + longest.length() + " at " + hints.maxPixels());
          });
    }));
    assertThat(d.renders()).isTrue();
    FittedModality<String, Options> fitted =
        d.fit(PreprocessingData.of(List.of("ab", "abcde"), "t"), new Options(4));
    assertThat(fitted.renders()).isTrue();

    Rendering drawn = fitted.render("abc", RenderHints.thumbnail(96));
    assertThat(drawn.mediaType()).isEqualTo(Rendering.SVG);
    assertThat(drawn.text()).isEqualTo("abc of 5 at 96");

    Rendering failed = fitted.render("boom", RenderHints.thumbnail(96));
    assertThat(failed.mediaType()).isEqualTo(Rendering.TEXT);
    assertThat(failed.text()).isEqualTo("rendering failed: no picture");
    assertThatThrownBy(() -> fitted.render(42, RenderHints.thumbnail(96)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("rendering: found Integer, expected String for plugin 'strings'");
  }

  @Test
  void withoutARendererASampleIsShownAsAShortText() {
    ModalityDefinition<String, Options> d =
        ModalityDefinition.of(new Plugin("strings", ModalityDefinitionTest::complete));
    assertThat(d.renders()).isFalse();
    FittedModality<String, Options> fitted =
        d.fit(PreprocessingData.of(List.of("ab"), "t"), new Options(4));
    assertThat(fitted.renders()).isFalse();

    Rendering r = fitted.render("a\tb", RenderHints.thumbnail(64));
    assertThat(r).isEqualTo(Rendering.plainText("a?b"));
    String longer = "x".repeat(100);
    assertThat(fitted.render(longer, RenderHints.thumbnail(64)).text())
        .isEqualTo("x".repeat(Excerpt.MAX) + "... (100 characters)");
  }

  @Test
  void aSecondOrNullRendererIsRefused() {
    assertThatThrownBy(() -> ModalityDefinition.of(new Plugin("strings", s -> {
          s.samples(String.class, (node, where) -> node.asText());
          s.options(Options.class, new Options(3));
          var encoder = s.encoder(LONGEST, (o, l, c) -> Linear.builder().setUnits(1).build());
          encoder.renderer((sample, longest, hints) -> Rendering.plainText(sample));
          encoder.renderer((sample, longest, hints) -> Rendering.plainText(sample));
        })))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("modality plugin 'strings' (" + Plugin.class.getName()
            + "): setup() called renderer(...) twice, expected once");
    assertThatThrownBy(() -> ModalityDefinition.of(new Plugin("strings", s -> {
          complete(s);
          s.encoder(LONGEST, (o, l, c) -> Linear.builder().setUnits(1).build());
        })))
        .hasMessageContaining("called encoder(...) twice");
    assertThatThrownBy(() -> ModalityDefinition.of(new Plugin("strings", s -> {
          s.samples(String.class, (node, where) -> node.asText());
          s.options(Options.class, new Options(3));
          s.encoder(LONGEST, (o, l, c) -> Linear.builder().setUnits(1).build()).renderer(null);
        })))
        .hasMessageContaining("renderer(...) got a null renderer");
  }

  @Test
  void anIdMustBeLowerCase() {
    for (String bad : new String[] {"", "Graph", "two words", "9lives", null}) {
      assertThatThrownBy(() -> ModalityDefinition.of(new Plugin(bad, ModalityDefinitionTest::complete)))
          .as("id %s", bad)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("expected lower-case letters, digits and dashes");
    }
    assertThat(ModalityDefinition.of(new Plugin("half-mnist2", ModalityDefinitionTest::complete)).id())
        .isEqualTo("half-mnist2");
  }

  @Test
  void optionsOfAnotherTypeAreAWiringError() {
    ModalityDefinition<String, Options> d = ModalityDefinition.of(new Plugin("strings", ModalityDefinitionTest::complete));
    assertThatThrownBy(() -> d.options(new EncoderConfig() {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expects options Options");
  }

  @Test
  void statelessPreprocessingRefusesAForeignFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("words.preprocessing.json"),
        "{\"format\": \"sharcs-preprocessing\", \"version\": 1, \"type\": \"other.Type\","
            + " \"state\": {}}");
    assertThatThrownBy(() -> LONGEST.load(dir, "words", new Options(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("words.preprocessing.json")
        .hasMessageContaining("type 'other.Type'");
    Files.writeString(dir.resolve("words.preprocessing.json"), "{not json");
    assertThatThrownBy(() -> LONGEST.load(dir, "words", new Options(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not JSON");
  }
}
