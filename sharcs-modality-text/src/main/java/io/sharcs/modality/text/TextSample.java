package io.sharcs.modality.text;

import java.util.Objects;

/**
 * One raw text, for example a question. Tokenisation and the vocabulary belong to the modality's
 * preprocessing, fitted on the training split.
 *
 * @param text the text as written
 */
public record TextSample(String text) {
  public TextSample {
    Objects.requireNonNull(text, "text");
  }
}
