package io.sharcs.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.runner.DuplicateGraphPlugin;
import io.sharcs.runner.FakeGraphPlugin;
import io.sharcs.runner.FakeTablePlugin;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.datasets.xor.XorAndXorProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

  @Test
  void pluginsAreBoundByIdThroughGuice() {
    PluginRegistry registry = Fixtures.registry();
    assertThat(registry.modalities()).containsOnlyKeys("graph", "tabular");
    assertThat(registry.modality("graph").map(d -> d.plugin())).get()
        .isInstanceOf(FakeGraphPlugin.class);
    assertThat(registry.modality("tabulr")).isEmpty();
    assertThat(registry.dataset("xor-and-xor")).get().isInstanceOf(XorAndXorProvider.class);
    assertThat(registry.modalityIds()).isEqualTo("graph, tabular");
  }

  @Test
  void aDuplicateModalityIdNamesBothClasses() {
    PluginCatalog catalog = PluginCatalog.of(
        List.of(new FakeGraphPlugin(), new FakeTablePlugin(), new DuplicateGraphPlugin()),
        List.of());
    assertThatThrownBy(() -> Fixtures.registry(catalog))
        .isInstanceOf(PluginError.class)
        .hasMessage("duplicate modality plugin id 'graph': provided by"
            + " io.sharcs.runner.FakeGraphPlugin and by io.sharcs.runner.DuplicateGraphPlugin,"
            + " expected each id once (remove one of them from the class path)");
  }

  @Test
  void aDuplicateDataSetIdNamesBothClasses() {
    DatasetProvider other = new AnotherXor();
    PluginCatalog catalog =
        PluginCatalog.of(List.of(), List.of(new XorAndXorProvider(), other));
    assertThatThrownBy(() -> Fixtures.registry(catalog))
        .isInstanceOf(PluginError.class)
        .hasMessageContaining("duplicate data set provider id 'xor-and-xor'")
        .hasMessageContaining(XorAndXorProvider.class.getName())
        .hasMessageContaining(other.getClass().getName());
  }

  /** A second provider claiming id {@code xor-and-xor}. */
  private static final class AnotherXor implements DatasetProvider {
    private final XorAndXorProvider delegate = new XorAndXorProvider();

    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public String description() {
      return "another";
    }

    @Override
    public Class<? extends DatasetConfig> configType() {
      return delegate.configType();
    }

    @Override
    public DatasetConfig defaultConfig() {
      return delegate.defaultConfig();
    }

    @Override
    public MultimodalDataset load(DatasetConfig config, DatasetContext context) {
      return delegate.load(config, context);
    }
  }

  @Test
  void duplicatesMakeTheCliExitTwoWithOneLine() {
    PluginCatalog catalog = PluginCatalog.of(
        List.of(new FakeGraphPlugin(), new DuplicateGraphPlugin()), List.of());
    Fixtures.CliResult r = Fixtures.cli(
        Fixtures.env(Path.of("."), Fixtures.neverCalled()).withPlugins(() -> catalog),
        "plugins");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("sharcs: duplicate modality plugin id 'graph': provided by");
  }

  @Test
  void serviceLoaderFindsTheBuiltInDataSet() {
    PluginCatalog found = PluginCatalog.discover();
    assertThat(found.datasets()).extracting(DatasetProvider::id).contains("xor-and-xor");
    assertThat(Fixtures.registry(found).dataset("xor-and-xor")).isPresent();
  }
}
