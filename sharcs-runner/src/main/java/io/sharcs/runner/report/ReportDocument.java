package io.sharcs.runner.report;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A report page: a title, a subtitle, sections in reading order and the provenance shown at the
 * end (versions, digests, seeds). It knows nothing of how it is drawn; {@link ReportWriter}
 * renders it.
 *
 * @param subtitle may be empty
 */
public record ReportDocument(
    String title, String subtitle, List<Section> sections, List<KeyValue> provenance) {

  /** Checks section ids and figure file stems are unique: both name things on their own. */
  public ReportDocument {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(subtitle, "subtitle");
    sections = List.copyOf(sections);
    provenance = List.copyOf(provenance);
    Set<String> ids = new HashSet<>();
    Set<String> stems = new HashSet<>();
    for (Section s : sections) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("section id '" + s.id() + "' is used twice");
      }
      for (Block b : s.blocks()) {
        if (b instanceof Block.Figure f && !stems.add(f.fileStem())) {
          throw new IllegalArgumentException("figure file stem '" + f.fileStem()
              + "' is used twice");
        }
      }
    }
  }

  /** The figures of every section, in reading order. */
  public List<Block.Figure> figures() {
    return sections.stream().flatMap(s -> s.blocks().stream())
        .filter(Block.Figure.class::isInstance).map(Block.Figure.class::cast).toList();
  }
}
