package io.sharcs.core.pipeline;

import io.sharcs.api.InvalidInputException;
import io.sharcs.core.train.EpochReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
 * <p>A run with local supervision adds two columns per local head, {@code local_loss.<m>} and
 * {@code local_accuracy.<m>} (its mean loss term and its accuracy on the auxiliary labels over the
 * epoch's training batches, as seen while training), and under the clean protocol a third, {@code
 * local_test_accuracy.<m>}: its accuracy on the test split's auxiliary labels, evaluation mode,
 * from the same pass as {@code test_accuracy} (so it shows when a local stage stops improving);
 * they are empty in epochs of phases without local supervision. Other runs have exactly the seven
 * columns. Files without the third column (the reference protocol, earlier runs) read back.
 *
 * @param rows one row per epoch, in order
 */
public record EpochHistory(List<Row> rows) {

  /** The file name in a run folder. */
  public static final String FILE = "history.csv";

  private static final String HEADER =
      "epoch,loss,d,train_accuracy,test_accuracy,test_accuracy_mode,seconds";
  private static final int FIELDS = 7;
  private static final String LOCAL_LOSS = "local_loss.";
  private static final String LOCAL_ACCURACY = "local_accuracy.";
  private static final String LOCAL_TEST_ACCURACY = "local_test_accuracy.";

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
   * @param local the local heads trained in the epoch, with their loss and accuracy; empty in
   *     epochs without local supervision
   * @param localTest the test accuracies of the local heads trained in the epoch, where they were
   *     measured (clean protocol); empty otherwise
   */
  public record Row(
      int epoch,
      double loss,
      double distance,
      double trainAccuracy,
      double testAccuracy,
      String testAccuracyMode,
      double seconds,
      List<EpochReport.Local> local,
      List<LocalTest> localTest) {

    public Row {
      local = List.copyOf(local);
      localTest = List.copyOf(localTest);
    }

    /** The local head of {@code modality} in this epoch, or null. */
    public EpochReport.Local local(String modality) {
      for (EpochReport.Local l : local) {
        if (l.modality().equals(modality)) {
          return l;
        }
      }
      return null;
    }

    /** The test accuracy of {@code modality}'s local head after this epoch, or null. */
    public Double localTest(String modality) {
      for (LocalTest l : localTest) {
        if (l.modality().equals(modality)) {
          return l.accuracy();
        }
      }
      return null;
    }
  }

  /**
   * A local head's accuracy on the test split's auxiliary labels after an epoch.
   *
   * @param modality its modality
   * @param accuracy the share of labelled test rows it gets right, evaluation mode
   */
  public record LocalTest(String modality, double accuracy) {}

  /** Whether some epoch holds a local test accuracy of {@code modality}. */
  private boolean hasLocalTest(String modality) {
    return rows.stream().anyMatch(r -> r.localTest(modality) != null);
  }

  /** The modalities with a local head in some epoch, in order of first appearance. */
  public List<String> localModalities() {
    Set<String> out = new LinkedHashSet<>();
    for (Row r : rows) {
      r.local().forEach(l -> out.add(l.modality()));
    }
    return List.copyOf(out);
  }

  /** The file's lines: a header, then one line per epoch. */
  public List<String> lines() {
    List<String> local = localModalities();
    List<String> out = new ArrayList<>(rows.size() + 1);
    StringBuilder header = new StringBuilder(HEADER);
    for (String m : local) {
      header.append(',').append(LOCAL_LOSS).append(m).append(',').append(LOCAL_ACCURACY).append(m);
      if (hasLocalTest(m)) {
        header.append(',').append(LOCAL_TEST_ACCURACY).append(m);
      }
    }
    out.add(header.toString());
    for (Row r : rows) {
      StringBuilder line =
          new StringBuilder(
              r.epoch() + "," + r.loss() + "," + r.distance() + "," + r.trainAccuracy() + ","
                  + r.testAccuracy() + "," + r.testAccuracyMode() + ","
                  + String.format(Locale.ROOT, "%.4f", r.seconds()));
      for (String m : local) {
        EpochReport.Local l = r.local(m);
        line.append(',').append(l == null ? "" : l.loss());
        line.append(',').append(l == null ? "" : l.accuracy());
        if (hasLocalTest(m)) {
          Double t = r.localTest(m);
          line.append(',').append(t == null ? "" : t);
        }
      }
      out.add(line.toString());
    }
    return out;
  }

  /** Writes the history to {@code file}. */
  public void write(Path file) throws IOException {
    Files.write(file, lines(), StandardCharsets.UTF_8);
  }

  /**
   * Reads the lines {@link #lines} writes.
   *
   * @throws InvalidInputException naming the line (not the file, which the caller knows) when a
   *     line does not fit the header
   */
  public static EpochHistory parse(List<String> lines) {
    if (lines.isEmpty()) {
      return none();
    }
    String[] header = lines.get(0).split(",", -1);
    // Per local head: its loss column, its accuracy column, and where measured its test column.
    List<String> local = new ArrayList<>();
    List<Integer> firstColumn = new ArrayList<>();
    List<Boolean> withTest = new ArrayList<>();
    boolean wellFormed = header.length >= FIELDS;
    int c = FIELDS;
    while (wellFormed && c < header.length) {
      String m = header[c].startsWith(LOCAL_LOSS) ? header[c].substring(LOCAL_LOSS.length()) : null;
      wellFormed = m != null && c + 1 < header.length && header[c + 1].equals(LOCAL_ACCURACY + m);
      boolean test = wellFormed && c + 2 < header.length
          && header[c + 2].equals(LOCAL_TEST_ACCURACY + m);
      local.add(m);
      firstColumn.add(c);
      withTest.add(test);
      c += test ? 3 : 2;
    }
    if (!wellFormed) {
      throw new InvalidInputException(
          "line 1 is not a history header, expected " + HEADER
              + " and per local head local_loss.<m>,local_accuracy.<m>"
              + " (and local_test_accuracy.<m>)");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length != header.length) {
        throw new InvalidInputException(
            "line " + (i + 1) + " has " + f.length + " fields, expected "
                + header.length);
      }
      try {
        List<EpochReport.Local> heads = new ArrayList<>();
        List<LocalTest> tests = new ArrayList<>();
        for (int h = 0; h < local.size(); h++) {
          int first = firstColumn.get(h);
          String loss = f[first];
          String accuracy = f[first + 1];
          if (!loss.isEmpty() || !accuracy.isEmpty()) {
            heads.add(
                new EpochReport.Local(
                    local.get(h), Double.parseDouble(loss), Double.parseDouble(accuracy)));
          }
          if (withTest.get(h) && !f[first + 2].isEmpty()) {
            tests.add(new LocalTest(local.get(h), Double.parseDouble(f[first + 2])));
          }
        }
        rows.add(
            new Row(
                Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[5],
                Double.parseDouble(f[6]), heads, tests));
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            "line " + (i + 1) + ": " + e.getMessage() + ", expected numbers", e);
      }
    }
    return new EpochHistory(rows);
  }
}
