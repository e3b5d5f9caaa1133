package io.sharcs.core.eval;

import io.sharcs.core.analysis.ConceptClusters;
import io.sharcs.core.analysis.ConceptCompleteness;
import io.sharcs.core.analysis.ConceptSets;
import io.sharcs.core.config.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The interpretability metrics of a trained model on its analysis rows: concept completeness
 * (decision trees on binarised concepts, unlimited and depth 5; method spec 5.3) and concept
 * clusters (distinct binary patterns; 3.3, 5.2) of each modality's local concepts, of the shared
 * concepts of all modalities stacked as rows, and of the combined (concatenated) shared concepts.
 *
 * <p>Metric names: {@code completeness.local.<modality>}, {@code completeness.shared},
 * {@code completeness.combined}, each also with suffix {@code .depth5};
 * {@code clusters.local.<modality>.count}, {@code clusters.shared.count},
 * {@code clusters.combined.count} and {@code clusters.combined.purity}.
 */
public final class ConceptReport {

  private static final int SHALLOW_DEPTH = 5;

  private ConceptReport() {}

  /**
   * @param tables concepts of the analysis rows; trees train on their train rows and are scored
   *     on their test rows, clusters are counted over both
   * @param modalityNames the modality names, in slot order
   * @param seed the run's master seed (the trees' seed derives from it)
   */
  public static ConceptResults metrics(
      ConceptTables tables, List<String> modalityNames, long seed) {
    int[] yTrain = tables.trainLabels();
    int[] yTest = tables.testLabels();
    int slots = modalityNames.size();
    List<float[][]> localTrain = tables.localTrain();
    List<float[][]> localTest = tables.localTest();
    List<float[][]> sharedTrain = tables.sharedTrain();
    List<float[][]> sharedTest = tables.sharedTest();
    long treeSeed = Seeds.derive(seed, "completeness");
    List<ConceptResults.Completeness> completeness = new ArrayList<>();
    List<ConceptResults.Clusters> clusters = new ArrayList<>();
    for (int m = 0; m < slots; m++) {
      String set = "local." + modalityNames.get(m);
      completeness.add(
          completeness(set, localTrain.get(m), yTrain, localTest.get(m), yTest, treeSeed));
      clusters.add(
          count(set, clusters(localTrain.get(m), yTrain, localTest.get(m), yTest)));
    }
    float[][] sharedTrainRows = ConceptSets.stackRows(sharedTrain);
    float[][] sharedTestRows = ConceptSets.stackRows(sharedTest);
    int[] ySharedTrain = ConceptSets.repeatLabels(yTrain, slots);
    int[] ySharedTest = ConceptSets.repeatLabels(yTest, slots);
    completeness.add(
        completeness(
            "shared", sharedTrainRows, ySharedTrain, sharedTestRows, ySharedTest, treeSeed));
    clusters.add(
        count("shared", clusters(sharedTrainRows, ySharedTrain, sharedTestRows, ySharedTest)));
    float[][] combinedTrain = ConceptSets.concatColumns(sharedTrain);
    float[][] combinedTest = ConceptSets.concatColumns(sharedTest);
    completeness.add(
        completeness("combined", combinedTrain, yTrain, combinedTest, yTest, treeSeed));
    ConceptClusters.Result combined = clusters(combinedTrain, yTrain, combinedTest, yTest);
    clusters.add(
        new ConceptResults.Clusters(
            "combined", combined.count(), OptionalDouble.of(combined.purity())));
    return new ConceptResults(completeness, clusters);
  }

  private static ConceptResults.Completeness completeness(
      String set, float[][] xTrain, int[] yTrain, float[][] xTest, int[] yTest, long seed) {
    double unlimited =
        ConceptCompleteness.measure(xTrain, yTrain, xTest, yTest,
            ConceptCompleteness.Options.unlimited(seed)).accuracy();
    double shallow =
        ConceptCompleteness.measure(xTrain, yTrain, xTest, yTest,
            new ConceptCompleteness.Options(SHALLOW_DEPTH, seed)).accuracy();
    return new ConceptResults.Completeness(set, unlimited, SHALLOW_DEPTH, shallow);
  }

  private static ConceptResults.Clusters count(String set, ConceptClusters.Result result) {
    return new ConceptResults.Clusters(set, result.count(), OptionalDouble.empty());
  }

  /** Clusters over the train and test analysis rows together, as the reference counts them. */
  private static ConceptClusters.Result clusters(
      float[][] xTrain, int[] yTrain, float[][] xTest, int[] yTest) {
    float[][] x = ConceptSets.stackRows(List.of(xTrain, xTest));
    int[] y = new int[yTrain.length + yTest.length];
    System.arraycopy(yTrain, 0, y, 0, yTrain.length);
    System.arraycopy(yTest, 0, y, yTrain.length, yTest.length);
    return ConceptClusters.find(x, y);
  }
}
