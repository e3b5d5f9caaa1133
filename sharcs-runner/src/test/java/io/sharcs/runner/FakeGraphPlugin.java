package io.sharcs.runner;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;

/** A test plugin with id {@code graph} and the graph encoder's options of the example file. */
public final class FakeGraphPlugin extends FakeModalityPlugin<FakeGraphPlugin.Encoder> {

  /** The options of the example file's graph encoder. */
  public record Encoder(int layers, int hidden, double negativeSlope, double temperature)
      implements EncoderConfig {
    public static final Encoder DEFAULTS = new Encoder(5, 30, 0.01, 1.0);

    public Encoder {
      InvalidConfigException.requirePositive("layers", layers);
      InvalidConfigException.requirePositive("hidden", hidden);
      InvalidConfigException.requireNonNegative("negative_slope", negativeSlope);
      InvalidConfigException.requirePositive("temperature", temperature);
    }
  }

  @Override
  public String id() {
    return "graph";
  }

  @Override
  public String description() {
    return "test graphs";
  }

  @Override
  protected Class<FakeGraphPlugin.Encoder> optionsType() {
    return Encoder.class;
  }

  @Override
  protected FakeGraphPlugin.Encoder defaults() {
    return Encoder.DEFAULTS;
  }
}
