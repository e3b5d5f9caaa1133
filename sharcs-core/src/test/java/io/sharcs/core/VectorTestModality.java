package io.sharcs.core;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InputSpec;
import io.sharcs.api.ModalityPlugin;
import java.util.List;

/**
 * A minimal real modality for core tests (core may not depend on the plugin modules): float
 * vectors and an MLP encoder.
 */
class VectorTestModality implements ModalityPlugin<float[]> {

  record Config(int hidden) implements EncoderConfig {}

  @Override
  public String id() {
    return "vector";
  }

  @Override
  public String description() {
    return "test vectors";
  }

  @Override
  public Class<float[]> sampleType() {
    return float[].class;
  }

  @Override
  public Class<Config> encoderConfigType() {
    return Config.class;
  }

  @Override
  public Config defaultEncoderConfig() {
    return new Config(16);
  }

  @Override
  public float[] readSample(JsonNode node, String where) {
    float[] v = new float[node.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = node.get(i).floatValue();
    }
    return v;
  }

  @Override
  public InputSpec inspect(List<? extends float[]> samples, List<String> ids, String where) {
    return new InputSpec(samples.get(0).length, 1, "vector");
  }

  @Override
  public NDList batch(List<? extends float[]> samples, InputSpec spec, NDManager manager) {
    int w = spec.featureWidth();
    float[] flat = new float[samples.size() * w];
    for (int i = 0; i < samples.size(); i++) {
      System.arraycopy(samples.get(i), 0, flat, i * w, w);
    }
    return new NDList(manager.create(flat, new Shape(samples.size(), w)));
  }

  @Override
  public Block createEncoder(EncoderConfig config, EncoderContext context) {
    Config c = expectConfig(config, Config.class);
    return new SequentialBlock()
        .add(Linear.builder().setUnits(c.hidden()).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(context.concepts()).build());
  }
}
