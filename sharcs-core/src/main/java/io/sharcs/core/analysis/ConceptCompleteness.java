package io.sharcs.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The paper's <em>concept completeness</em> score: how well the task label can be recovered from
 * the discretised concepts alone. Concepts are binarised ({@code value > 0.5}), a CART decision
 * tree is fitted on the training rows, and the score is its accuracy on the test rows (method spec
 * §5.3; the binary-vector definition of HEAD, chosen in §8 item 12).
 *
 * <p>Unlike the reference, which leaves sklearn's tree unseeded (§8 item 13), the tree here is
 * seeded and the result is deterministic for a given seed.
 *
 * <p>The tree is Tribuo's CART with sklearn's defaults otherwise (gini, best split over all
 * features, one row per leaf at least, no minimum impurity decrease; {@code maxDepth} counts
 * split levels as sklearn's {@code max_depth} does). One known difference: Tribuo only splits a
 * node when the split strictly lowers the impurity, while sklearn also takes a zero-gain split.
 * They differ only on exactly balanced subsets (such as every XOR pattern equally often), where
 * Tribuo leaves a mixed leaf instead of splitting on.
 */
public final class ConceptCompleteness {

  /**
   * Tribuo logs through java.util.logging. Held in a field because JUL keeps loggers weakly: a
   * level set on an unreferenced logger can be lost when it is collected.
   */
  private static final Logger TRIBUO_LOGGER = Logger.getLogger("org.tribuo");

  static {
    // Keeps per-fit INFO chatter out of test and run logs; warnings still come through.
    TRIBUO_LOGGER.setLevel(Level.WARNING);
  }

  /**
   * sklearn's default {@code min_samples_leaf = 1}: any split that leaves at least one row on each
   * side is allowed (Tribuo's own default, 5, would stop small analysis subsets early).
   */
  private static final float MIN_CHILD_WEIGHT = 1f;

  /** sklearn's default {@code min_impurity_decrease = 0}. */
  private static final float MIN_IMPURITY_DECREASE = 0f;

  /** Every feature is considered at every split: sklearn's {@code splitter="best"}. */
  private static final float ALL_FEATURES = 1f;

  private ConceptCompleteness() {}

  /**
   * Options of the concept completeness tree.
   *
   * @param maxDepth the maximum depth of the tree, 0 for unlimited (the paper's default; the
   *     paper's "combined completeness 2" uses 5)
   * @param seed the seed of the tree trainer
   */
  public record Options(int maxDepth, long seed) {

    /** Validates the options. */
    public Options {
      if (maxDepth < 0) {
        throw new IllegalArgumentException("maxDepth must be >= 0 (0 = unlimited), got " + maxDepth);
      }
    }

    /** Unlimited depth, as in the paper's main completeness numbers. */
    public static Options unlimited(long seed) {
      return new Options(0, seed);
    }
  }

  /**
   * The outcome of one concept completeness measurement.
   *
   * @param accuracy the fraction of test rows whose label the tree predicts correctly
   * @param trainRows the number of rows the tree was fitted on
   * @param testRows the number of rows it was scored on
   * @param depth the depth of the fitted tree
   */
  public record Result(double accuracy, int trainRows, int testRows, int depth) {}

  /**
   * Measures concept completeness.
   *
   * @param trainConcepts raw concept activations of the training rows, one row per sample
   * @param trainLabels the integer task label of each training row
   * @param testConcepts raw concept activations of the test rows, as wide as the training rows
   * @param testLabels the integer task label of each test row
   * @param options tree options
   * @return the test accuracy of the tree, with the row counts and the fitted depth
   * @throws IllegalArgumentException if a matrix is empty or ragged, the widths differ, or a label
   *     array does not have one label per row
   */
  public static Result measure(
      float[][] trainConcepts,
      int[] trainLabels,
      float[][] testConcepts,
      int[] testLabels,
      Options options) {
    if (options == null) {
      throw new IllegalArgumentException("options is null");
    }
    int width = ConceptChecks.width("trainConcepts", trainConcepts);
    int testWidth = ConceptChecks.width("testConcepts", testConcepts);
    if (testWidth != width) {
      throw new IllegalArgumentException(
          "testConcepts has " + testWidth + " columns but trainConcepts has " + width);
    }
    ConceptChecks.labelsMatch("trainConcepts", trainConcepts, "trainLabels", trainLabels);
    ConceptChecks.labelsMatch("testConcepts", testConcepts, "testLabels", testLabels);

    TreeModel<Label> tree = fit(trainConcepts, trainLabels, options);

    String[] names = featureNames(width);
    List<Example<Label>> test = new ArrayList<>(testConcepts.length);
    for (int i = 0; i < testConcepts.length; i++) {
      test.add(example(names, testConcepts[i], testLabels[i]));
    }
    List<Prediction<Label>> predictions = tree.predict(test);
    int correct = 0;
    for (int i = 0; i < predictions.size(); i++) {
      if (predictions.get(i).getOutput().getLabel().equals(labelName(testLabels[i]))) {
        correct++;
      }
    }
    return new Result(
        (double) correct / testConcepts.length,
        trainConcepts.length,
        testConcepts.length,
        tree.getDepth());
  }

  /**
   * Fits the completeness tree on already validated training rows. {@link ConceptTree} fits
   * through here too, so its depth-unlimited tree is the very tree this score comes from.
   */
  static TreeModel<Label> fit(float[][] trainConcepts, int[] trainLabels, Options options) {
    String[] names = featureNames(trainConcepts[0].length);
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> train =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("sharcs binarised concepts", factory), factory);
    for (int i = 0; i < trainConcepts.length; i++) {
      train.add(example(names, trainConcepts[i], trainLabels[i]));
    }
    CARTClassificationTrainer trainer =
        new CARTClassificationTrainer(
            options.maxDepth() == 0 ? Integer.MAX_VALUE : options.maxDepth(),
            MIN_CHILD_WEIGHT,
            MIN_IMPURITY_DECREASE,
            ALL_FEATURES,
            false,
            new GiniIndex(),
            options.seed());
    return trainer.train(train);
  }

  /**
   * The column index behind a Tribuo feature name of {@link #fit}'s trees ({@code "c7"} is 7).
   * Tribuo numbers features by sorted name, so its feature ids are not column indices.
   */
  static int column(String featureName) {
    return Integer.parseInt(featureName.substring(1));
  }

  /** The integer label behind a Tribuo label name of {@link #fit}'s trees. */
  static int label(String labelName) {
    return Integer.parseInt(labelName);
  }

  private static String[] featureNames(int width) {
    String[] names = new String[width];
    for (int j = 0; j < width; j++) {
      names[j] = "c" + j;
    }
    return names;
  }

  private static String labelName(int label) {
    return Integer.toString(label);
  }

  /**
   * One binarised row. Zero-valued features are written explicitly: Tribuo treats a missing
   * feature as 0 anyway, but an example with no features at all (an all-off row) is rejected.
   */
  private static Example<Label> example(String[] names, float[] concepts, int label) {
    double[] bits = new double[concepts.length];
    for (int j = 0; j < concepts.length; j++) {
      bits[j] = ConceptChecks.active(concepts[j]) ? 1.0 : 0.0;
    }
    return new ArrayExample<>(new Label(labelName(label)), names, bits);
  }
}
