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
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.PreprocessingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularPluginTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TabularPlugin plugin = new TabularPlugin();
  private final ModalityDefinition<TabularSample, TabularEncoderConfig> definition =
      ModalityDefinition.of(plugin);

  private TabularSample readSample(JsonNode node, String where) {
    return definition.reader().read(node, where);
  }

  private static TableShape inspect(List<TabularSample> rows, List<String> ids, String where) {
    return TableShape.inspect(new PreprocessingData<>(rows, rows, ids, where));
  }

  /** The concept encoder the plugin makes for rows of {@code columns} columns. */
  private Block encoder(TabularEncoderConfig config, int columns, int k) {
    List<TabularSample> rows = List.of(new TabularSample(new float[columns]));
    return definition.fit(PreprocessingData.of(rows, "toy"), config)
        .conceptEncoder(EncoderContext.of(k));
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void describesItself() {
    assertThat(plugin.id()).isEqualTo("tabular");
    assertThat(definition.sampleType()).isEqualTo(TabularSample.class);
    assertThat(definition.optionsType()).isEqualTo(TabularEncoderConfig.class);
    assertThat(definition.defaults()).isEqualTo(new TabularEncoderConfig(List.of(30)));
    assertThat(plugin.description()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void serviceLoaderFindsThePluginById() {
    List<String> ids = new ArrayList<>();
    ModalityPlugin<?, ?> found = null;
    for (ModalityPlugin<?, ?> p : ServiceLoader.load(ModalityPlugin.class)) {
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
    TabularSample s = readSample(json("[1, -2.5, 0, 3e2, 7]"), "data.jsonl line 3");
    assertThat(s.values()).containsExactly(1f, -2.5f, 0f, 300f, 7f);
    assertThat(s.width()).isEqualTo(5);
    assertThat(readSample(json("[]"), "x").width()).isZero();
  }

  @Test
  void readSampleRejectsNonListsWithAOneLineMessage() throws Exception {
    for (String text : new String[] {"{\"a\": 1}", "\"1,2,3\"", "42", "null"}) {
      JsonNode node = json(text);
      assertThatThrownBy(() -> readSample(node, "data.jsonl line 12"))
          .as(text)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("data.jsonl line 12: found ")
          .hasMessageContaining("expected a list of numbers")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
    assertThatThrownBy(() -> readSample(null, "file.yaml sample 4"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("file.yaml sample 4")
        .hasMessageContaining("expected a list of numbers");
  }

  @Test
  void readSampleRejectsNonNumbersNamingTheColumn() throws Exception {
    JsonNode node = json("[1, \"two\", 3]");
    assertThatThrownBy(() -> readSample(node, "data.jsonl line 5"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data.jsonl line 5: column 1 is ")
        .hasMessageContaining("two")
        .hasMessageContaining("expected a number")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    JsonNode nested = json("[1, 2, [3]]");
    assertThatThrownBy(() -> readSample(nested, "w"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 2");
    JsonNode withNull = json("[null, 2]");
    assertThatThrownBy(() -> readSample(withNull, "w"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 0");
  }

  private static List<TabularSample> rows(float[]... values) {
    return Arrays.stream(values).map(TabularSample::new).toList();
  }

  @Test
  void inspectReturnsTheCommonWidth() {
    TableShape spec =
        inspect(rows(new float[] {1, 2, 3}, new float[] {4, 5, 6}), List.of("a", "b"), "toy");
    assertThat(spec.columns()).isEqualTo(3);
    assertThat(spec.summary()).isEqualTo("3 columns");
    assertThat(inspect(rows(new float[] {1}), List.of("a"), "toy").summary())
        .isEqualTo("1 column");
  }

  @Test
  void inspectRejectsAWidthMismatchNamingTheSample() {
    assertThatThrownBy(
            () ->
                inspect(
                    rows(new float[] {1, 2}, new float[] {3, 4}, new float[] {5, 6, 7}),
                    List.of("s0", "s1", "s2"),
                    "data set 'toy' modality 'table'"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data set 'toy' modality 'table' sample s2: ")
        .hasMessageContaining("found 3 columns")
        .hasMessageContaining("expected 2")
        .hasMessageContaining("sample s0");
    assertThatThrownBy(() -> inspect(rows(new float[0]), List.of("e"), "toy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample e")
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> inspect(List.of(), List.of(), "toy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("toy");
  }

  @Test
  void inspectRejectsNaNAndInfinityNamingSampleAndColumn() {
    assertThatThrownBy(
            () ->
                inspect(
                    rows(new float[] {1, 2, 3}, new float[] {1, Float.NaN, 3}),
                    List.of("r1", "r2"),
                    "toy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample r2")
        .hasMessageContaining("column 1 is NaN")
        .hasMessageContaining("expected a finite number");
    assertThatThrownBy(
            () ->
                inspect(
                    rows(new float[] {1, 2, Float.NEGATIVE_INFINITY}), List.of("r9"), "toy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample r9")
        .hasMessageContaining("column 2 is -Infinity");
    assertThatThrownBy(
            () -> inspect(rows(new float[] {Float.POSITIVE_INFINITY}), List.of("r0"), "toy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 0 is Infinity");
  }

  @Test
  void batchStacksRowsIntoABatchByWidthArray() {
    List<TabularSample> samples = rows(new float[] {1, 2, 3}, new float[] {-4, 5.5f, 6}, new float[] {0, 0, 9});
    TableShape spec = inspect(samples, List.of("a", "b", "c"), "toy");
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = spec.batch(samples, manager);
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
    for (List<Integer> hidden : List.of(List.<Integer>of(), List.of(30), List.of(8, 4))) {
      Block encoder = encoder(new TabularEncoderConfig(hidden), 6, 7);
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
  void definitionRejectsAForeignConfig() {
    EncoderConfig foreign = new EncoderConfig() {};
    assertThatThrownBy(() -> definition.options(foreign))
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
    Block encoder = encoder(new TabularEncoderConfig(List.of(4)), 3, 2);
    try (NDManager manager = NDManager.newBaseManager()) {
      encoder.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
      assertThat(encoder.getParameters().values()).allMatch(p -> p.requiresGradient());
    }
  }

  @Test
  void savedPreprocessingLoadsBackEqual(@TempDir Path dir) throws Exception {
    List<TabularSample> rows = rows(new float[] {1, 2, 3, 4});
    var fitted = definition.fit(PreprocessingData.of(rows, "toy"), TabularEncoderConfig.DEFAULTS);
    fitted.save(dir, "table");
    assertThat(Files.readString(dir.resolve("table.preprocessing.json")))
        .contains("\"columns\" : 4").contains("sharcs-preprocessing");
    var loaded = definition.load(dir, "table", TabularEncoderConfig.DEFAULTS);
    assertThat(loaded.preprocessor()).isEqualTo(new TableShape(4));
    assertThatThrownBy(() -> definition.load(dir, "other", TabularEncoderConfig.DEFAULTS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("other.preprocessing.json")
        .hasMessageContaining("file not found");
    Files.writeString(dir.resolve("bad.preprocessing.json"),
        "{\"format\": \"sharcs-preprocessing\", \"version\": 2}");
    assertThatThrownBy(() -> definition.load(dir, "bad", TabularEncoderConfig.DEFAULTS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("version 2");
  }
}
