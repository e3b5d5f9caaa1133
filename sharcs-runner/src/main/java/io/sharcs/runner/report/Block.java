package io.sharcs.runner.report;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One piece of a {@link Section}: a paragraph, key/value pairs, preformatted text, a table, a
 * figure or a gallery of pictures. Every text is plain text; the writer escapes it.
 */
public sealed interface Block {

  /** A paragraph of plain text. */
  record Paragraph(String text) implements Block {
    /** Checks the text is present. */
    public Paragraph {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Plain text shown as is, in a monospaced font (a text rendering, a tree in text form). */
  record Preformatted(String text) implements Block {
    /** Checks the text is present. */
    public Preformatted {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A list of key/value pairs, in the given order. */
  record KeyValues(List<KeyValue> entries) implements Block {
    /** Copies the entries. */
    public KeyValues {
      entries = List.copyOf(entries);
    }
  }

  /**
   * A table; every row has as many cells as there are headers.
   *
   * @param caption shown above the table, may be empty
   */
  record Table(String caption, List<String> headers, List<List<Cell>> rows) implements Block {
    /** Checks every row has one cell per header. */
    public Table {
      Objects.requireNonNull(caption, "caption");
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).size() != headers.size()) {
          throw new IllegalArgumentException("table '" + caption + "': row " + (i + 1) + " has "
              + rows.get(i).size() + " cells, expected " + headers.size());
        }
      }
    }
  }

  /**
   * A figure: one picture with a caption, also written as the file {@code <fileStem>.svg} or
   * {@code .png} beside the page.
   *
   * @param fileStem the file name without extension: lower-case letters, digits, '-' and '_'
   */
  record Figure(String fileStem, String caption, Picture picture) implements Block {
    private static final Pattern STEM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,79}");

    /** Checks the file stem is a plain file name. */
    public Figure {
      Objects.requireNonNull(caption, "caption");
      Objects.requireNonNull(picture, "picture");
      if (fileStem == null || !STEM.matcher(fileStem).matches()) {
        throw new IllegalArgumentException("figure file stem '" + fileStem
            + "': expected 1 to 80 of a-z, 0-9, '-', '_', starting with a letter or digit");
      }
    }
  }

  /** Several small pictures side by side, each with its own caption. */
  record Gallery(String caption, List<CaptionedPicture> pictures) implements Block {
    /** Copies the pictures. */
    public Gallery {
      Objects.requireNonNull(caption, "caption");
      pictures = List.copyOf(pictures);
    }
  }

  /** A picture with the caption shown under it. */
  record CaptionedPicture(String caption, Picture picture) {
    /** Checks both are present. */
    public CaptionedPicture {
      Objects.requireNonNull(caption, "caption");
      Objects.requireNonNull(picture, "picture");
    }
  }
}
