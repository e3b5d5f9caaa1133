package com.example.series;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.nn.Tensors;
import java.util.List;

/**
 * The series preprocessing: every series has the same length, learned from the data. A record,
 * so sharcs saves it with a model as JSON ({@link io.sharcs.api.Preprocessing#stateless}).
 *
 * @param length the number of time steps of every series
 */
public record SeriesShape(int length) implements Preprocessor<Series> {

  /**
   * Checks every series (all splits): same length, at least as long as the convolution kernel,
   * finite values.
   *
   * @throws InvalidInputException naming the first bad sample
   */
  public static SeriesShape inspect(PreprocessingData<Series> data, SeriesOptions options) {
    if (data.all().isEmpty()) {
      throw new InvalidInputException(data.where() + ": found no series, expected at least one");
    }
    int length = data.all().get(0).length();
    for (int i = 0; i < data.all().size(); i++) {
      Series s = data.all().get(i);
      if (s.length() != length) {
        throw new InvalidInputException(data.at(i) + ": found " + s.length()
            + " time steps, expected " + length + " as in the first series");
      }
      for (float v : s.values()) {
        if (!Float.isFinite(v)) {
          throw new InvalidInputException(data.at(i) + ": found " + v + ", expected finite values");
        }
      }
    }
    if (length < options.kernel()) {
      throw new InvalidInputException(data.where() + ": series have " + length
          + " time steps, expected at least the kernel's " + options.kernel());
    }
    return new SeriesShape(length);
  }

  /** A batch of shape (B, 1, length): one input channel, as a 1-D convolution reads it. */
  @Override
  public NDList batch(List<? extends Series> samples, NDManager manager) {
    float[] flat = new float[samples.size() * length];
    for (int i = 0; i < samples.size(); i++) {
      System.arraycopy(samples.get(i).values(), 0, flat, i * length, length);
    }
    // Tensors.create, not manager.create: PyTorch-owned memory keeps results reproducible.
    return new NDList(Tensors.create(manager, flat, new Shape(samples.size(), 1, length)));
  }

  @Override
  public String summary() {
    return length + " time steps";
  }
}
