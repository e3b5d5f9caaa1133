package io.sharcs.modality.tabular;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InputSpec;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import java.util.List;
import io.sharcs.api.nn.Tensors;
import io.sharcs.api.nn.Layers;

/**
 * The tabular modality: fixed-width numeric rows, encoded by an MLP.
 *
 * <p>A raw sample is a JSON/YAML list of numbers, or a row read from CSV columns with {@link
 * CsvColumns}.
 */
public final class TabularPlugin implements ModalityPlugin<TabularSample> {

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
  public Class<TabularSample> sampleType() {
    return TabularSample.class;
  }

  @Override
  public Class<TabularEncoderConfig> encoderConfigType() {
    return TabularEncoderConfig.class;
  }

  @Override
  public TabularEncoderConfig defaultEncoderConfig() {
    return TabularEncoderConfig.DEFAULTS;
  }

  @Override
  public TabularSample readSample(JsonNode node, String where) {
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

  @Override
  public InputSpec inspect(List<? extends TabularSample> samples, List<String> ids, String where) {
    if (samples.isEmpty()) {
      throw new InvalidInputException(where + ": no tabular samples, expected at least one");
    }
    int width = samples.get(0).width();
    for (int s = 0; s < samples.size(); s++) {
      TabularSample row = samples.get(s);
      if (row.width() != width || width == 0) {
        throw new InvalidInputException(
            where + " sample " + ids.get(s) + ": found " + row.width() + " columns, expected "
                + (width == 0 ? "at least 1" : width + " (as in sample " + ids.get(0) + ")"));
      }
      for (int c = 0; c < width; c++) {
        float v = row.get(c);
        if (!Float.isFinite(v)) {
          throw new InvalidInputException(
              where + " sample " + ids.get(s) + ": column " + c + " is " + v
                  + ", expected a finite number");
        }
      }
    }
    return new InputSpec(width, 1, width + " column" + (width == 1 ? "" : "s"));
  }

  @Override
  public NDList batch(List<? extends TabularSample> samples, InputSpec spec, NDManager manager) {
    int width = spec.featureWidth();
    float[] flat = new float[samples.size() * width];
    for (int s = 0; s < samples.size(); s++) {
      TabularSample row = samples.get(s);
      for (int c = 0; c < width; c++) {
        flat[s * width + c] = row.get(c);
      }
    }
    return new NDList(Tensors.create(manager, flat, new Shape(samples.size(), width)));
  }

  @Override
  public Block createEncoder(EncoderConfig config, EncoderContext context) {
    TabularEncoderConfig c = expectConfig(config, TabularEncoderConfig.class);
    return Layers.mlp(context.input().featureWidth(), c.hidden(), context.concepts());
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + node;
  }
}
