package io.sharcs.modality.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.api.ConceptSampling;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InputSpec;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TabularPluginTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TabularPlugin plugin = new TabularPlugin();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void describesItself() {
    assertThat(plugin.id()).isEqualTo("tabular");
    assertThat(plugin.sampleType()).isEqualTo(TabularSample.class);
    assertThat(plugin.encoderConfigType()).isEqualTo(TabularEncoderConfig.class);
    assertThat(plugin.defaultEncoderConfig()).isEqualTo(new TabularEncoderConfig(List.of(30)));
    assertThat(plugin.description()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void serviceLoaderFindsThePluginById() {
    List<String> ids = new ArrayList<>();
    ModalityPlugin<?> found = null;
    for (ModalityPlugin<?> p : ServiceLoader.load(ModalityPlugin.class)) {
      ids.add(p.id());
      if (p.id().equals("tabular")) {
        found = p;
      }
    }
    assertThat(ids).containsOnlyOnce("tabular");
    assertThat(found).isInstanceOf(TabularPlugin.class);
  }

  @Test
  void readSampleParsesAListOfNumbers() throws Exception {
    TabularSample s = plugin.readSample(json("[1, -2.5, 0, 3e2, 7]"), "data.jsonl line 3");
    assertThat(s.values()).containsExactly(1f, -2.5f, 0f, 300f, 7f);
    assertThat(s.width()).isEqualTo(5);
    assertThat(plugin.readSample(json("[]"), "x").width()).isZero();
  }

  @Test
  void readSampleRejectsNonListsWithAOneLineMessage() throws Exception {
    for (String text : new String[] {"{\"a\": 1}", "\"1,2,3\"", "42", "null"}) {
      JsonNode node = json(text);
      assertThatThrownBy(() -> plugin.readSample(node, "data.jsonl line 12"))
          .as(text)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("data.jsonl line 12: found ")
          .hasMessageContaining("expected a list of numbers")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
    assertThatThrownBy(() -> plugin.readSample(null, "file.yaml sample 4"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("file.yaml sample 4")
        .hasMessageContaining("expected a list of numbers");
  }

  @Test
  void readSampleRejectsNonNumbersNamingTheColumn() throws Exception {
    JsonNode node = json("[1, \"two\", 3]");
    assertThatThrownBy(() -> plugin.readSample(node, "data.jsonl line 5"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data.jsonl line 5: column 1 is ")
        .hasMessageContaining("two")
        .hasMessageContaining("expected a number")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    JsonNode nested = json("[1, 2, [3]]");
    assertThatThrownBy(() -> plugin.readSample(nested, "w"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 2");
    JsonNode withNull = json("[null, 2]");
    assertThatThrownBy(() -> plugin.readSample(withNull, "w"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 0");
  }

  private static List<TabularSample> rows(float[]... values) {
    return Arrays.stream(values).map(TabularSample::new).toList();
  }

  @Test
  void inspectReturnsTheCommonWidth() {
    InputSpec spec =
        plugin.inspect(rows(new float[] {1, 2, 3}, new float[] {4, 5, 6}), List.of("a", "b"), "toy");
    assertThat(spec.featureWidth()).isEqualTo(3);
    assertThat(spec.maxElements()).isEqualTo(1);
    assertThat(spec.summary()).isEqualTo("3 columns");
    assertThat(plugin.inspect(rows(new float[] {1}), List.of("a"), "toy").summary())
        .isEqualTo("1 column");
  }

  @Test
  void inspectRejectsAWidthMismatchNamingTheSample() {
    assertThatThrownBy(
            () ->
                plugin.inspect(
                    rows(new float[] {1, 2}, new float[] {3, 4}, new float[] {5, 6, 7}),
                    List.of("s0", "s1", "s2"),
                    "data set 'toy' modality 'table'"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data set 'toy' modality 'table' sample s2: ")
        .hasMessageContaining("found 3 columns")
        .hasMessageContaining("expected 2")
        .hasMessageContaining("sample s0");
    assertThatThrownBy(() -> plugin.inspect(rows(new float[0]), List.of("e"), "toy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample e")
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> plugin.inspect(List.of(), List.of(), "toy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("toy");
  }

  @Test
  void inspectRejectsNaNAndInfinityNamingSampleAndColumn() {
    assertThatThrownBy(
            () ->
                plugin.inspect(
                    rows(new float[] {1, 2, 3}, new float[] {1, Float.NaN, 3}),
                    List.of("r1", "r2"),
                    "toy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample r2")
        .hasMessageContaining("column 1 is NaN")
        .hasMessageContaining("expected a finite number");
    assertThatThrownBy(
            () ->
                plugin.inspect(
                    rows(new float[] {1, 2, Float.NEGATIVE_INFINITY}), List.of("r9"), "toy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample r9")
        .hasMessageContaining("column 2 is -Infinity");
    assertThatThrownBy(
            () -> plugin.inspect(rows(new float[] {Float.POSITIVE_INFINITY}), List.of("r0"), "toy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 0 is Infinity");
  }

  @Test
  void batchStacksRowsIntoABatchByWidthArray() {
    List<TabularSample> samples = rows(new float[] {1, 2, 3}, new float[] {-4, 5.5f, 6}, new float[] {0, 0, 9});
    InputSpec spec = plugin.inspect(samples, List.of("a", "b", "c"), "toy");
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = plugin.batch(samples, spec, manager);
      assertThat(batch).hasSize(1);
      NDArray x = batch.singletonOrThrow();
      assertThat(x.getShape()).isEqualTo(new Shape(3, 3));
      assertThat(x.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(x.toFloatArray()).containsExactly(1, 2, 3, -4, 5.5f, 6, 0, 0, 9);
      assertThat(x.getManager()).isSameAs(manager);
    }
  }

  @Test
  void encoderMapsABatchToBatchByKConcepts() {
    InputSpec spec = new InputSpec(6, 1, "6 columns");
    for (List<Integer> hidden : List.of(List.<Integer>of(), List.of(30), List.of(8, 4))) {
      Block encoder =
          plugin.createEncoder(
              new TabularEncoderConfig(hidden),
              new EncoderContext(7, spec, ConceptSampling.DETERMINISTIC_IN_EVAL));
      try (NDManager manager = NDManager.newBaseManager()) {
        Engine.getInstance().setRandomSeed(5);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(4, 6));
        assertThat(encoder.getOutputShapes(new Shape[] {new Shape(4, 6)}))
            .containsExactly(new Shape(4, 7));
        NDArray x = manager.randomNormal(new Shape(5, 6));
        NDArray out =
            encoder.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
        assertThat(out.getShape()).as("hidden %s", hidden).isEqualTo(new Shape(5, 7));
        // one Linear per hidden width plus the output layer, each with weight and bias
        assertThat(encoder.getParameters().size()).isEqualTo(2 * (hidden.size() + 1));
      }
    }
  }

  @Test
  void createEncoderRejectsAForeignConfig() {
    EncoderConfig foreign = new EncoderConfig() {};
    EncoderContext context =
        new EncoderContext(3, new InputSpec(2, 1, "2 columns"), ConceptSampling.DETERMINISTIC_IN_EVAL);
    assertThatThrownBy(() -> plugin.createEncoder(foreign, context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tabular")
        .hasMessageContaining("TabularEncoderConfig");
  }

  @Test
  void encoderConfigRequiresPositiveHiddenWidths() {
    assertThat(new TabularEncoderConfig(List.of(1, 64)).hidden()).containsExactly(1, 64);
    assertThat(new TabularEncoderConfig(List.of()).hidden()).isEmpty();
    for (List<Integer> bad : List.of(List.of(0), List.of(30, -1), Arrays.asList(4, null))) {
      assertThatThrownBy(() -> new TabularEncoderConfig(bad))
          .as("hidden %s", bad)
          .isInstanceOfSatisfying(
              InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("hidden"))
          .hasMessageContaining("expected a list of integers > 0");
    }
    assertThatThrownBy(() -> new TabularEncoderConfig(null))
        .isInstanceOfSatisfying(
            InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("hidden"));
  }

  @Test
  void encoderConfigIsImmutable() {
    List<Integer> hidden = new ArrayList<>(List.of(3, 4));
    TabularEncoderConfig config = new TabularEncoderConfig(hidden);
    hidden.set(0, 99);
    assertThat(config.hidden()).containsExactly(3, 4);
    assertThatThrownBy(() -> config.hidden().add(5)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void tabularSampleCopiesItsValuesAndComparesByContent() {
    float[] values = {1, 2, 3};
    TabularSample s = new TabularSample(values);
    values[0] = 100;
    assertThat(s.get(0)).isEqualTo(1f);
    s.values()[1] = 100;
    assertThat(s.get(1)).isEqualTo(2f);
    assertThat(s).isEqualTo(new TabularSample(new float[] {1, 2, 3}));
    assertThat(s.hashCode()).isEqualTo(new TabularSample(new float[] {1, 2, 3}).hashCode());
    assertThat(s).isNotEqualTo(new TabularSample(new float[] {1, 2}));
    assertThat(s.toString()).contains("1.0, 2.0, 3.0");
    assertThatThrownBy(() -> new TabularSample(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void encoderParametersAreTrainable() {
    Block encoder =
        plugin.createEncoder(
            new TabularEncoderConfig(List.of(4)),
            new EncoderContext(2, new InputSpec(3, 1, "3 columns"), ConceptSampling.STOCHASTIC_ALWAYS));
    try (NDManager manager = NDManager.newBaseManager()) {
      encoder.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
      assertThat(encoder.getParameters().values()).allMatch(p -> p.requiresGradient());
    }
  }
}
