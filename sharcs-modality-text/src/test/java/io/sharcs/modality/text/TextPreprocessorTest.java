package io.sharcs.modality.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextPreprocessorTest {

  private static final TextEncoderConfig BOW = TextEncoderConfig.DEFAULTS;
  private static final TextEncoderConfig SEQ = new TextEncoderConfig(
      "sequence", List.of(48), 8, "gru", 6, 1, "leaky-relu", 2, 1, 0);

  @TempDir Path dir;

  static List<TextSample> texts(String... texts) {
    return java.util.Arrays.stream(texts).map(TextSample::new).toList();
  }

  private static final List<TextSample> TRAIN =
      texts("Large red metal sphere", "small blue rubber cube", "big red cube");

  @Test
  void theVocabularyComesFromTheTrainingTextsOnly() {
    TextPreprocessor p = TextPreprocessor.fit(TRAIN, BOW);
    assertThat(p.vocabulary().words())
        .containsExactly("big", "blue", "cube", "large", "metal", "red", "rubber", "small",
            "sphere");
    assertThat(p.vocabulary().size()).isEqualTo(9);
    assertThat(p.maxTokens()).isEqualTo(4);
    assertThat(p.summary())
        .isEqualTo("bag-of-words, vocabulary of 9 words, up to 4 tokens per training text");
    assertThat(p.representation()).isEqualTo("bag-of-words");
  }

  @Test
  void anEmptyVocabularyIsAnInputError() {
    assertThatThrownBy(() -> TextPreprocessor.fit(texts("a ?", "b c"), BOW))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 training texts hold no token");
  }

  @Test
  void bagOfWordsCountsKnownWordsAndDropsUnseenOnes() {
    TextPreprocessor p = TextPreprocessor.fit(TRAIN, BOW);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = p.batch(texts("Red, red CUBE!", "green metallic thing", "sphere"), manager);
      assertThat(batch).hasSize(1);
      NDArray x = batch.singletonOrThrow();
      assertThat(x.getShape()).isEqualTo(new Shape(3, 9));
      assertThat(x.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(x.getManager()).isSameAs(manager);
      // columns: big blue cube large metal red rubber small sphere
      assertThat(x.toFloatArray()).containsExactly(
          0, 0, 1, 0, 0, 2, 0, 0, 0,
          0, 0, 0, 0, 0, 0, 0, 0, 0,
          0, 0, 0, 0, 0, 0, 0, 0, 1);
    }
  }

  @Test
  void sequencesMapWordsToIdsPadToTheLongestTextAndMarkRealTokens() {
    TextPreprocessor p = TextPreprocessor.fit(TRAIN, SEQ);
    assertThat(p.vocabulary().size()).isEqualTo(9);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = p.batch(texts("red cube", "big green metal sphere thing", "a ?"), manager);
      assertThat(batch).hasSize(2);
      NDArray ids = batch.get(TextBatches.IDS);
      NDArray mask = batch.get(TextBatches.MASK);
      assertThat(ids.getShape()).isEqualTo(new Shape(3, 5));
      assertThat(mask.getShape()).isEqualTo(new Shape(3, 5));
      // word i has id i + 2: big 2, cube 4, metal 6, red 7, sphere 10; unknown 1; padding 0.
      assertThat(ids.toFloatArray()).containsExactly(
          7, 4, 0, 0, 0,
          2, 1, 6, 10, 1,
          1, 0, 0, 0, 0);
      assertThat(mask.toFloatArray()).containsExactly(
          1, 1, 0, 0, 0,
          1, 1, 1, 1, 1,
          1, 0, 0, 0, 0);
      // Padding is per batch: a batch of short texts is short.
      assertThat(p.batch(texts("red", "cube"), manager).get(0).getShape())
          .isEqualTo(new Shape(2, 1));
    }
  }

  @Test
  void reportCountsUnseenTokensAndNeverThrows() {
    TextPreprocessor p = TextPreprocessor.fit(TRAIN, BOW);
    Map<String, Double> report =
        p.report(texts("red cube", "green metallic cube", "purple thing", "x ?"));
    // 7 tokens: red cube | green metallic cube | purple thing; 4 unseen.
    assertThat(report).containsExactly(
        Map.entry("unseen_tokens", 4.0),
        Map.entry("unseen_token_rate", 4.0 / 7),
        Map.entry("texts_with_unseen", 2.0),
        Map.entry("texts_without_known_tokens", 2.0));
    assertThat(p.report(TRAIN)).containsEntry("unseen_tokens", 0.0)
        .containsEntry("unseen_token_rate", 0.0)
        .containsEntry("texts_with_unseen", 0.0)
        .containsEntry("texts_without_known_tokens", 0.0);
    assertThat(p.report(List.of())).containsEntry("unseen_token_rate", 0.0);
  }

  @Test
  void minTokenLengthMinCountAndMaxSizeComeFromTheConfig() {
    TextEncoderConfig c = new TextEncoderConfig(
        "bag-of-words", List.of(48), 32, "gru", 48, 1, "none", 1, 2, 2);
    TextPreprocessor p = TextPreprocessor.fit(texts("a red cube", "a red ball", "a b cube"), c);
    // counts with single characters kept: a 3, red 2, cube 2, b 1, ball 1 -> min_count 2 keeps
    // a, cube, red; max_size 2 keeps a and then cube (ties alphabetically).
    assertThat(p.vocabulary().words()).containsExactly("a", "cube");
    assertThat(p.tokenizer().minTokenLength()).isEqualTo(1);
  }

  @Test
  void saveAndLoadRoundTripBothRepresentations() throws Exception {
    for (TextEncoderConfig config : List.of(BOW, SEQ)) {
      TextPreprocessor p = TextPreprocessor.fit(TRAIN, config);
      p.save(dir, "question");
      TextPreprocessor loaded = TextPreprocessor.load(dir, "question");
      assertThat(loaded).isEqualTo(p);
      assertThat(loaded.summary()).isEqualTo(p.summary());
      assertThat(loaded.maxTokens()).isEqualTo(p.maxTokens());
      List<TextSample> probe = texts("red cube thing", "big metal sphere");
      try (NDManager manager = NDManager.newBaseManager()) {
        NDList a = p.batch(probe, manager);
        NDList b = loaded.batch(probe, manager);
        assertThat(b.size()).isEqualTo(a.size());
        for (int i = 0; i < a.size(); i++) {
          assertThat(b.get(i).toFloatArray()).containsExactly(a.get(i).toFloatArray());
        }
      }
    }
  }

  @Test
  void theVocabularyFileIsSmallReadableJson() throws Exception {
    TextPreprocessor.fit(texts("Red cube", "red ball"), BOW).save(dir, "question");
    Path file = dir.resolve("question.vocabulary.json");
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    assertThat(root.get("format").asText()).isEqualTo("sharcs-text-vocabulary");
    assertThat(root.get("version").asInt()).isEqualTo(1);
    assertThat(root.get("representation").asText()).isEqualTo("bag-of-words");
    assertThat(root.get("lowercase").asBoolean()).isTrue();
    assertThat(root.get("min_token_length").asInt()).isEqualTo(2);
    assertThat(root.get("max_tokens").asInt()).isEqualTo(2);
    assertThat(root.get("words").toString()).isEqualTo("[\"ball\",\"cube\",\"red\"]");
    assertThat(root.get("counts").toString()).isEqualTo("[1,1,2]");
  }

  @Test
  void loadingABadFileNamesTheFileAndTheProblem() throws Exception {
    assertThatThrownBy(() -> TextPreprocessor.load(dir, "missing"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing.vocabulary.json: file not found");
    String valid = "{\"format\": \"sharcs-text-vocabulary\", \"version\": 1, \"representation\":"
        + " \"sequence\", \"lowercase\": true, \"min_token_length\": 2, \"max_tokens\": 3,"
        + " \"words\": [\"ab\", \"cd\"], \"counts\": [1, 2]}";
    Files.writeString(dir.resolve("ok.vocabulary.json"), valid);
    assertThat(TextPreprocessor.load(dir, "ok").vocabulary().words()).containsExactly("ab", "cd");
    Map<String, String> broken = Map.of(
        "\"version\": 1", "\"version\": 2",
        "\"words\": [\"ab\", \"cd\"]", "\"words\": [\"cd\", \"ab\"]",
        "\"counts\": [1, 2]", "\"counts\": [1]",
        "\"sequence\"", "\"bag\"",
        "\"max_tokens\": 3", "\"max_tokens\": 0",
        "\"lowercase\": true", "\"lowercase\": true, \"extra\": 1");
    Map<String, String> expected = Map.of(
        "\"version\": 1", "key 'version' is 2",
        "\"words\": [\"ab\", \"cd\"]", "invalid vocabulary",
        "\"counts\": [1, 2]", "expected two non-empty lists of equal length",
        "\"sequence\"", "key 'representation' is \"bag\"",
        "\"max_tokens\": 3", "key 'max_tokens' is 0",
        "\"lowercase\": true", "unknown key 'extra'");
    for (var e : broken.entrySet()) {
      Files.writeString(dir.resolve("bad.vocabulary.json"), valid.replace(e.getKey(), e.getValue()));
      assertThatThrownBy(() -> TextPreprocessor.load(dir, "bad"))
          .as(e.getValue())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(dir.resolve("bad.vocabulary.json").toString())
          .hasMessageContaining(expected.get(e.getKey()));
    }
  }
}
