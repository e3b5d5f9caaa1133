package io.sharcs.modality.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.Preprocessing;
import io.sharcs.api.SampleForm;
import io.sharcs.api.nn.Layers;
import java.util.Locale;

/**
 * The tabular modality: fixed-width numeric rows, encoded by an MLP {@code columns -> hidden...
 * -> k}. A raw sample is a JSON/YAML list of numbers, or a row read from CSV columns with {@link
 * CsvColumns}; the preprocessing learns only the width ({@link TableShape}). Rows are drawn as
 * SVG grids of named cells ({@link TableRenderer}).
 */
public final class TabularPlugin implements ModalityPlugin<TabularSample, TabularEncoderConfig> {

  /** The plugin id used in experiment files. */
  public static final String ID = "tabular";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "fixed-width numeric rows (inline lists or CSV columns); MLP local concept encoder";
  }

  @Override
  public void setup(ModalitySetup<TabularSample, TabularEncoderConfig> setup) {
    setup.samples(TabularSample.class, TabularPlugin::read, SampleForm.NUMBERS);
    setup.options(TabularEncoderConfig.class, TabularEncoderConfig.DEFAULTS);
    setup.encoder(
        Preprocessing.stateless(TableShape.class, (data, options) -> TableShape.inspect(data)),
        (options, shape, context) ->
            Layers.mlp(shape.columns(), options.hidden(), context.outputs()))
        .renderer(new TableRenderer());
  }

  /** Reads a row written as a list of numbers, naming the column of a value that is not one. */
  static TabularSample read(JsonNode node, String where) {
    if (node == null || !node.isArray()) {
      throw new InvalidInputException(
          where + ": found " + describe(node) + ", expected a list of numbers");
    }
    float[] values = new float[node.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode v = node.get(i);
      if (!v.isNumber()) {
        throw new InvalidInputException(
            where + ": column " + i + " is " + describe(v) + ", expected a number");
      }
      values[i] = v.floatValue();
    }
    return new TabularSample(values);
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
  }
}
