package io.sharcs.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Path-valued options resolve against the experiment file's folder when they are bound. */
class PathOptionsTest {

  record Options(Path weights, int width) {}

  private static ObjectNode tree(String weights) {
    ObjectNode node = ConfigMappers.yaml().createObjectNode();
    if (weights != null) {
      node.put("weights", weights);
    }
    node.put("width", 3);
    return node;
  }

  @Test
  void aRelativePathResolvesAgainstTheBaseDirectory() {
    Path base = Path.of("/experiments/clevr");
    ConfigBinder binder = new ConfigBinder(ConfigMappers.yaml(), "x.yaml", base);
    assertThat(binder.bind(tree("weights/enc.params"), Options.class, ConfigPath.root()).weights())
        .isEqualTo(Path.of("/experiments/clevr/weights/enc.params"));
    assertThat(binder.bind(tree("../w.params"), Options.class, ConfigPath.root()).weights())
        .isEqualTo(Path.of("/experiments/w.params"));
    assertThat(binder.bind(tree("/abs/w.params"), Options.class, ConfigPath.root()).weights())
        .isEqualTo(Path.of("/abs/w.params"));
    assertThat(binder.bind(tree(null), Options.class, ConfigPath.root()).weights()).isNull();
  }

  @Test
  void withoutABaseDirectoryAPathStaysAsWritten() {
    ConfigBinder binder = new ConfigBinder(ConfigMappers.yaml(), "x.yaml");
    assertThat(binder.bind(tree("w.params"), Options.class, ConfigPath.root()).weights())
        .isEqualTo(Path.of("w.params"));
  }

  @Test
  void aPathIsWrittenBackAsAPlainString() throws Exception {
    String yaml = ConfigMappers.yaml().writeValueAsString(new Options(Path.of("/a/b.params"), 2));
    assertThat(yaml).contains("weights: /a/b.params").doesNotContain("file:");
  }

  @Test
  void aNonStringPathIsAOneLineError() {
    ObjectNode node = tree(null);
    node.put("weights", 5);
    ConfigBinder binder = new ConfigBinder(ConfigMappers.yaml(), "x.yaml", Path.of("/e"));
    assertThatThrownBy(() -> binder.bind(node, Options.class, ConfigPath.root().key("encoder")))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("x.yaml")
        .hasMessageContaining("weights");
  }
}
