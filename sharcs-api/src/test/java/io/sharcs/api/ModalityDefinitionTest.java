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
  void aCompleteSetupGivesTypedParts() throws Exception {
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

    Path dir = Files.createTempDirectory("definition");
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
  void statelessPreprocessingRefusesAForeignFile() throws Exception {
    Path dir = Files.createTempDirectory("definition");
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
