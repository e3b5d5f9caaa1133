package io.sharcs.core.saved;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@value #FILE}: one row per sample (the test split, for a run): {@code sample_id, true, predicted,
 * p_<class>...}. Probabilities are written with Java's shortest round-tripping double strings, so
 * a reloaded model's predictions can be compared with the file exactly.
 */
public final class PredictionsCsv {

  /** The file name in a run folder. */
  public static final String FILE = "predictions.csv";

  private PredictionsCsv() {}

  /**
   * One sample's row.
   *
   * @param sampleId the sample's id
   * @param trueLabel its label
   * @param prediction the model's prediction
   */
  public record Row(String sampleId, int trueLabel, Prediction prediction) {}

  /** The file's lines: a header, then one line per row. */
  public static List<String> lines(List<Row> rows, List<String> classNames) {
    List<String> out = new ArrayList<>(rows.size() + 1);
    StringBuilder header = new StringBuilder("sample_id,true,predicted");
    for (String c : classNames) {
      header.append(",p_").append(Csv.cell(c));
    }
    out.add(header.toString());
    for (Row r : rows) {
      StringBuilder line =
          new StringBuilder(Csv.cell(r.sampleId()))
              .append(',')
              .append(Csv.cell(classNames.get(r.trueLabel())))
              .append(',')
              .append(Csv.cell(r.prediction().className()));
      for (double p : r.prediction().probabilities()) {
        line.append(',').append(p);
      }
      out.add(line.toString());
    }
    return out;
  }

  /** Writes the rows to {@code file}. */
  public static void write(Path file, List<Row> rows, List<String> classNames) throws IOException {
    Files.write(file, lines(rows, classNames), StandardCharsets.UTF_8);
  }
}
