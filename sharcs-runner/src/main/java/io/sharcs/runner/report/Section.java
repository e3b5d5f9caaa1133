package io.sharcs.runner.report;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A section of a report: a heading, an id the table of contents links to, and its blocks.
 *
 * @param id the HTML id: a lower-case letter, then lower-case letters, digits and '-'
 */
public record Section(String id, String title, List<Block> blocks) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,79}");

  /** Checks the id can be used as an HTML id and URL fragment without escaping. */
  public Section {
    Objects.requireNonNull(title, "title");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("section id '" + id
          + "': expected a-z, then up to 79 of a-z, 0-9, '-'");
    }
    blocks = List.copyOf(blocks);
  }
}
