package io.sharcs.core.explain;

import io.sharcs.api.AttributeKey;
import io.sharcs.api.MultimodalSample;
import io.sharcs.core.analysis.ClassMetrics;
import io.sharcs.core.analysis.ConceptCatalogue;
import io.sharcs.core.analysis.ConceptCompleteness;
import io.sharcs.core.analysis.ConceptMap;
import io.sharcs.core.analysis.ConceptSets;
import io.sharcs.core.analysis.ConceptTree;
import io.sharcs.core.analysis.NearestNeighbours;
import io.sharcs.core.config.Seeds;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.eval.AnalysisRows;
import io.sharcs.core.eval.ConceptBank;
import io.sharcs.core.eval.ConceptTables;
import io.sharcs.core.eval.Inference;
import io.sharcs.core.eval.MissingModalityRetrieval;
import io.sharcs.core.eval.Parallel;
import io.sharcs.core.eval.Retrieved;
import io.sharcs.core.saved.Prediction;
import io.sharcs.core.saved.SamplePredictor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Builds the {@link Explanations} of a trained concept model from the values its evaluation
 * already computed (the concept tables of the analysis rows, the retrieval banks, the test
 * split's shared concepts and predictions): nothing here trains, and every choice of samples is
 * seeded from the run's seed.
 */
public final class ExplanationBuilder {

  /** Depth of the readable tree; the second tree is unlimited, as completeness measures it. */
  public static final int SHALLOW_DEPTH = 3;

  /** A concept is on above this value, as every concept metric reads it. */
  private static final float ACTIVE = 0.5f;

  /**
   * How much to show.
   *
   * @param queries test samples drawn for the cross-modal and retrieval examples
   * @param neighbours nearest samples per cross-modal query (the reference shows 4)
   * @param thumbnailPixels the longest side of a drawn sample
   * @param mapPoints the most rows a t-SNE map places (a seeded sample, prototypes always in)
   * @param mapIterations t-SNE iterations
   * @param clusters the most frequent binary patterns coloured on a map; the rest are "other"
   */
  public record Options(
      int queries,
      int neighbours,
      int thumbnailPixels,
      int mapPoints,
      int mapIterations,
      int clusters) {

    /** What the run report shows. */
    public static Options defaults() {
      return new Options(3, 4, 96, 400, 500, 8);
    }
  }

  /**
   * What the evaluation computed, and the model.
   *
   * @param inference the trained model's forward passes
   * @param data the run's data with the fitted preprocessing
   * @param tables local and shared concepts of the analysis rows
   * @param banks the retrieval banks the missing-modality evaluation used
   * @param testShared per slot, the shared concepts of every test row
   * @param testPredictions the network's class for every test row (all modalities present)
   * @param predictor the model's predict path (for retrieval with provenance)
   * @param sharedSpace whether the model has a shared concept space
   * @param seed the run's master seed
   */
  public record Inputs(
      Inference inference,
      PreparedData data,
      ConceptTables tables,
      List<ConceptBank> banks,
      List<float[][]> testShared,
      int[] testPredictions,
      SamplePredictor predictor,
      boolean sharedSpace,
      long seed) {}

  private final Inputs in;
  private final Options options;
  private final List<String> names;
  private final AnalysisRows rows;
  private final SampleViews views;

  private ExplanationBuilder(Inputs in, Options options) {
    this.in = in;
    this.options = options;
    this.names = in.data().slots().stream().map(PreparedData.Slot::name).toList();
    this.rows = in.tables().rows();
    this.views = new SampleViews(in.data(), in.inference(), options.thumbnailPixels());
  }

  /** Builds the explanations. */
  public static Explanations build(Inputs in, Options options) {
    long start = System.nanoTime();
    ExplanationBuilder b = new ExplanationBuilder(in, options);
    List<ConceptCatalogue> catalogues = b.catalogues();
    List<TreeExplanation> trees = b.trees(catalogues);
    List<ConceptMapView> maps = b.maps(catalogues);
    int[] queries = b.queries();
    List<CrossModalExample> crossModal = b.crossModal(queries);
    List<RetrievalExample> retrievals = b.retrievals(queries);
    ClassMetrics classMetrics =
        ClassMetrics.of(in.data().test().labels(), in.testPredictions(), in.data().classNames());
    // Draws every sample shown, in a fixed order, so the report's bytes do not depend on how
    // the figures were assembled.
    b.drawAll(catalogues, trees, maps, crossModal, retrievals);
    return new Explanations(
        b.names,
        in.data().classNames(),
        in.sharedSpace(),
        catalogues,
        trees,
        maps,
        crossModal,
        retrievals,
        classMetrics,
        b.views.all(),
        Arrays.stream(b.rows.train()).boxed().toList(),
        (System.nanoTime() - start) / 1e9);
  }

  // ---- catalogue

  private List<ConceptCatalogue> catalogues() {
    ConceptTables t = in.tables();
    int[] labels = t.trainLabels();
    List<String> ids = trainIds();
    List<Object[]> keys = in.data().train().keys(rows.train());
    List<ConceptCatalogue> out = new ArrayList<>();
    for (int m = 0; m < names.size(); m++) {
      out.add(
          ConceptCatalogue.of(
              new ConceptCatalogue.Input(
                  names.get(m), "training samples", t.localTrain().get(m), labels,
                  in.data().classNames(), null, null, attributes(List.<Object[]>of(keys.get(m))), ids)));
    }
    if (in.sharedSpace()) {
      int n = labels.length;
      int[] groups = new int[n * names.size()];
      List<String> stackedIds = new ArrayList<>(groups.length);
      for (int m = 0; m < names.size(); m++) {
        Arrays.fill(groups, m * n, (m + 1) * n, m);
        stackedIds.addAll(ids);
      }
      out.add(
          ConceptCatalogue.of(
              new ConceptCatalogue.Input(
                  "shared", "training samples", ConceptSets.stackRows(t.sharedTrain()),
                  ConceptSets.repeatLabels(labels, names.size()), in.data().classNames(), groups,
                  names, attributes(keys), stackedIds)));
    }
    return out;
  }

  private List<String> trainIds() {
    List<MultimodalSample> samples = in.data().train().samples();
    List<String> ids = new ArrayList<>(rows.train().length);
    for (int r : rows.train()) {
      ids.add(samples.get(r).id());
    }
    return ids;
  }

  /** Per row of the given slots' keys stacked slot after slot, its attributes (or null). */
  private static List<Map<String, String>> attributes(List<Object[]> keysPerSlot) {
    List<Map<String, String>> out = new ArrayList<>();
    boolean any = false;
    for (Object[] keys : keysPerSlot) {
      for (Object key : keys) {
        if (key instanceof AttributeKey a) {
          out.add(a.attributes());
          any = true;
        } else {
          out.add(null);
        }
      }
    }
    return any ? out : null;
  }

  // ---- trees

  private List<TreeExplanation> trees(List<ConceptCatalogue> catalogues) {
    ConceptTables t = in.tables();
    List<float[][]> perSlotTrain = in.sharedSpace() ? t.sharedTrain() : t.localTrain();
    List<float[][]> perSlotTest = in.sharedSpace() ? t.sharedTest() : t.localTest();
    List<String> features = new ArrayList<>();
    Map<String, String> sentences = new LinkedHashMap<>();
    for (int m = 0; m < names.size(); m++) {
      int k = perSlotTrain.get(m)[0].length;
      ConceptCatalogue catalogue =
          in.sharedSpace() ? catalogues.get(catalogues.size() - 1) : catalogues.get(m);
      for (int j = 0; j < k; j++) {
        String f = in.sharedSpace() ? names.get(m) + ":shared." + j : names.get(m) + "." + j;
        features.add(f);
        sentences.put(f, catalogue.concepts().get(j).sentence());
      }
    }
    ConceptTree.Input input =
        new ConceptTree.Input(
            ConceptSets.concatColumns(perSlotTrain), t.trainLabels(),
            ConceptSets.concatColumns(perSlotTest), t.testLabels(), features,
            in.data().classNames());
    int[] network = new int[rows.test().length];
    for (int i = 0; i < network.length; i++) {
      network[i] = in.testPredictions()[rows.test()[i]];
    }
    // The completeness metric's seed: the unlimited tree is the one completeness.combined scores.
    long treeSeed = Seeds.derive(in.seed(), "completeness");
    List<TreeExplanation> out = new ArrayList<>();
    for (int depth : new int[] {SHALLOW_DEPTH, 0}) {
      ConceptTree tree =
          ConceptTree.fit(input, new ConceptCompleteness.Options(depth, treeSeed));
      Map<Integer, List<SampleRef>> examples = new LinkedHashMap<>();
      Map<String, String> used = new TreeMap<>();
      for (ConceptTree.Node node : tree.nodes()) {
        List<SampleRef> refs = new ArrayList<>();
        for (int r : node.exampleRows()) {
          refs.add(SampleRef.train(rows.train()[r]));
        }
        examples.put(node.id(), refs);
        if (!node.isLeaf()) {
          used.put(node.featureName(), sentences.get(node.featureName()));
        }
      }
      out.add(
          new TreeExplanation(
              depth == 0 ? "unlimited" : "depth" + depth, depth, tree, tree.fidelity(network),
              examples, used));
    }
    return out;
  }

  // ---- maps

  /**
   * The concept maps: one per modality's local concepts, and the shared space's. Each is an exact
   * t-SNE of up to 500 points (most of the explanations' time on small data sets), independent of
   * the others and deterministic, so they are computed side by side on the machine's cores and
   * returned in the same order.
   */
  private List<ConceptMapView> maps(List<ConceptCatalogue> catalogues) {
    ConceptTables t = in.tables();
    List<Callable<ConceptMapView>> tasks = new ArrayList<>();
    int n = rows.train().length;
    for (int m = 0; m < names.size(); m++) {
      int slot = m;
      tasks.add(() ->
          map(names.get(slot), "local concepts of " + names.get(slot), t.localTrain().get(slot),
              r -> slot, r -> r, catalogues.get(slot)));
    }
    if (in.sharedSpace()) {
      tasks.add(() ->
          map("shared", "shared concepts of every modality", ConceptSets.stackRows(t.sharedTrain()),
              r -> r / n, r -> r % n, catalogues.get(catalogues.size() - 1)));
    }
    return Parallel.all(tasks);
  }

  private ConceptMapView map(
      String set,
      String title,
      float[][] x,
      java.util.function.IntUnaryOperator group,
      java.util.function.IntUnaryOperator analysisRow,
      ConceptCatalogue catalogue) {
    int total = x.length;
    java.util.TreeSet<Integer> prototypes = new java.util.TreeSet<>();
    for (ConceptCatalogue.Entry e : catalogue.concepts()) {
      if (!e.prototypes().isEmpty()) {
        prototypes.add(e.prototypes().get(0).row());
      }
    }
    int[] order =
        io.sharcs.api.Permutations.shuffled(
            total, new SplittableRandom(Seeds.derive(in.seed(), "map-" + set)));
    java.util.TreeSet<Integer> kept = new java.util.TreeSet<>(prototypes);
    for (int i = 0; i < order.length && kept.size() < Math.max(options.mapPoints(), prototypes.size()); i++) {
      kept.add(order[i]);
    }
    int[] keptRows = kept.stream().mapToInt(Integer::intValue).toArray();
    float[][] sub = new float[keptRows.length][];
    for (int i = 0; i < keptRows.length; i++) {
      sub[i] = x[keptRows[i]];
    }
    ConceptMap map =
        ConceptMap.of(
            sub,
            new ConceptMap.Options(
                keptRows.length, 30, options.mapIterations(), 0.5,
                Seeds.derive(in.seed(), "tsne-" + set)));
    String[] patterns = new String[total];
    Map<String, Integer> counts = new HashMap<>();
    for (int r = 0; r < total; r++) {
      patterns[r] = pattern(x[r]);
      counts.merge(patterns[r], 1, Integer::sum);
    }
    List<String> top =
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
            .limit(options.clusters())
            .map(Map.Entry::getKey)
            .toList();
    List<String> clusterNames = new ArrayList<>();
    for (String p : top) {
      clusterNames.add("pattern " + p + " (" + counts.get(p) + ")");
    }
    if (counts.size() > top.size()) {
      clusterNames.add("other patterns");
    }
    int[] labels = in.tables().trainLabels();
    List<ConceptMapView.MapPoint> points = new ArrayList<>();
    for (ConceptMap.Point p : map.points()) {
      int r = keptRows[p.row()];
      int a = analysisRow.applyAsInt(r);
      int cluster = top.indexOf(patterns[r]);
      points.add(
          new ConceptMapView.MapPoint(
              p.x(), p.y(), labels[a], group.applyAsInt(r),
              cluster < 0 ? top.size() : cluster, SampleRef.train(rows.train()[a]),
              prototypes.contains(r)));
    }
    return new ConceptMapView(set, title, points, names, clusterNames, total);
  }

  private static String pattern(float[] row) {
    StringBuilder s = new StringBuilder(row.length);
    for (float v : row) {
      s.append(v > ACTIVE ? '1' : '0');
    }
    return s.toString();
  }

  // ---- cross-modal nearest examples and retrieval with provenance

  private int[] queries() {
    int test = in.data().test().size();
    int[] order =
        io.sharcs.api.Permutations.shuffled(
            test, new SplittableRandom(Seeds.derive(in.seed(), "explain-queries")));
    int[] q = Arrays.copyOf(order, Math.min(options.queries(), test));
    Arrays.sort(q);
    return q;
  }

  private SampleRef bankRef(int entry) {
    int n = rows.train().length;
    return entry < n ? SampleRef.train(rows.train()[entry]) : SampleRef.test(rows.test()[entry - n]);
  }

  private List<CrossModalExample> crossModal(int[] queries) {
    List<CrossModalExample> out = new ArrayList<>();
    for (int a = 0; a < names.size(); a++) {
      for (int b = 0; b < names.size(); b++) {
        if (a == b) {
          continue;
        }
        ConceptBank bank = in.banks().get(b);
        float[][] vectors = new float[bank.size()][];
        for (int i = 0; i < vectors.length; i++) {
          vectors[i] = bank.get(i);
        }
        for (int q : queries) {
          List<CrossModalExample.Neighbour> neighbours = new ArrayList<>();
          for (NearestNeighbours.Neighbour nb :
              NearestNeighbours.nearest(
                  vectors, in.testShared().get(a)[q], Math.min(options.neighbours(), bank.size()))) {
            neighbours.add(
                new CrossModalExample.Neighbour(
                    bankRef(nb.index()), bank.id(nb.index()), nb.distance()));
          }
          out.add(new CrossModalExample(names.get(a), names.get(b), SampleRef.test(q), neighbours));
        }
      }
    }
    return out;
  }

  private List<RetrievalExample> retrievals(int[] queries) {
    List<MultimodalSample> samples = new ArrayList<>();
    for (int q : queries) {
      samples.add(in.data().test().samples().get(q));
    }
    List<RetrievalExample> out = new ArrayList<>();
    for (int m = 0; m < names.size(); m++) {
      String missing = names.get(m);
      List<Map<String, Object>> inputs = new ArrayList<>();
      for (int i = 0; i < queries.length; i++) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (int s = 0; s < names.size(); s++) {
          if (s != m) {
            byName.put(names.get(s), in.data().test().input(s, queries[i]));
          }
        }
        inputs.add(byName);
      }
      List<Prediction> predicted =
          in.predictor().predict(inputs, MissingModalityRetrieval.Counterparts.of(samples));
      for (int i = 0; i < queries.length; i++) {
        Prediction p = predicted.get(i);
        Retrieved r = p.retrieved().get(missing);
        out.add(
            new RetrievalExample(
                missing, SampleRef.test(queries[i]), r.sampleId(), bankRef(r.row()), r.distance(),
                p.label(), p.className()));
      }
    }
    return out;
  }

  // ---- drawing

  private void drawAll(
      List<ConceptCatalogue> catalogues,
      List<TreeExplanation> trees,
      List<ConceptMapView> maps,
      List<CrossModalExample> crossModal,
      List<RetrievalExample> retrievals) {
    for (ConceptCatalogue c : catalogues) {
      List<ConceptCatalogue.Prototype> prototypes = new ArrayList<>();
      c.concepts().forEach(e -> prototypes.addAll(e.prototypes()));
      c.patterns().forEach(p -> prototypes.addAll(p.prototypes()));
      for (ConceptCatalogue.Prototype p : prototypes) {
        views.view(Explanations.catalogueRow(
            c.setName(), p.row(), names, in.sharedSpace(), rows.train()).sample());
      }
    }
    for (TreeExplanation t : trees) {
      t.examples().values().forEach(refs -> refs.forEach(views::view));
    }
    for (ConceptMapView map : maps) {
      map.points().stream().filter(ConceptMapView.MapPoint::prototype)
          .sorted(Comparator.comparing((ConceptMapView.MapPoint p) -> p.sample().row()))
          .forEach(p -> views.view(p.sample()));
    }
    for (CrossModalExample x : crossModal) {
      views.view(x.query());
      x.neighbours().forEach(nb -> views.view(nb.sample()));
    }
    for (RetrievalExample r : retrievals) {
      views.view(r.query());
      views.view(r.retrieved());
    }
  }
}
