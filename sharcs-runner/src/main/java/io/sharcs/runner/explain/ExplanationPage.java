package io.sharcs.runner.explain;

import io.sharcs.api.Rendering;
import io.sharcs.runner.explain.SampleExplanation.ActiveConcept;
import io.sharcs.runner.explain.SampleExplanation.ClassProbability;
import io.sharcs.runner.explain.SampleExplanation.MissingModality;
import io.sharcs.runner.explain.SampleExplanation.Neighbour;
import io.sharcs.runner.explain.SampleExplanation.Neighbours;
import io.sharcs.runner.explain.SampleExplanation.PresentModality;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link SampleExplanation} as one self-contained HTML page ({@code sharcs explain --html}):
 * the present inputs drawn by their plugins and inlined as {@code data:} URIs, no script, nothing
 * fetched from the network, every text escaped.
 */
public final class ExplanationPage {

  private ExplanationPage() {}

  /**
   * Writes the page to {@code file} atomically: into a temporary file beside it, then moved over
   * it, so that a reader never sees half a page.
   *
   * @param renderings the drawing of each present modality's input, by modality name
   */
  public static void write(SampleExplanation e, Map<String, Rendering> renderings, Path file) {
    Path target = file.toAbsolutePath().normalize();
    try {
      // A temporary name of this process beside the target (same file system, so the move is a
      // rename); created as an ordinary file so that the page gets the usual permissions.
      Path temp = target.resolveSibling(
          "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        Files.writeString(temp, html(e, renderings), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write " + file, ex);
    }
  }

  /** The page's text. */
  public static String html(SampleExplanation e, Map<String, Rendering> renderings) {
    StringBuilder h = new StringBuilder();
    String title = e.sample() == null ? "new sample" : "sample " + e.sample();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>sharcs explain: ").append(esc(title)).append("</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em}"
            + "table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left;"
            + "vertical-align:top}.num{text-align:right;font-variant-numeric:tabular-nums}"
            + "figure{display:inline-block;margin:0 1em 1em 0}img{border:1px solid #ccc}"
            + ".agree{color:#060}.disagree{color:#a00}</style>\n</head>\n<body>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n<p>")
        .append(esc(e.sample() == null ? "from " + e.origin()
            : e.origin() + " split" + (e.trueClass() == null ? "" : ", true class "
                + e.trueClass())))
        .append("</p>\n");
    h.append("<h2>Prediction: class ").append(esc(e.predicted())).append("</h2>\n<table>\n");
    for (ClassProbability c : e.probabilities()) {
      h.append("<tr><td>p(").append(esc(c.className())).append(")</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.4f", c.probability())).append("</td></tr>\n");
    }
    h.append("</table>\n<h2>Inputs</h2>\n");
    for (PresentModality m : e.present()) {
      Rendering r = renderings.get(m.modality());
      h.append("<figure>");
      if (r != null && !Rendering.TEXT.equals(r.mediaType())) {
        h.append("<img src=\"").append(r.dataUri()).append("\" alt=\"").append(esc(r.text()))
            .append("\">");
      } else if (r != null) {
        h.append("<pre>").append(esc(new String(r.content(), StandardCharsets.UTF_8)))
            .append("</pre>");
      }
      // Some renderers name the modality themselves ("graph: 10 nodes"); say it once.
      String caption = r == null ? m.modality()
          : r.text().startsWith(m.modality()) ? r.text() : m.modality() + ": " + r.text();
      h.append("<figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
    }
    for (MissingModality m : e.missing()) {
      h.append(String.format(Locale.ROOT,
          "<p>%s: missing; stood in for by training sample <b>%s</b> (bank row %d, distance"
              + " %.4f)</p>%n", esc(m.modality()), esc(m.retrieved()), m.bankRow(),
          m.distance()));
    }
    h.append("<h2>Active concepts</h2>\n");
    for (PresentModality m : e.present()) {
      h.append("<h3>").append(esc(m.modality())).append("</h3>\n");
      concepts(h, "local", m.local());
      if (e.sharedSpace()) {
        concepts(h, "shared", m.shared());
      }
    }
    h.append("<h2>Concept tree</h2>\n");
    if (e.tree() == null) {
      h.append("<p>none in explanations.json</p>\n");
    } else {
      h.append("<p>").append(esc(e.tree().name())).append(" over the combined concepts:</p>\n<ol>\n");
      for (SavedTree.Step s : e.tree().steps()) {
        h.append("<li><code>").append(esc(s.feature())).append(" = ").append(s.on() ? 1 : 0)
            .append("</code></li>\n");
      }
      h.append("</ol>\n<p class=\"").append(e.tree().agrees() ? "agree" : "disagree")
          .append("\">leaf ").append(e.tree().leaf()).append(": class ")
          .append(esc(e.tree().leafClass())).append(", ")
          .append(e.tree().agrees() ? "agrees with" : "disagrees with")
          .append(" the network</p>\n");
    }
    h.append("<h2>Nearest training samples in concept space</h2>\n<table>\n"
        + "<tr><th>bank</th><th>query</th><th>samples (distance)</th></tr>\n");
    for (Neighbours n : e.neighbours()) {
      h.append("<tr><td>").append(esc(n.modality())).append("</td><td>")
          .append(esc(n.query())).append("</td><td>");
      List<Neighbour> nearest = n.nearest();
      for (int i = 0; i < nearest.size(); i++) {
        h.append(i == 0 ? "" : ", ").append(esc(nearest.get(i).sample()))
            .append(String.format(Locale.ROOT, " (%.4f)", nearest.get(i).distance()));
      }
      h.append("</td></tr>\n");
    }
    h.append("</table>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void concepts(StringBuilder h, String set, List<ActiveConcept> concepts) {
    h.append("<p>").append(set).append(" concepts on: ")
        .append(concepts.isEmpty() ? "none" : "").append("</p>\n");
    if (concepts.isEmpty()) {
      return;
    }
    h.append("<table>\n");
    for (ActiveConcept c : concepts) {
      h.append("<tr><td><code>").append(esc(c.name())).append("</code></td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.2f", c.value())).append("</td><td>")
          .append(esc(c.sentence())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** Escapes text for HTML content and double-quoted attributes. */
  static String esc(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
