package io.sharcs.runner.explain;

import io.sharcs.api.Rendering;
import io.sharcs.core.analysis.ClassMetrics;
import io.sharcs.core.analysis.ConceptCatalogue;
import io.sharcs.core.analysis.ConceptTree;
import io.sharcs.core.explain.ConceptMapView;
import io.sharcs.core.explain.CrossModalExample;
import io.sharcs.core.explain.Explanations;
import io.sharcs.core.explain.RetrievalExample;
import io.sharcs.core.explain.SampleRef;
import io.sharcs.core.explain.SampleView;
import io.sharcs.core.explain.TreeExplanation;
import io.sharcs.core.pipeline.EpochHistory;
import io.sharcs.core.train.EpochReport;
import io.sharcs.runner.report.Block;
import io.sharcs.runner.report.Cell;
import io.sharcs.runner.report.KeyValue;
import io.sharcs.runner.report.Picture;
import io.sharcs.runner.report.ReportDocument;
import io.sharcs.runner.report.Section;
import io.sharcs.runner.report.chart.Heatmap;
import io.sharcs.runner.report.chart.LineChart;
import io.sharcs.runner.report.chart.ScatterChart;
import io.sharcs.runner.report.chart.TextPicture;
import io.sharcs.runner.report.chart.TreeDiagram;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.ToDoubleFunction;

/**
 * The run report of a concept model as a {@link ReportDocument}: headline metrics, training
 * curves, task metrics, the concept catalogue with prototypes, the concept trees with example
 * samples in their nodes and their rules, t-SNE maps of the concept spaces (the shared one with
 * prototype thumbnails), cross-modal nearest examples, missing-modality retrieval with
 * provenance, every metric, and the provenance.
 */
public final class RunReportDocument {

  /** Headline metrics shown first, in this order, where the run has them. */
  private static final List<String> HEADLINE_PREFIXES =
      List.of(
          "accuracy.test", "accuracy.train", "missing_modality_accuracy.",
          "completeness.combined", "completeness.shared", "explanations.tree.fidelity",
          "explanations.tree.depth3.fidelity", "explanations.tree.depth3.accuracy",
          "clusters.combined.");

  /** The tree drawn in full is cut at this many nodes (the figure says how many were left). */
  private static final int MAX_TREE_NODES = 63;

  private final Explanations e;

  private RunReportDocument(Explanations e) {
    this.e = e;
  }

  /**
   * The report.
   *
   * @param title the page title, e.g. the experiment name
   * @param subtitle mode, protocol, seed and data set, in words
   * @param explanations the run's explanations
   * @param history the run's per-epoch history (may be empty)
   * @param metrics every metric of the run
   * @param provenance versions, digests and times, in display order
   */
  public static ReportDocument build(
      String title,
      String subtitle,
      Explanations explanations,
      EpochHistory history,
      SortedMap<String, Double> metrics,
      List<KeyValue> provenance) {
    RunReportDocument d = new RunReportDocument(explanations);
    List<Section> sections = new ArrayList<>();
    sections.add(d.summary(metrics));
    if (!history.rows().isEmpty()) {
      sections.add(d.training(history));
    }
    sections.add(d.task());
    sections.add(d.catalogue());
    sections.add(d.trees());
    sections.add(d.maps());
    sections.add(d.crossModal());
    sections.add(d.retrieval());
    sections.add(allMetrics(metrics));
    return new ReportDocument(title, subtitle, sections, provenance);
  }

  // ---- sections

  private Section summary(SortedMap<String, Double> metrics) {
    List<KeyValue> headline = new ArrayList<>();
    for (String prefix : HEADLINE_PREFIXES) {
      for (Map.Entry<String, Double> m : metrics.entrySet()) {
        boolean match = prefix.endsWith(".") ? m.getKey().startsWith(prefix)
            : m.getKey().equals(prefix);
        if (match && headline.stream().noneMatch(kv -> kv.key().equals(m.getKey()))) {
          headline.add(new KeyValue(m.getKey(), number(m.getValue())));
        }
      }
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph(
        "Modalities: " + String.join(", ", e.modalities()) + ". Classes: "
            + String.join(", ", e.classNames()) + ". "
            + (e.sharedSpace()
                ? "Each modality's local concepts are projected into one shared concept space;"
                    + " the predictor reads the shared concepts of every modality."
                : "No shared concept space (multi-CBM): the predictor reads each modality's local"
                    + " concepts.")));
    blocks.add(new Block.KeyValues(headline));
    e.trees().stream().filter(t -> t.maxDepth() > 0).findFirst().ifPresent(t ->
        blocks.add(new Block.Paragraph(
            "In words: a decision tree of depth " + t.tree().depth() + " over the concepts"
                + " agrees with the network on " + percent(t.fidelity().agreement())
                + " of the test samples; its rules are in the section on concept trees.")));
    return new Section("summary", "Summary", blocks);
  }

  private Section training(EpochHistory history) {
    List<EpochHistory.Row> rows = history.rows();
    List<LineChart.Series> losses = new ArrayList<>(List.of(
        series("loss", rows, EpochHistory.Row::loss),
        series("distance d", rows, EpochHistory.Row::distance)));
    String testMode = rows.get(0).testAccuracyMode();
    List<LineChart.Series> accuracies = new ArrayList<>(List.of(
        series("train", rows, EpochHistory.Row::trainAccuracy),
        series("test (" + testMode + " mode)", rows, EpochHistory.Row::testAccuracy)));
    for (String m : history.localModalities()) {
      losses.add(localSeries("local loss " + m, rows, m, EpochReport.Local::loss));
      accuracies.add(localSeries("local " + m + " (train)", rows, m, EpochReport.Local::accuracy));
      List<LineChart.Point> test = new ArrayList<>();
      for (EpochHistory.Row r : rows) {
        Double t = r.localTest(m);
        if (t != null) {
          test.add(new LineChart.Point(r.epoch(), t));
        }
      }
      if (!test.isEmpty()) {
        accuracies.add(new LineChart.Series("local " + m + " (test)", test));
      }
    }
    LineChart loss =
        new LineChart("Training loss and regulariser distance", "epoch", "value", losses);
    LineChart accuracy = new LineChart("Accuracy per epoch", "epoch", "accuracy", accuracies);
    String local = history.localModalities().isEmpty()
        ? ""
        : " In the epochs with local supervision, each local head's loss and its accuracy on its"
            + " modality's own labels, on the training batches and (clean protocol) on the test"
            + " split.";
    return new Section("training", "Training curves", List.of(
        new Block.Paragraph("Per epoch, from history.csv: the mean training loss, the semantic"
            + " regulariser's distance d, and the accuracies." + local),
        new Block.Figure("training-loss", "Loss and distance per epoch.",
            loss.toPicture("training loss and distance per epoch")),
        new Block.Figure("training-accuracy", "Accuracy per epoch.",
            accuracy.toPicture("train and test accuracy per epoch"))));
  }

  /** A local head's value in the epochs that trained it. */
  private static LineChart.Series localSeries(
      String name,
      List<EpochHistory.Row> rows,
      String modality,
      ToDoubleFunction<EpochReport.Local> value) {
    List<LineChart.Point> points = new ArrayList<>();
    for (EpochHistory.Row r : rows) {
      EpochReport.Local l = r.local(modality);
      if (l != null) {
        points.add(new LineChart.Point(r.epoch(), value.applyAsDouble(l)));
      }
    }
    return new LineChart.Series(name, points);
  }

  private static LineChart.Series series(
      String name, List<EpochHistory.Row> rows, ToDoubleFunction<EpochHistory.Row> value) {
    List<LineChart.Point> points = new ArrayList<>();
    for (EpochHistory.Row r : rows) {
      points.add(new LineChart.Point(r.epoch(), value.applyAsDouble(r)));
    }
    return new LineChart.Series(name, points);
  }

  private Section task() {
    ClassMetrics m = e.classMetrics();
    List<List<Cell>> rows = new ArrayList<>();
    for (ClassMetrics.PerClass c : m.perClass()) {
      rows.add(List.of(Cell.text(c.name()), Cell.text(Integer.toString(c.support())),
          Cell.text(number(c.precision())), Cell.text(number(c.recall())),
          Cell.text(number(c.f1()))));
    }
    rows.add(List.of(Cell.text("macro average"), Cell.text(Integer.toString(m.rows())),
        Cell.text(number(m.macroPrecision())), Cell.text(number(m.macroRecall())),
        Cell.text(number(m.macroF1()))));
    int classes = m.classNames().size();
    long[][] counts = new long[classes][classes];
    for (int i = 0; i < classes; i++) {
      for (int j = 0; j < classes; j++) {
        counts[i][j] = m.confusion().get(i).get(j);
      }
    }
    return new Section("task", "Task metrics", List.of(
        new Block.Paragraph("The network on the test split, all modalities present: accuracy "
            + number(m.accuracy()) + "."),
        new Block.Table("Per class", List.of("class", "test samples", "precision", "recall",
            "F1"), rows),
        new Block.Figure("confusion", "Confusion matrix (rows: true class, columns: predicted).",
            Heatmap.confusion("Confusion matrix", m.classNames(), counts)
                .toPicture("confusion matrix of the test split"))));
  }

  private Section catalogue() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph("What every concept stands for, read off the training"
        + " samples: how often it is on, the labels where it is on, for shared concepts which"
        + " modality the samples come from, and the five samples nearest to the centre of the"
        + " samples where it is on (its prototypes)."));
    for (ConceptCatalogue c : e.catalogues()) {
      boolean shared = c.setName().equals("shared");
      List<String> headers = new ArrayList<>(List.of("concept", "what it stands for"));
      for (int i = 1; i <= 5; i++) {
        headers.add("prototype " + i);
      }
      List<List<Cell>> rows = new ArrayList<>();
      for (ConceptCatalogue.Entry entry : c.concepts()) {
        List<Cell> row = new ArrayList<>();
        row.add(Cell.text((shared ? "shared." : c.setName() + ".") + entry.index()));
        row.add(Cell.text(entry.sentence()));
        for (int i = 0; i < 5; i++) {
          row.add(i < entry.prototypes().size()
              ? prototypeCell(c, entry.prototypes().get(i).row()) : Cell.text(""));
        }
        rows.add(row);
      }
      blocks.add(new Block.Table(
          shared ? "Shared concepts" : "Local concepts of " + c.setName(), headers, rows));
      if (!c.patterns().isEmpty()) {
        List<List<Cell>> patternRows = new ArrayList<>();
        for (ConceptCatalogue.Pattern p : c.patterns()) {
          List<Cell> row = new ArrayList<>();
          row.add(Cell.text(p.pattern()));
          row.add(Cell.text(p.members() + " samples; " + shares(p.labels())));
          for (int i = 0; i < 5; i++) {
            row.add(i < p.prototypes().size()
                ? prototypeCell(c, p.prototypes().get(i).row()) : Cell.text(""));
          }
          patternRows.add(row);
        }
        List<String> patternHeaders = new ArrayList<>(headers);
        patternHeaders.set(0, "pattern");
        patternHeaders.set(1, "members");
        blocks.add(new Block.Table(
            "Most frequent concept patterns of " + (shared ? "the shared space" : c.setName())
                + " (the reference's concept prototypes)", patternHeaders, patternRows));
      }
    }
    return new Section("catalogue", "Concept catalogue", blocks);
  }

  /** A prototype row of catalogue {@code c} drawn in the modality its concepts came from. */
  private Cell prototypeCell(ConceptCatalogue c, int row) {
    Explanations.CatalogueRow r = e.catalogueRow(c.setName(), row);
    SampleView v = e.sample(r.sample());
    return Cell.picture(picture(v, r.modality(), v.id() + " (label " + v.className() + ")"));
  }

  private Section trees() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph("Decision trees over the combined concepts (the shared"
        + " concepts of every modality side by side), fitted on the training samples as concept"
        + " completeness measures them. Each node names the concept it splits on, what that"
        + " concept stands for, how many training samples reach it by class, and up to three"
        + " of them in every modality. Fidelity: the share of test samples where the tree"
        + " predicts what the network predicts."));
    for (TreeExplanation t : e.trees()) {
      ConceptTree tree = t.tree();
      String label = t.maxDepth() == 0 ? "unlimited depth" : "depth " + t.maxDepth();
      TreeDiagram diagram = new TreeDiagram(
          "Concept tree, " + label, e.classNames(), diagramNode(t, tree.root()),
          3 * e.modalities().size(), MAX_TREE_NODES);
      blocks.add(new Block.Figure("tree-" + t.name(),
          "Concept tree, " + label + ": depth " + tree.depth() + ", " + tree.rules().size()
              + " leaves, fidelity to the network " + number(t.fidelity().agreement())
              + ", accuracy " + number(t.fidelity().treeAccuracy()) + " on "
              + t.fidelity().rows() + " test samples.",
          diagram.toPicture("concept tree, " + label)));
      List<List<Cell>> rows = new ArrayList<>();
      for (ConceptTree.Rule r : tree.rules()) {
        rows.add(List.of(Cell.text(r.text()), Cell.text(Integer.toString(r.support())),
            Cell.text(percent(r.supportShare())), Cell.text(number(r.confidence()))));
      }
      blocks.add(new Block.Table("Rules of the tree of " + label,
          List.of("rule", "support (training samples)", "share", "confidence"), rows));
    }
    return new Section("trees", "Concept trees", blocks);
  }

  private TreeDiagram.Node diagramNode(TreeExplanation t, ConceptTree.Node node) {
    ConceptTree tree = t.tree();
    List<Picture> pictures = new ArrayList<>();
    for (SampleRef ref : t.examples().getOrDefault(node.id(), List.of())) {
      SampleView v = e.sample(ref);
      for (String modality : e.modalities()) {
        if (v.renderings().containsKey(modality)) {
          pictures.add(picture(v, modality, v.id() + " " + modality));
        }
      }
    }
    String predicted = e.classNames().get(node.predictedClass());
    if (node.isLeaf()) {
      return TreeDiagram.Node.leaf(List.of("label " + predicted), node.trainRows(),
          node.classCounts(), pictures, predicted);
    }
    List<String> text = List.of(node.featureName() + " ?",
        t.sentences().getOrDefault(node.featureName(), ""));
    return new TreeDiagram.Node(text, node.trainRows(), node.classCounts(), pictures, "",
        List.of(new TreeDiagram.Edge("= 0", diagramNode(t, tree.nodes().get(node.childIfOff()))),
            new TreeDiagram.Edge("= 1", diagramNode(t, tree.nodes().get(node.childIfOn())))));
  }

  private Section maps() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph("t-SNE maps (Barnes-Hut, seeded) of the concept vectors of"
        + " training samples: samples the model sees as alike lie close together. Coloured by"
        + " label, by modality (shared space) and by binary concept pattern (cluster)."));
    for (ConceptMapView map : e.maps()) {
      boolean shared = map.set().equals("shared");
      String what = map.title() + " (" + map.points().size() + " of " + map.totalRows()
          + " rows)";
      blocks.add(new Block.Figure("map-" + stem(map.set()) + "-label", what + ", by label.",
          scatter(map, "by label", p -> e.classNames().get(p.label()), false)
              .toPicture(what + " by label")));
      if (shared) {
        blocks.add(new Block.Figure("map-shared-modality", what + ", by modality.",
            scatter(map, "by modality", p -> map.groupNames().get(p.group()), false)
                .toPicture(what + " by modality")));
        blocks.add(new Block.Figure("map-shared-prototypes",
            "The shared concept space with the concept prototypes drawn at their places"
                + " (the reference's Shared_space figure).",
            scatter(map, "with prototypes", p -> map.groupNames().get(p.group()), true)
                .toPicture("shared space with prototype thumbnails")));
      }
      blocks.add(new Block.Figure("map-" + stem(map.set()) + "-cluster",
          what + ", by concept pattern.",
          scatter(map, "by concept pattern", p -> map.clusterNames().get(p.cluster()), false)
              .toPicture(what + " by concept pattern")));
    }
    return new Section("maps", "Maps of the concept spaces", blocks);
  }

  private ScatterChart scatter(
      ConceptMapView map,
      String how,
      java.util.function.Function<ConceptMapView.MapPoint, String> category,
      boolean thumbnails) {
    List<ScatterChart.Point> points = new ArrayList<>();
    List<ScatterChart.Thumbnail> thumbs = new ArrayList<>();
    for (ConceptMapView.MapPoint p : map.points()) {
      points.add(new ScatterChart.Point(p.x(), p.y(), category.apply(p)));
      if (thumbnails && p.prototype()) {
        SampleView v = e.sample(p.sample());
        String modality = map.set().equals("shared")
            ? map.groupNames().get(p.group()) : map.set();
        thumbs.add(new ScatterChart.Thumbnail(p.x(), p.y(), category.apply(p),
            picture(v, modality, v.id())));
      }
    }
    return new ScatterChart(map.title() + ", " + how, "", "", points, thumbs, 40);
  }

  private Section crossModal() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph("Test samples of one modality and their nearest training"
        + " samples of another modality in the shared concept space, with distances, labels"
        + " and content keys: what the model treats as the same content across modalities."));
    for (CrossModalExample x : e.crossModal()) {
      SampleView q = e.sample(x.query());
      List<Block.CaptionedPicture> pictures = new ArrayList<>();
      pictures.add(new Block.CaptionedPicture(
          "query " + describe(q, x.from()), picture(q, x.from(), q.id())));
      for (CrossModalExample.Neighbour nb : x.neighbours()) {
        SampleView v = e.sample(nb.sample());
        pictures.add(new Block.CaptionedPicture(
            describe(v, x.to()) + ", d=" + number(nb.distance()), picture(v, x.to(), v.id())));
      }
      blocks.add(new Block.Gallery(
          x.from() + " -> " + x.to() + ": test sample " + q.id() + " and its "
              + x.neighbours().size() + " nearest " + x.to() + " samples", pictures));
    }
    return new Section("cross-modal", "Cross-modal nearest examples", blocks);
  }

  private Section retrieval() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph("Missing-modality retrieval with provenance: a test sample"
        + " predicted with one modality left out. The missing modality's shared concepts are"
        + " those of the training sample nearest in the shared space, shown here with its"
        + " distance."));
    for (RetrievalExample r : e.retrievals()) {
      SampleView q = e.sample(r.query());
      SampleView got = e.sample(r.retrieved());
      List<Block.CaptionedPicture> pictures = new ArrayList<>();
      for (String modality : e.modalities()) {
        if (!modality.equals(r.missing()) && q.renderings().containsKey(modality)) {
          pictures.add(new Block.CaptionedPicture(
              "given: " + describe(q, modality), picture(q, modality, q.id())));
        }
      }
      pictures.add(new Block.CaptionedPicture(
          "retrieved " + r.missing() + ": " + describe(got, r.missing()) + ", d="
              + number(r.distance()), picture(got, r.missing(), got.id())));
      blocks.add(new Block.Gallery(
          q.id() + " without " + r.missing() + " (true label " + q.className()
              + "): predicted " + r.predictedName() + " with " + got.id() + "'s "
              + r.missing() + " retrieved", pictures));
    }
    return new Section("retrieval", "Missing-modality retrieval", blocks);
  }

  private static Section allMetrics(SortedMap<String, Double> metrics) {
    List<List<Cell>> rows = new ArrayList<>();
    metrics.forEach((k, v) -> rows.add(List.of(Cell.text(k), Cell.text(number(v)))));
    return new Section("metrics", "All metrics", List.of(
        new Block.Paragraph("Every value of metrics.json."),
        new Block.Table("", List.of("metric", "value"), rows)));
  }

  // ---- helpers

  private static String describe(SampleView v, String modality) {
    String key = v.keys().get(modality);
    return v.id() + ", label " + v.className() + (key == null ? "" : ", key " + key);
  }

  /** The sample's rendering in {@code modality} as a picture (text as a small text picture). */
  static Picture picture(SampleView v, String modality, String alt) {
    Rendering r = v.renderings().get(modality);
    if (r == null) {
      return TextPicture.of("(no " + modality + ")", alt);
    }
    String text = alt + ": " + r.text();
    return switch (r.mediaType()) {
      case Rendering.PNG -> Picture.png(r.content(), text);
      case Rendering.SVG -> Picture.svg(new String(r.content(), StandardCharsets.UTF_8), text);
      default -> TextPicture.of(r.text(), text);
    };
  }

  private static String shares(List<ConceptCatalogue.Share> shares) {
    List<String> parts = new ArrayList<>();
    for (ConceptCatalogue.Share s : shares) {
      if (s.count() > 0) {
        parts.add(percent(s.share()) + " label " + s.name());
      }
    }
    return String.join(", ", parts);
  }

  private static String stem(String set) {
    String s = set.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "m-" + s : s;
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
