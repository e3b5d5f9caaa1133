package io.sharcs.modality.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
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
    ModalityPlugin<?, ?> found = null;
    for (ModalityPlugin<?, ?> p : ServiceLoader.load(ModalityPlugin.class)) {
      ids.add(p.id());
      if (p.id().equals("text")) {
        found = p;
      }
    }
    assertThat(ids).containsOnlyOnce("text");
    assertThat(found).isInstanceOf(TextPlugin.class);
    assertThat(ModalityDefinition.of(found).sampleType()).isEqualTo(TextSample.class);
    assertThat(found.description()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void readSampleTakesAJsonString() throws Exception {
    assertThat(ModalityDefinition.of(plugin).reader().read(JSON.readTree("\"Large red metal sphere\""), "q.jsonl line 1"))
        .isEqualTo(new TextSample("Large red metal sphere"));
    for (String text : new String[] {"42", "[\"a\"]", "{\"text\": \"a\"}", "null", "true"}) {
      var node = JSON.readTree(text);
      assertThatThrownBy(() -> ModalityDefinition.of(plugin).reader().read(node, "q.jsonl line 7"))
          .as(text)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("q.jsonl line 7: found ")
          .hasMessageEndingWith(", expected a string");
    }
    assertThatThrownBy(() -> ModalityDefinition.of(plugin).reader().read(null, "q.yaml sample 3"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("q.yaml sample 3: found nothing, expected a string");
  }

  private TextPreprocessor fit(List<TextSample> train, List<TextSample> all, List<String> ids,
      String where) {
    return new TextPlugin.TextPreprocessing()
        .fit(new PreprocessingData<>(train, all, ids, where), TextEncoderConfig.DEFAULTS);
  }

  @Test
  void fitRejectsEmptyAndBlankTextsNamingTheSample() {
    List<TextSample> ok = TextPreprocessorTest.texts("red cube");
    assertThatThrownBy(() -> fit(ok,
            TextPreprocessorTest.texts("red cube", ""), List.of("q0", "q1"), "clevr questions"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("clevr questions sample q1: found an empty text, expected at least one word");
    assertThatThrownBy(() -> fit(ok,
            TextPreprocessorTest.texts(" \t\n"), List.of("q9"), "clevr"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("clevr sample q9: found a blank text \" \\t\\n\", expected at least one word");
    assertThatThrownBy(() -> fit(ok, List.of(), List.of(), "clevr"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("clevr: found no texts");
  }

  @Test
  void fitLearnsFromTheTrainingSplitAndSetsTheEncoderWidth() {
    List<TextSample> train = TextPreprocessorTest.texts("red cube", "blue ball");
    TextPreprocessor p = fit(train,
        TextPreprocessorTest.texts("red cube", "blue ball", "green cylinder"),
        List.of("a", "b", "c"), "t");
    assertThat(p.vocabulary().size()).isEqualTo(4);
    assertThat(p.report(TextPreprocessorTest.texts("green cylinder")))
        .containsEntry("unseen_tokens", 2.0);
  }

  @Test
  void savedVocabularyLoadsBackThroughTheDefinition(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    var definition = ModalityDefinition.of(plugin);
    var fitted = definition.fit(
        PreprocessingData.of(TextPreprocessorTest.texts("red cube", "blue ball"), "t"),
        TextEncoderConfig.DEFAULTS);
    fitted.save(dir, "question");
    var loaded = definition.load(dir, "question", TextEncoderConfig.DEFAULTS);
    assertThat(loaded.preprocessor()).isEqualTo(fitted.preprocessor());
  }

  @Test
  void refusesAForeignEncoderConfig() {
    EncoderConfig foreign = new EncoderConfig() {};
    assertThatThrownBy(() -> ModalityDefinition.of(plugin).options(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expects options TextEncoderConfig");
  }
}
