package io.sharcs.modality.tabular;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.nn.Tensors;
import java.util.List;

/**
 * The tabular preprocessing: the common row width, learned from the data; batches are {@code (B,
 * columns)} floats.
 *
 * @param columns the number of columns of every row
 */
public record TableShape(int columns) implements Preprocessor<TabularSample> {

  public TableShape {
    if (columns <= 0) {
      throw new IllegalArgumentException("columns must be > 0, got " + columns);
    }
  }

  /**
   * Checks that every row has the width of the first, at least one column, and only finite
   * values.
   *
   * @throws InvalidInputException naming the first bad sample (and column)
   */
  public static TableShape inspect(PreprocessingData<? extends TabularSample> data) {
    List<? extends TabularSample> rows = data.all();
    if (rows.isEmpty()) {
      throw new InvalidInputException(data.where() + ": no tabular samples, expected at least one");
    }
    int width = rows.get(0).width();
    for (int s = 0; s < rows.size(); s++) {
      TabularSample row = rows.get(s);
      if (row.width() != width || width == 0) {
        throw new InvalidInputException(
            data.at(s) + ": found " + row.width() + " columns, expected "
                + (width == 0 ? "at least 1" : width + " (as in sample " + data.ids().get(0) + ")"));
      }
      for (int c = 0; c < width; c++) {
        if (!Float.isFinite(row.get(c))) {
          throw new InvalidInputException(
              data.at(s) + ": column " + c + " is " + row.get(c) + ", expected a finite number");
        }
      }
    }
    return new TableShape(width);
  }

  @Override
  public NDList batch(List<? extends TabularSample> samples, NDManager manager) {
    float[] flat = new float[samples.size() * columns];
    for (int s = 0; s < samples.size(); s++) {
      TabularSample row = samples.get(s);
      for (int c = 0; c < columns; c++) {
        flat[s * columns + c] = row.get(c);
      }
    }
    return new NDList(Tensors.create(manager, flat, new Shape(samples.size(), columns)));
  }

  @Override
  public String summary() {
    return columns + " column" + (columns == 1 ? "" : "s");
  }
}
