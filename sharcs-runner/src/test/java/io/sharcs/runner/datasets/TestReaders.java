package io.sharcs.runner.datasets;

import io.sharcs.api.DatasetContext;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.ModalityReaders;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.modality.graph.GraphPlugin;
import io.sharcs.modality.image.ImagePlugin;
import io.sharcs.modality.tabular.TabularPlugin;
import io.sharcs.modality.text.TextPlugin;
import io.sharcs.runner.plugins.PluginReaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real plugins bound to the built-in data sets' modality names, as the runner binds them:
 * {@code graph}, {@code table} and {@code stats} (tabular), {@code text} and {@code image}.
 */
public final class TestReaders {

  private TestReaders() {}

  /** Readers of every built-in modality name. */
  public static ModalityReaders real() {
    List<ModalityBinding> bindings = new ArrayList<>();
    Map<String, ModalityPlugin<?, ?>> plugins = Map.of(
        "graph", new GraphPlugin(), "table", new TabularPlugin(), "stats", new TabularPlugin(),
        "text", new TextPlugin(), "image", new ImagePlugin());
    plugins.forEach((name, p) -> {
      ModalityDefinition<?, ?> d = ModalityDefinition.of(p);
      bindings.add(new ModalityBinding(name, d, d.defaults()));
    });
    return PluginReaders.of(bindings);
  }

  /** A context with the real readers. */
  public static DatasetContext context(long seed, Path baseDirectory, String configFile) {
    return new DatasetContext(seed, baseDirectory, configFile, real());
  }
}
