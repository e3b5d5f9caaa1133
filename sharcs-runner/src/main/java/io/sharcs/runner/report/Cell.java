package io.sharcs.runner.report;

import java.util.Objects;

/** A table cell: plain text or a picture. */
public sealed interface Cell {

  /** A cell of plain text. */
  static Cell text(String text) {
    return new Text(text);
  }

  /** A cell showing a (small) picture. */
  static Cell picture(Picture picture) {
    return new Image(picture);
  }

  /** A cell of plain text. */
  record Text(String text) implements Cell {
    /** Checks the text is present. */
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A cell showing a picture. */
  record Image(Picture picture) implements Cell {
    /** Checks the picture is present. */
    public Image {
      Objects.requireNonNull(picture, "picture");
    }
  }
}
