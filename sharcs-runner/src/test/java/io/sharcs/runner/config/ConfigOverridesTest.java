package io.sharcs.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigOverridesTest {

  private static ObjectNode tree(String yaml) throws Exception {
    return (ObjectNode) ConfigMappers.yaml().readTree(yaml);
  }

  private static ObjectNode apply(String yaml, Long seed, String mode, String... sets)
      throws Exception {
    ObjectNode t = tree(yaml);
    ConfigOverrides.parse(seed, mode, List.of(sets), "f.yaml").applyTo(t, "f.yaml");
    return t;
  }

  @Test
  void valuesAreParsedAsYamlScalarsAndFlowValues() throws Exception {
    ObjectNode t = apply(
        "training: {epochs: 150}\nmodalities: [{name: a}, {name: b, encoder: {hidden: [30]}}]\n",
        null, null,
        "training.epochs=10", "protocol=reference", "modalities.1.encoder.hidden=[20,20]",
        "training.learning_rate=0.01", "training.class_weights=true", "name=  spaced  ",
        "model.concepts=5", "dataset={type: xor-and-xor, size: 10}");
    assertThat(t.at("/training/epochs").isInt()).isTrue();
    assertThat(t.at("/training/epochs").intValue()).isEqualTo(10);
    assertThat(t.at("/protocol").asText()).isEqualTo("reference");
    assertThat(t.at("/modalities/1/encoder/hidden").toString()).isEqualTo("[20,20]");
    assertThat(t.at("/modalities/0/name").asText()).isEqualTo("a");
    assertThat(t.at("/training/learning_rate").doubleValue()).isEqualTo(0.01);
    assertThat(t.at("/training/class_weights").booleanValue()).isTrue();
    assertThat(t.at("/name").asText()).isEqualTo("spaced");
    assertThat(t.at("/model/concepts").intValue()).isEqualTo(5);
    assertThat(t.at("/dataset/size").intValue()).isEqualTo(10);
  }

  @Test
  void missingMappingsOnThePathAreCreated() throws Exception {
    ObjectNode t = apply("modalities: [{name: a}, {name: b}]\n", null, null,
        "modalities.0.encoder.hidden=[5]", "runtime.threads=2");
    assertThat(t.at("/modalities/0/encoder/hidden/0").intValue()).isEqualTo(5);
    assertThat(t.at("/runtime/threads").intValue()).isEqualTo(2);
  }

  @Test
  void seedAndModeApplyAfterSet() throws Exception {
    ObjectNode t = apply("seed: 1\nmode: sharcs\n", 7L, "MULTI_CBM", "seed=3", "mode=sharcs");
    assertThat(t.get("seed").longValue()).isEqualTo(7L);
    assertThat(t.get("mode").asText()).isEqualTo("MULTI_CBM");
  }

  @Test
  void anEmptyValueIsNull() throws Exception {
    ObjectNode t = apply("name: x\n", null, null, "name=");
    assertThat(t.get("name").isNull()).isTrue();
  }

  @Test
  void aMissingListIndexIsAnError() {
    assertThatThrownBy(() -> apply("modalities: [{name: a}, {name: b}]\n", null, null,
            "modalities.2.name=c"))
        .isInstanceOfSatisfying(InputError.class, e -> {
          assertThat(e.path()).isEqualTo("modalities[2]");
          assertThat(e.line()).isEqualTo(
              "sharcs: f.yaml: modalities[2]: no such list element (--set modalities.2.name=c),"
                  + " expected an index in 0..1");
        });
  }

  @Test
  void malformedOptionsAreErrors() {
    assertThatThrownBy(() -> ConfigOverrides.parse(null, null, List.of("epochs"), "f.yaml"))
        .hasMessage("f.yaml: got '--set epochs', expected --set key=value");
    assertThatThrownBy(() -> ConfigOverrides.parse(null, null, List.of("a..b=1"), "f.yaml"))
        .hasMessage("f.yaml: got '--set a..b=1', expected a dotted key path like"
            + " training.epochs=10");
    assertThatThrownBy(() -> ConfigOverrides.parse(null, null, List.of("a=[1"), "f.yaml"))
        .hasMessage("f.yaml: a: got '[1' from --set a=[1, expected a YAML value");
  }

  @Test
  void replacingAListElementAsAWhole() throws Exception {
    ObjectNode t = apply("l: [1, 2, 3]\n", null, null, "l.2={x: 1}");
    JsonNode l = t.get("l");
    assertThat(l.toString()).isEqualTo("[1,2,{\"x\":1}]");
  }
}
