package io.sharcs.modality.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.api.ConceptSampling;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InputSpec;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.Preprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TextPluginTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TextPlugin plugin = new TextPlugin();

  @Test
  void serviceLoaderFindsTheTextPluginOnce() {
    List<String> ids = new ArrayList<>();
    ModalityPlugin<?> found = null;
    for (ModalityPlugin<?> p : ServiceLoader.load(ModalityPlugin.class)) {
      ids.add(p.id());
      if (p.id().equals("text")) {
        found = p;
      }
    }
    assertThat(ids).containsOnlyOnce("text");
    assertThat(found).isInstanceOf(TextPlugin.class);
    assertThat(found.sampleType()).isEqualTo(TextSample.class);
    assertThat(found.description()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void readSampleTakesAJsonString() throws Exception {
    assertThat(plugin.readSample(JSON.readTree("\"Large red metal sphere\""), "q.jsonl line 1"))
        .isEqualTo(new TextSample("Large red metal sphere"));
    for (String text : new String[] {"42", "[\"a\"]", "{\"text\": \"a\"}", "null", "true"}) {
      var node = JSON.readTree(text);
      assertThatThrownBy(() -> plugin.readSample(node, "q.jsonl line 7"))
          .as(text)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("q.jsonl line 7: found ")
          .hasMessageEndingWith(", expected a string");
    }
    assertThatThrownBy(() -> plugin.readSample(null, "q.yaml sample 3"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("q.yaml sample 3: found nothing, expected a string");
  }

  @Test
  void inspectSummarisesTextsAndTheirLongestTokenCount() {
    InputSpec spec = plugin.inspect(
        TextPreprocessorTest.texts("large red metal sphere", "red cube?", "a b"),
        List.of("q0", "q1", "q2"), "clevr");
    assertThat(spec.summary()).isEqualTo("3 texts, up to 4 tokens");
    assertThat(spec.maxElements()).isEqualTo(4);
    assertThat(plugin.inspect(TextPreprocessorTest.texts("a"), List.of("q"), "x").summary())
        .isEqualTo("1 text, up to 0 tokens");
  }

  @Test
  void inspectRejectsEmptyAndBlankTextsNamingTheSample() {
    assertThatThrownBy(() -> plugin.inspect(
            TextPreprocessorTest.texts("red cube", ""), List.of("q0", "q1"), "clevr questions"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("clevr questions sample q1: found an empty text, expected at least one word");
    assertThatThrownBy(() -> plugin.inspect(
            TextPreprocessorTest.texts(" \t\n"), List.of("q9"), "clevr"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("clevr sample q9: found a blank text \" \\t\\n\", expected at least one word");
    assertThatThrownBy(() -> plugin.inspect(List.of(), List.of(), "clevr"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("clevr: found no texts");
  }

  @Test
  void fitLearnsFromTheTrainingSplitAndSetsTheEncoderWidth() {
    List<TextSample> train = TextPreprocessorTest.texts("red cube", "blue ball");
    InputSpec inspected = plugin.inspect(
        TextPreprocessorTest.texts("red cube", "blue ball", "green cylinder"),
        List.of("a", "b", "c"), "t");
    Preprocessor<TextSample> p = plugin.fit(train, inspected, plugin.defaultEncoderConfig());
    assertThat(p).isInstanceOf(TextPreprocessor.class);
    assertThat(p.spec().featureWidth()).isEqualTo(4);
    assertThat(p.report(TextPreprocessorTest.texts("green cylinder")))
        .containsEntry("unseen_tokens", 2.0);
  }

  @Test
  void batchingNeedsTheFittedPreprocessor() {
    assertThatThrownBy(() -> plugin.batch(
            TextPreprocessorTest.texts("red"), new InputSpec(1, 1, "t"), null))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("fit()");
  }

  @Test
  void refusesAForeignEncoderConfig() {
    EncoderConfig foreign = new EncoderConfig() {};
    EncoderContext context =
        new EncoderContext(4, new InputSpec(3, 1, "t"), ConceptSampling.DETERMINISTIC_IN_EVAL);
    assertThatThrownBy(() -> plugin.createEncoder(foreign, context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expects encoder config TextEncoderConfig");
    assertThatThrownBy(() -> plugin.fit(
            TextPreprocessorTest.texts("red"), new InputSpec(1, 1, "t"), foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TextEncoderConfig");
  }
}
