package io.sharcs.runner.report;

import io.sharcs.runner.report.chart.ErrorBarChart;
import io.sharcs.runner.report.chart.Heatmap;
import io.sharcs.runner.report.chart.LineChart;
import io.sharcs.runner.report.chart.ScatterChart;
import io.sharcs.runner.report.chart.SvgWriter;
import io.sharcs.runner.report.chart.TextPicture;
import io.sharcs.runner.report.chart.TreeDiagram;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A realistic report of every block and figure kind, pictures in SVG, PNG and text form, with
 * hostile strings in captions and class names: what the run report of a SHARCS model on a
 * two-modality data set looks like, built from made-up numbers with a fixed seed.
 */
final class DemoReport {

  static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

  private DemoReport() {}

  static ReportDocument build() {
    Random rnd = new Random(7);
    List<String> classes = List.of("class 0", "class 1 <b>&</b>");
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("overview", "Overview", List.of(
        new Block.Paragraph("SHARCS on a made-up two-modality data set (graph + image). "
            + "Captions may hold anything: " + HOSTILE),
        new Block.KeyValues(List.of(new KeyValue("mode", "sharcs"),
            new KeyValue("test accuracy", "0.9625"), new KeyValue("class names", HOSTILE))))));

    List<LineChart.Point> loss = new ArrayList<>();
    List<LineChart.Point> distance = new ArrayList<>();
    List<LineChart.Point> train = new ArrayList<>();
    List<LineChart.Point> test = new ArrayList<>();
    for (int e = 1; e <= 30; e++) {
      loss.add(new LineChart.Point(e, 0.7 * Math.exp(-e / 8.0) + 0.05 + 0.01 * rnd.nextDouble()));
      distance.add(new LineChart.Point(e, e == 12 ? Double.NaN : 0.5 * Math.exp(-e / 12.0)));
      train.add(new LineChart.Point(e, 1 - 0.5 * Math.exp(-e / 6.0)));
      test.add(new LineChart.Point(e, 1 - 0.5 * Math.exp(-e / 6.0) - 0.04 * rnd.nextDouble()));
    }
    LineChart curves = new LineChart("Training curves", "epoch", "value", List.of(
        new LineChart.Series("loss", loss), new LineChart.Series("distance d", distance),
        new LineChart.Series("train accuracy", train),
        new LineChart.Series("test accuracy", test)));
    Heatmap confusion = Heatmap.confusion("Confusion matrix (test)", classes,
        new long[][] {{118, 4}, {5, 113}});
    sections.add(new Section("training", "Training", List.of(
        new Block.Figure("training-curves", "Loss, regulariser distance d and accuracies per "
            + "epoch.", curves.toPicture("training curves")),
        new Block.Figure("confusion-test", "Test predictions against true classes; " + HOSTILE,
            confusion.toPicture("confusion matrix")))));

    List<ScatterChart.Point> points = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      boolean graph = i % 2 == 0;
      int label = (i / 2) % 2;
      double cx = label == 0 ? -10 : 12;
      points.add(new ScatterChart.Point(cx + rnd.nextGaussian() * 5,
          (graph ? 4 : -4) + rnd.nextGaussian() * 5, (graph ? "graph" : "image") + " · "
          + classes.get(label)));
    }
    List<ScatterChart.Thumbnail> thumbs = List.of(
        new ScatterChart.Thumbnail(-14, 9, "graph · class 0", graphPicture(rnd, 5)),
        new ScatterChart.Thumbnail(15, 8, "graph · " + classes.get(1), graphPicture(rnd, 7)),
        new ScatterChart.Thumbnail(-8, -10, "image · class 0", png(0)),
        new ScatterChart.Thumbnail(10, -9, "image · " + classes.get(1), png(1)));
    ScatterChart map = new ScatterChart("Shared concept space (t-SNE)", "", "", points, thumbs,
        44);
    sections.add(new Section("shared-space", "Shared concept space", List.of(
        new Block.Paragraph("Each point is one sample of one modality, placed by t-SNE on its "
            + "shared concept vector; pictures show some samples where they lie."),
        new Block.Figure("tsne-shared", "Shared space: samples of both modalities.",
            map.toPicture("t-SNE map of the shared space")))));

    List<List<Cell>> rows = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      rows.add(List.of(Cell.text("shared." + c),
          Cell.text(c == 2 ? HOSTILE : "graph has a cycle and image shows a red cube"),
          Cell.text(Integer.toString(40 + c)),
          Cell.picture(graphPicture(rnd, 4 + c)), Cell.picture(png(c)),
          Cell.picture(TextPicture.of("a red cube left of a blue sphere", "text sample"))));
    }
    sections.add(new Section("concepts", "Concept catalogue", List.of(
        new Block.Table("Shared concepts and examples " + HOSTILE,
            List.of("concept", "description", "samples", "graph", "image", "text"), rows))));

    TreeDiagram tree = new TreeDiagram("Concept tree (shared concepts)", classes,
        node(rnd, 3, "shared.4 = ?", 240), 3, 31);
    sections.add(new Section("trees", "Concept trees", List.of(
        new Block.Figure("tree-shared", "The task explained on the shared concepts.",
            tree.toPicture("concept tree")))));

    List<ErrorBarChart.Series> sweep = new ArrayList<>();
    for (String mode : List.of("sharcs", "multi-cbm")) {
      List<ErrorBarChart.Point> pts = new ArrayList<>();
      for (double lambda : new double[] {0.001, 0.01, 0.1, 1, 10}) {
        pts.add(new ErrorBarChart.Point(lambda, (mode.equals("sharcs") ? 0.9 : 0.8)
            + 0.02 * Math.log10(lambda), 0.01 + 0.02 * rnd.nextDouble()));
      }
      sweep.add(new ErrorBarChart.Series(mode, pts));
    }
    sections.add(new Section("sweep", "Lambda sweep", List.of(new Block.Figure("sweep-lambda",
        "Test accuracy over lambda, mean ± sd over 3 seeds.", new ErrorBarChart(
            "accuracy.test over training.lambda", "training.lambda", "accuracy.test", true,
            sweep).toPicture("lambda sweep")))));

    List<Block.CaptionedPicture> neighbours = List.of(
        new Block.CaptionedPicture("query (image)", png(2)),
        new Block.CaptionedPicture("nearest graph", graphPicture(rnd, 6)),
        new Block.CaptionedPicture("nearest text", TextPicture.of(
            "two large cubes & a <small> sphere", "text neighbour")),
        new Block.CaptionedPicture("2nd image " + HOSTILE, png(3)));
    sections.add(new Section("cross-modal", "Cross-modal explanations", List.of(
        new Block.Gallery("Nearest neighbours in the shared space", neighbours),
        new Block.Preformatted("shared.4 = 1\n  shared.1 = 0 -> class 0\n  shared.1 = 1 -> "
            + "class 1 <b>&</b>"))));

    return new ReportDocument("SHARCS run report: demo " + HOSTILE, "xor-and-xor · seed 0",
        sections, List.of(new KeyValue("sharcs", "0.1.0-SNAPSHOT"),
            new KeyValue("dataset digest", "sha256:0f3a…"), new KeyValue("seed", "0")));
  }

  private static TreeDiagram.Node node(Random rnd, int depth, String test, int count) {
    int a = rnd.nextInt(count + 1);
    List<Integer> counts = List.of(a, count - a);
    List<io.sharcs.runner.report.Picture> pictures = List.of(graphPicture(rnd, 5), png(
        rnd.nextInt(4)), TextPicture.of("a blue cylinder", "text"));
    if (depth == 0) {
      return TreeDiagram.Node.leaf(List.of("leaf", "samples here mostly share their class"),
          count, counts, pictures, a >= count - a ? "class 0" : "class 1 <b>&</b>");
    }
    int left = count / 2;
    String next = "shared." + rnd.nextInt(8) + " = ?";
    return new TreeDiagram.Node(List.of(test, "graph contains a house motif and the image "
        + "shows a metal object"), count, counts, pictures, "", List.of(
            new TreeDiagram.Edge("= 0", node(rnd, depth - 1, next, left)),
            new TreeDiagram.Edge("= 1", node(rnd, depth - 1, next, count - left))));
  }

  /** A small graph drawing: nodes on a circle, random edges. */
  static Picture graphPicture(Random rnd, int nodes) {
    SvgWriter svg = new SvgWriter(64, 64);
    double[][] xy = new double[nodes][];
    for (int i = 0; i < nodes; i++) {
      double a = 2 * Math.PI * i / nodes;
      xy[i] = new double[] {32 + 22 * Math.cos(a), 32 + 22 * Math.sin(a)};
    }
    for (int i = 0; i < nodes; i++) {
      svg.line(xy[i][0], xy[i][1], xy[(i + 1) % nodes][0], xy[(i + 1) % nodes][1], "#555555",
          1.5, null);
      if (rnd.nextBoolean()) {
        int j = rnd.nextInt(nodes);
        svg.line(xy[i][0], xy[i][1], xy[j][0], xy[j][1], "#999999", 1, null);
      }
    }
    for (double[] p : xy) {
      svg.circle(p[0], p[1], 4.5, "#0072B2");
    }
    return Picture.svg(svg.finish(), "graph with " + nodes + " nodes");
  }

  /** A small PNG image: a coloured square or circle on grey. */
  static Picture png(int kind) {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0xd8d8d8));
    g.fillRect(0, 0, 64, 64);
    g.setColor(List.of(new Color(0xD55E00), new Color(0x0072B2), new Color(0x009E73),
        new Color(0xCC79A7)).get(kind % 4));
    if (kind % 2 == 0) {
      g.fillRect(16, 18, 30, 30);
    } else {
      g.fillOval(14, 14, 36, 36);
    }
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1.5f));
    g.drawLine(0, 54, 64, 54);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Picture.png(out.toByteArray(), "image sample " + kind);
  }
}
