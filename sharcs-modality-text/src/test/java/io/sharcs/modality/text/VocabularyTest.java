package io.sharcs.modality.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  private static List<List<String>> texts(String... texts) {
    return java.util.Arrays.stream(texts).map(Tokenizer.DEFAULT::tokenize).toList();
  }

  @Test
  void wordsAreAlphabeticalWithTheirTrainingCounts() {
    Vocabulary v = Vocabulary.fit(texts("small red cube", "big red ball", "red red"), 1, 0);
    assertThat(v.words()).containsExactly("ball", "big", "cube", "red", "small");
    assertThat(v.counts()).containsExactly(1, 1, 1, 4, 1);
    assertThat(v.size()).isEqualTo(5);
    assertThat(v.indexOf("red")).isEqualTo(3);
    assertThat(v.count(3)).isEqualTo(4);
    assertThat(v.indexOf("green")).isEqualTo(-1);
    assertThat(v.indexOf("Red")).as("tokens are lower-cased before lookup").isEqualTo(-1);
  }

  @Test
  void orderDoesNotDependOnTextOrder() {
    assertThat(Vocabulary.fit(texts("b2 a1 c3", "a1"), 1, 0))
        .isEqualTo(Vocabulary.fit(texts("a1", "c3 a1 b2"), 1, 0));
  }

  @Test
  void orderIsByCodePointLikePython() {
    // "\uFB01" (U+FB01) sorts before U+1F600 in Python; UTF-16 order would put the emoji's
    // surrogate (0xD83D) first.
    Vocabulary v = Vocabulary.fit(List.of(List.of("x\uD83D\uDE00", "x\uFB01", "xa")), 1, 0);
    assertThat(v.words()).containsExactly("xa", "x\uFB01", "x\uD83D\uDE00");
  }

  @Test
  void minCountDropsRareWords() {
    Vocabulary v = Vocabulary.fit(texts("red cube", "red ball", "blue cube red"), 2, 0);
    assertThat(v.words()).containsExactly("cube", "red");
  }

  @Test
  void maxSizeKeepsTheMostFrequentBreakingTiesAlphabetically() {
    Vocabulary v = Vocabulary.fit(
        texts("red red red cube cube ball zeta", "alpha zeta beta"), 1, 4);
    // red 3, cube 2, zeta 2, then alpha/ball/beta tie at 1: "alpha" wins.
    assertThat(v.words()).containsExactly("alpha", "cube", "red", "zeta");
  }

  @Test
  void maxSizeLargerThanTheVocabularyChangesNothing() {
    assertThat(Vocabulary.fit(texts("aa bb cc"), 1, 10).words()).containsExactly("aa", "bb", "cc");
  }

  @Test
  void noTokenAtAllIsAnError() {
    assertThatThrownBy(() -> Vocabulary.fit(texts("a ?", "b", "! ."), 1, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("3 training texts hold no token")
        .hasMessageContaining("expected at least one word");
    assertThatThrownBy(() -> Vocabulary.fit(List.of(), 1, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("0 training texts");
  }

  @Test
  void minCountThatLeavesNothingIsAnErrorNamingIt() {
    assertThatThrownBy(() -> Vocabulary.fit(texts("red cube", "red ball"), 3, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("none of the 3 words")
        .hasMessageContaining("min_count = 3")
        .hasMessageContaining("most frequent occurs 2 times");
  }

  @Test
  void constructorRejectsUnsortedRepeatedOrUncountedWords() {
    assertThatThrownBy(() -> new Vocabulary(List.of("b", "a"), new long[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sorted");
    assertThatThrownBy(() -> new Vocabulary(List.of("a", "a"), new long[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Vocabulary(List.of("a"), new long[] {0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Vocabulary(List.of(), new long[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Vocabulary(List.of("a"), new long[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theClevrQuestionsGiveTheReferenceVocabulary() {
    // Method spec 1.4: every attribute word of the single-object CLEVR questions, 22 in all.
    List<String> sizes = List.of("large", "big", "small", "tiny");
    List<String> colors =
        List.of("gray", "red", "blue", "green", "brown", "purple", "cyan", "yellow");
    List<String> materials = List.of("metal", "metallic", "shiny", "rubber", "matte");
    List<String> shapes = List.of("sphere", "ball", "cube", "block", "cylinder");
    List<List<String>> questions = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String q = sizes.get(i % 4) + " " + colors.get(i % 8) + " " + materials.get(i % 5) + " "
          + shapes.get((i / 5) % 5);
      questions.add(Tokenizer.DEFAULT.tokenize(q.toUpperCase(java.util.Locale.ROOT) + "?"));
    }
    assertThat(Vocabulary.fit(questions, 1, 0).words())
        .containsExactly(
            "ball", "big", "block", "blue", "brown", "cube", "cyan", "cylinder", "gray", "green",
            "large", "matte", "metal", "metallic", "purple", "red", "rubber", "shiny", "small",
            "sphere", "tiny", "yellow");
  }
}
