package io.sharcs.runner;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;
import java.util.List;

/** A test plugin with id {@code tabular} and a list-valued encoder option. */
public final class FakeTablePlugin extends FakeModalityPlugin<FakeTablePlugin.Encoder> {

  /** Hidden layer widths. */
  public record Encoder(List<Integer> hidden) implements EncoderConfig {
    public static final Encoder DEFAULTS = new Encoder(List.of(30));

    public Encoder {
      if (hidden == null) {
        throw new InvalidConfigException("hidden", "got null, expected a list of widths");
      }
      hidden = List.copyOf(hidden);
      for (int h : hidden) {
        InvalidConfigException.requirePositive("hidden", h);
      }
    }
  }

  @Override
  public String id() {
    return "tabular";
  }

  @Override
  public String description() {
    return "test tables";
  }

  @Override
  protected Class<FakeTablePlugin.Encoder> optionsType() {
    return Encoder.class;
  }

  @Override
  protected FakeTablePlugin.Encoder defaults() {
    return Encoder.DEFAULTS;
  }
}
