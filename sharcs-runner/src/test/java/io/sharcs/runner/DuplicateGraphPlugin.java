package io.sharcs.runner;

/** A second test plugin claiming id {@code graph}. */
public final class DuplicateGraphPlugin extends FakeModalityPlugin<FakeGraphPlugin.Encoder> {

  @Override
  public String id() {
    return "graph";
  }

  @Override
  public String description() {
    return "another graph plugin";
  }

  @Override
  protected Class<FakeGraphPlugin.Encoder> optionsType() {
    return FakeGraphPlugin.Encoder.class;
  }

  @Override
  protected FakeGraphPlugin.Encoder defaults() {
    return FakeGraphPlugin.Encoder.DEFAULTS;
  }
}
