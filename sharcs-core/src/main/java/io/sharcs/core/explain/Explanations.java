package io.sharcs.core.explain;

import io.sharcs.core.analysis.ClassMetrics;
import io.sharcs.core.analysis.ConceptCatalogue;
import io.sharcs.core.analysis.ConceptTree;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a person needs to see why a trained concept model predicts what it predicts (issue
 * 15; the reference's outputs, method spec 5.7, and more).
 *
 * @param modalities the modality names, in slot order
 * @param classNames the class names, index = label
 * @param sharedSpace whether the model has a shared concept space (SHARCS) or not (multi-CBM)
 * @param catalogues one per modality's local concepts (slot order), then the shared concepts
 * @param trees the concept trees over the combined concepts: depth 3, then unlimited
 * @param maps t-SNE maps: each modality's local concepts, then the shared concepts
 * @param crossModal per ordered modality pair, test queries and their nearest training samples
 * @param retrievals per missing modality, test samples and the retrieved training sample
 * @param classMetrics per-class precision, recall, F1 and the confusion matrix on the test split
 * @param samples every sample the explanations show, drawn
 * @param trainRows the training rows the catalogue, trees and maps were computed on (their row
 *     indices are positions in this list)
 * @param seconds the wall time of building the explanations
 */
public record Explanations(
    List<String> modalities,
    List<String> classNames,
    boolean sharedSpace,
    List<ConceptCatalogue> catalogues,
    List<TreeExplanation> trees,
    List<ConceptMapView> maps,
    List<CrossModalExample> crossModal,
    List<RetrievalExample> retrievals,
    ClassMetrics classMetrics,
    Map<SampleRef, SampleView> samples,
    List<Integer> trainRows,
    double seconds) {

  public Explanations {
    modalities = List.copyOf(modalities);
    classNames = List.copyOf(classNames);
    catalogues = List.copyOf(catalogues);
    trees = List.copyOf(trees);
    maps = List.copyOf(maps);
    crossModal = List.copyOf(crossModal);
    retrievals = List.copyOf(retrievals);
    samples = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(samples));
    trainRows = List.copyOf(trainRows);
  }

  /**
   * A row of a concept catalogue: the training sample, and the modality whose concepts the row
   * holds.
   *
   * @param modality the modality
   * @param sample the training sample
   */
  public record CatalogueRow(String modality, SampleRef sample) {}

  /** Row {@code row} of the catalogue of concept set {@code set} ({@code shared} or a modality). */
  public CatalogueRow catalogueRow(String set, int row) {
    return catalogueRow(set, row, modalities, sharedSpace,
        trainRows.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * The shared catalogue stacks the training rows modality after modality (slot order); a local
   * catalogue has one row per training row.
   */
  static CatalogueRow catalogueRow(
      String set, int row, List<String> modalities, boolean sharedSpace, int[] trainRows) {
    int n = trainRows.length;
    if (set.equals("shared") && sharedSpace) {
      return new CatalogueRow(modalities.get(row / n), SampleRef.train(trainRows[row % n]));
    }
    return new CatalogueRow(set, SampleRef.train(trainRows[row]));
  }

  /** The view of a sample the explanations show. */
  public SampleView sample(SampleRef ref) {
    SampleView v = samples.get(ref);
    if (v == null) {
      throw new IllegalArgumentException("no view of " + ref);
    }
    return v;
  }

  /** The catalogue of a concept set ({@code shared} or a modality name). */
  public Optional<ConceptCatalogue> catalogue(String set) {
    return catalogues.stream().filter(c -> c.setName().equals(set)).findFirst();
  }

  /**
   * The metrics the explanations add to {@code metrics.json}: per tree ({@code
   * explanations.tree.} for the unlimited tree, {@code explanations.tree.depth3.} for the
   * depth-3 one) its fidelity to the network, accuracy, depth, leaves, the smallest rule support
   * (share of training rows) and the support-weighted rule confidence; the macro F1 of the
   * network; the wall time.
   */
  public SortedMap<String, Double> metrics() {
    SortedMap<String, Double> out = new TreeMap<>();
    for (TreeExplanation t : trees) {
      String p = t.maxDepth() == 0 ? "explanations.tree." : "explanations.tree." + t.name() + ".";
      ConceptTree tree = t.tree();
      out.put(p + "fidelity", t.fidelity().agreement());
      out.put(p + "accuracy", t.fidelity().treeAccuracy());
      out.put(p + "depth", (double) tree.depth());
      List<ConceptTree.Rule> rules = tree.rules();
      out.put(p + "rules", (double) rules.size());
      out.put(p + "support.min",
          rules.stream().mapToDouble(ConceptTree.Rule::supportShare).min().orElse(0));
      double weighted = 0;
      for (ConceptTree.Rule r : rules) {
        weighted += r.supportShare() * r.confidence();
      }
      out.put(p + "confidence.weighted", weighted);
    }
    out.put("explanations.classes.macro_f1", classMetrics.macroF1());
    out.put("timing.explanations_seconds", seconds);
    return out;
  }
}
