package io.sharcs.core.data;

import io.sharcs.api.ModalityDefinition;

import io.sharcs.core.fixtures.VectorTestModality;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreparedDataTest {

  private static final ModalityDefinition<float[], VectorTestModality.Config> VECTOR =
      VectorTestModality.definition();

  private static List<ModalityBinding> bindings(String... names) {
    return java.util.Arrays.stream(names)
        .map(n -> new ModalityBinding(n, VECTOR, new VectorTestModality.Config(4)))
        .toList();
  }

  private static MultimodalSample sample(String id, int label, Map<String, Object> inputs) {
    return new MultimodalSample(id, label, inputs, null, null);
  }

  private static MultimodalSample good(String id, int label) {
    return new MultimodalSample(
        id,
        label,
        Map.of("a", new float[] {1, 2, 3}, "b", new float[] {4, 5}),
        Map.of("a", "key-" + id),
        Map.of("a", Map.of("b", new float[] {9, 9})));
  }

  private static MultimodalDataset dataset(List<MultimodalSample> train, List<MultimodalSample> test) {
    return new MultimodalDataset("toy", List.of("a", "b"), List.of("no", "yes"), train, test, "fp");
  }

  @Test
  void arrangesInputsLabelsAndKeysBySlot() {
    MultimodalDataset data =
        dataset(List.of(good("t0", 0), good("t1", 1), good("t2", 1)), List.of(good("e0", 0)));
    PreparedData p = PreparedData.prepare(data, bindings("a", "b"));
    assertThat(p.name()).isEqualTo("toy");
    assertThat(p.classes()).isEqualTo(2);
    assertThat(p.slots()).extracting(PreparedData.Slot::name).containsExactly("a", "b");
    assertThat(p.slots().get(0).options()).isEqualTo(new VectorTestModality.Config(4));
    assertThat(p.slots().get(1).summary()).isEqualTo("vector");
    try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
      // The fitted widths: 3 for "a" and 2 for "b".
      assertThat(p.batch(0, p.train(), new int[] {0, 2}, manager).head().getShape())
          .isEqualTo(new ai.djl.ndarray.types.Shape(2, 3));
      assertThat(p.batch(1, p.train(), new int[] {1}, manager).head().getShape())
          .isEqualTo(new ai.djl.ndarray.types.Shape(1, 2));
    }
    assertThat(p.train().size()).isEqualTo(3);
    assertThat(p.test().size()).isEqualTo(1);
    assertThat(p.train().labels()).containsExactly(0, 1, 1);
    assertThat(p.train().labels(new int[] {2, 0})).containsExactly(1, 0);
    List<Object[]> keys = p.train().keys(new int[] {1, 2});
    assertThat(keys.get(0)).containsExactly("key-t1", "key-t2");
    assertThat(keys.get(1)).containsExactly(null, null);
    assertThat((float[]) p.train().input(1, 0)).containsExactly(4f, 5f);

    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = p.batch(0, p.train(), new int[] {0, 2}, manager);
      assertThat(batch.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 3));
      assertThat(batch.singletonOrThrow().toFloatArray()).containsExactly(1, 2, 3, 1, 2, 3);
    }
  }

  @Test
  void aSampleMissingAModalityIsNamed() {
    MultimodalDataset data =
        dataset(
            List.of(good("t0", 0), sample("t1", 1, Map.of("a", new float[] {1, 2, 3}))),
            List.of(good("e0", 0)));
    assertThatThrownBy(() -> PreparedData.prepare(data, bindings("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("data set 'toy'")
        .hasMessageContaining("sample t1")
        .hasMessageContaining("modality 'b' is absent")
        .hasMessageContaining("expected an input for every modality");
  }

  @Test
  void aMissingModalityInTheTestSplitIsNamedToo() {
    MultimodalDataset data =
        dataset(
            List.of(good("t0", 0)),
            List.of(sample("e7", 0, Map.of("b", new float[] {1, 2}))));
    assertThatThrownBy(() -> PreparedData.prepare(data, bindings("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample e7")
        .hasMessageContaining("modality 'a' is absent");
  }

  @Test
  void aWrongSampleTypeIsNamedWithTheExpectedType() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("a", new float[] {1, 2, 3});
    inputs.put("b", "not a vector");
    MultimodalDataset data =
        dataset(List.of(good("t0", 0), sample("t1", 1, inputs)), List.of(good("e0", 0)));
    assertThatThrownBy(() -> PreparedData.prepare(data, bindings("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample t1")
        .hasMessageContaining("modality 'b'")
        .hasMessageContaining("found String")
        .hasMessageContaining("expected float[]")
        .hasMessageContaining("plugin 'vector'");
  }

  @Test
  void aCounterpartOfTheWrongTypeIsNamed() {
    MultimodalSample bad =
        new MultimodalSample(
            "t9",
            0,
            Map.of("a", new float[] {1, 2, 3}, "b", new float[] {4, 5}),
            null,
            Map.of("a", Map.of("b", 42)));
    MultimodalDataset data = dataset(List.of(good("t0", 0), bad), List.of(good("e0", 0)));
    assertThatThrownBy(() -> PreparedData.prepare(data, bindings("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample t9 (counterpart of a)")
        .hasMessageContaining("found Integer")
        .hasMessageContaining("expected float[]");
  }

  @Test
  void aLabelOutOfRangeIsNamedWithTheValidRange() {
    MultimodalDataset high = dataset(List.of(good("t0", 0), good("t1", 2)), List.of(good("e0", 0)));
    assertThatThrownBy(() -> PreparedData.prepare(high, bindings("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample t1")
        .hasMessageContaining("label 2")
        .hasMessageContaining("expected 0..1");
    MultimodalDataset negative = dataset(List.of(good("t0", 0)), List.of(good("e3", -1)));
    assertThatThrownBy(() -> PreparedData.prepare(negative, bindings("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sample e3")
        .hasMessageContaining("label -1")
        .hasMessageContaining("expected 0..1");
  }

  @Test
  void bindingsThatDoNotMatchTheDataSetsModalitiesAreRejected() {
    MultimodalDataset data = dataset(List.of(good("t0", 0)), List.of(good("e0", 0)));
    assertThatThrownBy(() -> PreparedData.prepare(data, bindings("a", "c")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("[a, c]")
        .hasMessageContaining("[a, b]")
        .hasMessageContaining("expected the same names in the same order");
    assertThatThrownBy(() -> PreparedData.prepare(data, bindings("b", "a")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("[b, a]");
    assertThatThrownBy(() -> PreparedData.prepare(data, bindings("a")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("[a]");
  }

  @Test
  void errorMessagesAreOneLine() {
    MultimodalDataset data = dataset(List.of(good("t0", 0), good("t1", 5)), List.of(good("e0", 0)));
    assertThatThrownBy(() -> PreparedData.prepare(data, bindings("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
