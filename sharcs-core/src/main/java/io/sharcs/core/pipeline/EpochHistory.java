package io.sharcs.core.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@value #FILE}: the course of training, one row per epoch: {@code epoch, loss, d,
 * train_accuracy, test_accuracy, test_accuracy_mode, seconds}. {@code d} is the semantic
 * regulariser's mean distance, {@code train_accuracy} the accuracy on the epoch's training batches
 * as seen while training. {@code test_accuracy} comes from an extra evaluation-mode pass after the
 * epoch under the clean protocol ({@code test_accuracy_mode} {@code eval}); under the reference
 * protocol it is the training-mode accuracy that protocol measures every epoch anyway ({@code
 * train}), because an extra pass there would draw Gumbel noise from the global generator and so
 * change the run.
 *
 * @param rows one row per epoch, in order
 */
public record EpochHistory(List<Row> rows) {

  /** The file name in a run folder. */
  public static final String FILE = "history.csv";

  public EpochHistory {
    rows = List.copyOf(rows);
  }

  /** No history (the baselines do not record one). */
  public static EpochHistory none() {
    return new EpochHistory(List.of());
  }

  /**
   * One epoch.
   *
   * @param epoch 1-based
   * @param loss mean training loss
   * @param distance mean semantic-regulariser distance d
   * @param trainAccuracy accuracy on the epoch's training batches, while training
   * @param testAccuracy test accuracy after the epoch
   * @param testAccuracyMode {@code eval} or {@code train}: the mode it was measured in
   * @param seconds wall time of the epoch's training
   */
  public record Row(
      int epoch,
      double loss,
      double distance,
      double trainAccuracy,
      double testAccuracy,
      String testAccuracyMode,
      double seconds) {}

  /** The file's lines: a header, then one line per epoch. */
  public List<String> lines() {
    List<String> out = new ArrayList<>(rows.size() + 1);
    out.add("epoch,loss,d,train_accuracy,test_accuracy,test_accuracy_mode,seconds");
    for (Row r : rows) {
      out.add(
          r.epoch() + "," + r.loss() + "," + r.distance() + "," + r.trainAccuracy() + ","
              + r.testAccuracy() + "," + r.testAccuracyMode() + ","
              + String.format(Locale.ROOT, "%.4f", r.seconds()));
    }
    return out;
  }

  /** Writes the history to {@code file}. */
  public void write(Path file) throws IOException {
    Files.write(file, lines(), StandardCharsets.UTF_8);
  }
}
