package io.sharcs.runner;

import io.sharcs.api.EncoderConfig;

/** A second test plugin claiming id {@code graph}. */
public final class DuplicateGraphPlugin extends FakeModalityPlugin {

  @Override
  public String id() {
    return "graph";
  }

  @Override
  public String description() {
    return "another graph plugin";
  }

  @Override
  public Class<FakeGraphPlugin.Encoder> encoderConfigType() {
    return FakeGraphPlugin.Encoder.class;
  }

  @Override
  public EncoderConfig defaultEncoderConfig() {
    return FakeGraphPlugin.Encoder.DEFAULTS;
  }
}
