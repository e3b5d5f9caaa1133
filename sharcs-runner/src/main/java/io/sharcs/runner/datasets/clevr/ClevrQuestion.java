package io.sharcs.runner.datasets.clevr;

import java.util.Objects;

/**
 * One question of a CLEVR question file, checked and folded.
 *
 * @param index the position in the file's {@code questions} list (0-based)
 * @param text the question as written
 * @param attributes the question's attributes, synonyms folded
 * @param answer 1 if the question describes the scene's object, else 0
 * @param imageFilename the image file name inside the image folder
 */
public record ClevrQuestion(
    int index, String text, ClevrAttributes attributes, int answer, String imageFilename) {

  public ClevrQuestion {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(imageFilename, "imageFilename");
    if (answer != 0 && answer != 1) {
      throw new IllegalArgumentException("answer " + answer + ", expected 0 or 1");
    }
  }

  /** Whether the question is true for its image. */
  public boolean isTrue() {
    return answer == 1;
  }
}
