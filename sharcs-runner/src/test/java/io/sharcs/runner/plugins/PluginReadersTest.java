package io.sharcs.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sharcs.api.InvalidInputException;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.modality.tabular.TabularPlugin;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.modality.tabular.TabularSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginReadersTest {

  private final ModalityDefinition<?, ?> tabular = ModalityDefinition.of(new TabularPlugin());
  private final PluginReaders readers = PluginReaders.of(
      List.of(new ModalityBinding("table", tabular, tabular.defaults())));

  @Test
  void aBoundModalityReadsWithItsPlugin() {
    Object sample = readers.read("table",
        JsonNodeFactory.instance.arrayNode().add(0.1f).add(1f), "row 1");
    assertThat(sample).isEqualTo(new TabularSample(new float[] {0.1f, 1f}));
  }

  @Test
  void anUnboundModalityIsBadInputNamingTheBoundOnes() {
    assertThatThrownBy(() -> readers.read("graph", JsonNodeFactory.instance.objectNode(), "row 1"))
        .isInstanceOf(PluginReaders.UnboundModality.class)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("row 1: found modality 'graph', expected one of the experiment's modalities"
            + " [table]");
  }

  @Test
  void treesHandBackTheValue() {
    var node = JsonNodeFactory.instance.textNode("x");
    assertThat(PluginReaders.trees().read("any", node, "w")).isSameAs(node);
  }
}
