package com.example.series;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.Preprocessing;

/**
 * The {@code series} modality: fixed-length time series, encoded by a 1-D convolution. Listed in
 * {@code META-INF/services/io.sharcs.api.ModalityPlugin}.
 *
 * <p>Sample format: a JSON list of numbers ({@code [0.1, 0.5, 0.9]}) or an object with one
 * such list under {@code values}.
 */
public final class SeriesPlugin implements ModalityPlugin<Series, SeriesOptions> {

  @Override
  public String id() {
    return "series";
  }

  @Override
  public String description() {
    return "fixed-length time series (1-D convolution, max over time)";
  }

  @Override
  public void setup(ModalitySetup<Series, SeriesOptions> setup) {
    setup.samples(Series.class, SeriesPlugin::read);
    setup.options(SeriesOptions.class, SeriesOptions.DEFAULTS);
    setup.encoder(
        Preprocessing.stateless(SeriesShape.class, SeriesShape::inspect), SeriesEncoder::create);
  }

  /**
   * Reads one series.
   *
   * @throws InvalidInputException naming {@code where}, what was found and what is expected
   */
  static Series read(JsonNode node, String where) {
    JsonNode list = node != null && node.isObject() ? node.get("values") : node;
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidInputException(where + ": found " + (node == null ? "nothing" : node)
          + ", expected a non-empty list of numbers or {values: [numbers]}");
    }
    float[] values = new float[list.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode v = list.get(i);
      if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
        throw new InvalidInputException(
            where + ": value " + i + " is " + v + ", expected a finite number");
      }
      values[i] = v.floatValue();
    }
    return new Series(values);
  }
}
