package io.sharcs.runner.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML page: every picture inlined as a
 * {@code data:} URI, the style sheet inline, no script and no network reference, so the page reads
 * the same from a mail attachment, a USB stick or a printer. Every text goes through the
 * template's HTML escaping. The same document gives the same bytes.
 */
public final class ReportWriter {

  /** The page's file name in the folder written to. */
  public static final String PAGE = "report.html";

  /** The folder (beside the page) holding each figure as its own file. */
  public static final String FIGURES = "report";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

  private static final Template TEMPLATE = template();

  private ReportWriter() {}

  /**
   * Writes {@value #PAGE} and every figure as {@value #FIGURES}{@code /<fileStem>.svg} (or
   * {@code .png}) into {@code folder}, created if needed; existing files of those names are
   * replaced. The caller makes the folder visible atomically (a run's staging folder).
   *
   * @return the page written
   */
  public static Path write(ReportDocument doc, Path folder) {
    return write(doc, folder, "report");
  }

  /**
   * Writes {@code <name>.html} and every figure as {@code <name>/<fileStem>.<ext>} into
   * {@code folder}, created if needed.
   *
   * @param name the page's file stem: a lower-case letter, then a-z, 0-9, '-', '_'
   * @return the page written
   */
  public static Path write(ReportDocument doc, Path folder, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("report page name '" + name
          + "': expected a-z, then up to 39 of a-z, 0-9, '-', '_'");
    }
    Path page = folder.resolve(name + ".html");
    try {
      Files.createDirectories(folder);
      if (!doc.figures().isEmpty()) {
        Path figures = Files.createDirectories(folder.resolve(name));
        for (Block.Figure f : doc.figures()) {
          Files.write(figures.resolve(f.fileStem() + "." + f.picture().extension()),
              f.picture().bytes());
        }
      }
      Files.writeString(page, html(doc, name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + folder, e);
    }
    return page;
  }

  /**
   * The page of {@code doc} as HTML text.
   *
   * @param figureFolder the folder the figure files are in, relative to the page (linked from
   *     each figure's caption); null when they are not written as files (the page stands alone)
   */
  public static String html(ReportDocument doc, String figureFolder) {
    return TEMPLATE.execute(ReportView.of(doc, figureFolder));
  }

  private static Template template() {
    try (InputStream in = ReportWriter.class.getResourceAsStream("report.mustache")) {
      if (in == null) {
        throw new IllegalStateException("report.mustache is missing from the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // escapeHTML: every {{value}} is escaped; the template has no {{{raw}}} value.
      return Mustache.compiler().escapeHTML(true).compile(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
