package io.sharcs.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-class precision, recall and F1, their macro averages, accuracy and the confusion matrix of
 * integer predictions against integer truths (labels are {@code 0 .. classes-1}).
 *
 * <p>A class that is never predicted has precision 0, and one that never occurs has recall 0
 * (sklearn's {@code zero_division=0}); F1 is 0 when precision and recall are both 0. Macro
 * averages are unweighted means over all named classes, present or not.
 *
 * @param classNames the class names, index = label
 * @param confusion {@code confusion.get(t).get(p)} = rows with true label t predicted as p
 * @param perClass the metrics of each class, in label order
 * @param accuracy the fraction of rows predicted correctly
 * @param macroPrecision the mean of the per-class precisions
 * @param macroRecall the mean of the per-class recalls
 * @param macroF1 the mean of the per-class F1 scores
 * @param rows the number of rows scored
 */
public record ClassMetrics(
    List<String> classNames,
    List<List<Integer>> confusion,
    List<PerClass> perClass,
    double accuracy,
    double macroPrecision,
    double macroRecall,
    double macroF1,
    int rows) {

  /** Copies the lists so the metrics are immutable. */
  public ClassMetrics {
    classNames = List.copyOf(classNames);
    confusion = confusion.stream().map(List::copyOf).toList();
    perClass = List.copyOf(perClass);
  }

  /**
   * The metrics of one class.
   *
   * @param label the class's integer label
   * @param name its name
   * @param support the rows whose true label it is
   * @param predicted the rows predicted as it
   * @param truePositives the rows both true and predicted as it
   * @param precision {@code truePositives / predicted}, 0 when nothing is predicted as it
   * @param recall {@code truePositives / support}, 0 when it never occurs
   * @param f1 the harmonic mean of precision and recall, 0 when both are 0
   */
  public record PerClass(
      int label,
      String name,
      int support,
      int predicted,
      int truePositives,
      double precision,
      double recall,
      double f1) {}

  /**
   * Scores predictions against the truth.
   *
   * @param truth the true label of each row
   * @param predicted the predicted label of each row
   * @param classNames the class names, index = label; every label must be below its size
   * @return the metrics
   * @throws IllegalArgumentException if an input is null or empty, the arrays differ in length,
   *     or a label is outside {@code 0 .. classNames.size()-1}
   */
  public static ClassMetrics of(int[] truth, int[] predicted, List<String> classNames) {
    if (truth == null || predicted == null || classNames == null) {
      throw new IllegalArgumentException("truth, predicted and classNames must not be null");
    }
    if (truth.length == 0) {
      throw new IllegalArgumentException("no rows to score");
    }
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          truth.length + " true labels but " + predicted.length + " predictions");
    }
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException("classNames is empty");
    }
    int classes = classNames.size();
    int[][] matrix = new int[classes][classes];
    for (int i = 0; i < truth.length; i++) {
      checkLabel("true label", i, truth[i], classes);
      checkLabel("prediction", i, predicted[i], classes);
      matrix[truth[i]][predicted[i]]++;
    }
    List<PerClass> perClass = new ArrayList<>(classes);
    int correct = 0;
    double precisionSum = 0;
    double recallSum = 0;
    double f1Sum = 0;
    for (int c = 0; c < classes; c++) {
      int tp = matrix[c][c];
      int support = Arrays.stream(matrix[c]).sum();
      int predictedAs = 0;
      for (int[] row : matrix) {
        predictedAs += row[c];
      }
      double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
      double recall = support == 0 ? 0 : (double) tp / support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perClass.add(
          new PerClass(c, classNames.get(c), support, predictedAs, tp, precision, recall, f1));
      correct += tp;
      precisionSum += precision;
      recallSum += recall;
      f1Sum += f1;
    }
    List<List<Integer>> confusion = new ArrayList<>(classes);
    for (int[] row : matrix) {
      confusion.add(Arrays.stream(row).boxed().toList());
    }
    return new ClassMetrics(
        classNames,
        confusion,
        perClass,
        (double) correct / truth.length,
        precisionSum / classes,
        recallSum / classes,
        f1Sum / classes,
        truth.length);
  }

  private static void checkLabel(String what, int row, int label, int classes) {
    if (label < 0 || label >= classes) {
      throw new IllegalArgumentException(
          what + " of row " + row + " is " + label + ", outside 0.." + (classes - 1));
    }
  }
}
