package io.sharcs.modality.tabular;

import io.sharcs.api.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads tabular samples from named columns of a CSV file with a header line. Fields are separated
 * by commas; a field may be double-quoted. Every error names the file, the line and the column.
 */
public final class CsvColumns {

  private CsvColumns() {}

  /**
   * Reads the given columns, in the given order, one sample per data line.
   *
   * @param file a CSV file whose first line names the columns
   * @param columns the columns to read; every one must exist in the header
   * @return one sample per data line, in file order
   * @throws InvalidInputException on a missing file, an unknown column, a short line or a value
   *     that is not a finite number
   */
  public static List<TabularSample> read(Path file, List<String> columns) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new InvalidInputException(file + ": empty file, expected a header line");
      }
      List<String> names = split(header);
      int[] index = new int[columns.size()];
      for (int c = 0; c < index.length; c++) {
        index[c] = names.indexOf(columns.get(c));
        if (index[c] < 0) {
          throw new InvalidInputException(
              file + ": column '" + columns.get(c) + "' not in header, expected one of " + names);
        }
      }
      List<TabularSample> rows = new ArrayList<>();
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        rows.add(parseRow(file, lineNo, split(line), names, columns, index));
      }
      return rows;
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": file not found");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static TabularSample parseRow(
      Path file, int lineNo, List<String> fields, List<String> names, List<String> columns,
      int[] index) {
    if (fields.size() != names.size()) {
      throw new InvalidInputException(
          file + ":" + lineNo + ": found " + fields.size() + " fields, expected " + names.size());
    }
    float[] values = new float[index.length];
    for (int c = 0; c < index.length; c++) {
      String text = fields.get(index[c]).trim();
      float v;
      try {
        v = Float.parseFloat(text);
      } catch (NumberFormatException e) {
        v = Float.NaN;
      }
      if (!Float.isFinite(v)) {
        throw new InvalidInputException(
            file + ":" + lineNo + ": column '" + columns.get(c) + "' is '" + text
                + "', expected a finite number");
      }
      values[c] = v;
    }
    return new TabularSample(values);
  }

  /** Splits one CSV line; quotes protect commas and {@code ""} is a literal quote. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    out.add(field.toString());
    return out;
  }
}
