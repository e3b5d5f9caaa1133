package io.sharcs.modality.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenizerTest {

  private final Tokenizer tokenizer = Tokenizer.DEFAULT;

  @Test
  void lowerCasesAndKeepsTextOrderAndRepeats() {
    assertThat(tokenizer.tokenize("Large RED Metal Sphere red"))
        .containsExactly("large", "red", "metal", "sphere", "red");
  }

  @Test
  void punctuationSeparatesTokensAndIsDropped() {
    // CountVectorizer gives: ['is', 'there', 'big', 'red', 'ball', 'yes', 'don', 'know', 'well',
    // 'known', 'e_mail'] for this text.
    assertThat(tokenizer.tokenize("Is there a big,red ball?! Yes; I don't know... well-known e_mail"))
        .containsExactly(
            "is", "there", "big", "red", "ball", "yes", "don", "know", "well", "known", "e_mail");
  }

  @Test
  void digitsAreWordCharactersAndSingleCharactersAreDropped() {
    assertThat(tokenizer.tokenize("3 cubes, 12 balls and 3d shapes x 7"))
        .containsExactly("cubes", "12", "balls", "and", "3d", "shapes");
  }

  @Test
  void wordCharactersAreUnicodeAsInPython() {
    assertThat(tokenizer.tokenize("Größe Ärger café ÉTÉ ñ"))
        .containsExactly("größe", "ärger", "café", "été");
  }

  @Test
  void aTextWithoutTokensGivesNone() {
    assertThat(tokenizer.tokenize("")).isEmpty();
    assertThat(tokenizer.tokenize("  ?! a b c . ")).isEmpty();
  }

  @Test
  void theMinimumLengthIsConfigurable() {
    assertThat(new Tokenizer(1).tokenize("a big b, 7 cubes"))
        .containsExactly("a", "big", "b", "7", "cubes");
    assertThat(new Tokenizer(4).tokenize("a big blue cube and a sphere"))
        .containsExactly("blue", "cube", "sphere");
    assertThat(new Tokenizer(1).minTokenLength()).isEqualTo(1);
    assertThat(Tokenizer.DEFAULT.minTokenLength()).isEqualTo(2);
    assertThat(new Tokenizer(2)).isEqualTo(Tokenizer.DEFAULT).hasSameHashCodeAs(Tokenizer.DEFAULT);
    assertThatThrownBy(() -> new Tokenizer(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
