package io.sharcs.runner;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InputSpec;
import io.sharcs.api.ModalityPlugin;
import java.util.List;

/**
 * Base of the test plugins: id, description and encoder config only. The runner never calls the
 * data or model methods before the pipeline, which tests replace.
 */
public abstract class FakeModalityPlugin implements ModalityPlugin<Object> {

  @Override
  public Class<Object> sampleType() {
    return Object.class;
  }

  @Override
  public Object readSample(JsonNode node, String where) {
    return node; // a test plugin's sample is the tree itself
  }

  @Override
  public InputSpec inspect(List<?> samples, List<String> ids, String where) {
    throw new UnsupportedOperationException("test plugin " + id() + " inspects no data");
  }

  @Override
  public NDList batch(List<?> samples, InputSpec spec, NDManager manager) {
    throw new UnsupportedOperationException("test plugin " + id() + " batches no data");
  }

  @Override
  public Block createEncoder(EncoderConfig config, EncoderContext context) {
    throw new UnsupportedOperationException("test plugin " + id() + " has no encoder");
  }
}
