package io.sharcs.runner.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's view of a {@link ReportDocument}: plain maps and lists, one key per block kind,
 * so the logic-less template can tell the kinds apart. Values stay plain text: the template
 * escapes every one of them.
 */
final class ReportView {

  /** Table cells of at most this many characters are not wrapped. */
  private static final int SHORT = 24;

  /** Wider than the text column (72rem at 16 px, less padding) in CSS pixels. */
  private static final double WIDE = 1100;

  private static final Pattern SVG_WIDTH = Pattern.compile("<svg\\b[^>]*?\\swidth=\"([0-9.]+)\"");

  private ReportView() {}

  /** The view; {@code figureFolder} null when the figures are not written as files. */
  static Map<String, Object> of(ReportDocument doc, String figureFolder) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("title", doc.title());
    view.put("subtitle", doc.subtitle());
    view.put("hasSubtitle", !doc.subtitle().isEmpty());
    List<Map<String, Object>> sections = new ArrayList<>();
    for (Section s : doc.sections()) {
      Map<String, Object> section = new LinkedHashMap<>();
      section.put("id", s.id());
      section.put("title", s.title());
      section.put("blocks", s.blocks().stream().map(b -> block(b, figureFolder)).toList());
      sections.add(section);
    }
    view.put("sections", sections);
    view.put("provenance", keyValues(doc.provenance()));
    view.put("hasProvenance", !doc.provenance().isEmpty());
    return view;
  }

  private static Map<String, Object> block(Block block, String figureFolder) {
    Map<String, Object> view = new LinkedHashMap<>();
    // Java 17: no pattern switch; the block kinds are a sealed, closed list.
    if (block instanceof Block.Paragraph p) {
      view.put("paragraph", Map.of("text", p.text()));
    } else if (block instanceof Block.Preformatted p) {
      view.put("preformatted", Map.of("text", p.text()));
    } else if (block instanceof Block.KeyValues kv) {
      view.put("keyValues", Map.of("entries", keyValues(kv.entries())));
    } else if (block instanceof Block.Table t) {
      Map<String, Object> table = new LinkedHashMap<>();
      table.put("caption", t.caption());
      table.put("hasCaption", !t.caption().isEmpty());
      table.put("headers", t.headers());
      table.put("rows", t.rows().stream().map(ReportView::row).toList());
      view.put("table", table);
    } else if (block instanceof Block.Figure f) {
      Map<String, Object> figure = picture(f.picture());
      figure.put("caption", f.caption());
      double width = svgWidth(f.picture());
      // A wide figure (a tree) keeps a readable scale and scrolls instead of shrinking to fit.
      figure.put("wide", width > WIDE);
      figure.put("displayWidth", Long.toString(Math.round(width * 0.85)));
      figure.put("hasFile", figureFolder != null);
      figure.put("file", figureFolder + "/" + f.fileStem() + "." + f.picture().extension());
      view.put("figure", figure);
    } else if (block instanceof Block.Gallery g) {
      Map<String, Object> gallery = new LinkedHashMap<>();
      gallery.put("caption", g.caption());
      gallery.put("hasCaption", !g.caption().isEmpty());
      gallery.put("items", g.pictures().stream().map(c -> {
        Map<String, Object> item = picture(c.picture());
        item.put("caption", c.caption());
        return item;
      }).toList());
      view.put("gallery", gallery);
    } else {
      throw new IllegalArgumentException("unknown block " + block.getClass().getName());
    }
    return view;
  }

  /** The width an SVG picture declares; 0 for a PNG or an SVG without one. */
  private static double svgWidth(Picture p) {
    if (!p.mediaType().equals(Picture.SVG)) {
      return 0;
    }
    String head = new String(p.bytes(), 0, Math.min(p.bytes().length, 2000),
        StandardCharsets.UTF_8);
    Matcher m = SVG_WIDTH.matcher(head);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static Map<String, Object> row(List<Cell> cells) {
    // Short texts (numbers, "0.87 ± 0.02", names) stay on one line; long ones wrap.
    return Map.of("cells", cells.stream().map(c -> c instanceof Cell.Image i
        ? Map.<String, Object>of("image", picture(i.picture()), "short", false)
        : Map.<String, Object>of("text", ((Cell.Text) c).text(),
            "short", ((Cell.Text) c).text().length() <= SHORT)).toList());
  }

  private static Map<String, Object> picture(Picture p) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("src", p.dataUri());
    view.put("alt", p.alt());
    return view;
  }

  private static List<Map<String, String>> keyValues(List<KeyValue> entries) {
    return entries.stream().map(e -> Map.of("key", e.key(), "value", e.value())).toList();
  }
}
