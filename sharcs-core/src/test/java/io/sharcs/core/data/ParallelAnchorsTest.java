package io.sharcs.core.data;

import io.sharcs.api.ModalityDefinition;

import io.sharcs.core.data.PreparedData.Split;
import io.sharcs.core.fixtures.VectorTestModality;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class ParallelAnchorsTest {

  private static final ModalityDefinition<float[], VectorTestModality.Config> VECTOR =
      VectorTestModality.definition();
  private static final List<String> SLOTS = List.of("a", "b", "c");

  /**
   * Sample i: a = [i], b = [100 + i], c = [200 + i]; where {@code rendered} holds, a's content
   * rendered in b is [1000 + i] and in c [2000 + i]; sample 7 has a rendering in b but not in c.
   */
  private static Split train(int n, IntPredicate rendered) {
    List<MultimodalSample> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Map<String, Object>> counterparts =
          !rendered.test(i)
              ? null
              : i == 7
                  ? Map.of("a", Map.of("b", new float[] {1000 + i}))
                  : Map.of(
                      "a", Map.of("b", new float[] {1000 + i}, "c", new float[] {2000 + i}),
                      // a rendering of b's content must never be used: the pivot is a
                      "b", Map.of("a", new float[] {-1}, "c", new float[] {-1}));
      samples.add(
          new MultimodalSample(
              "s" + i,
              i % 2,
              Map.of("a", new float[] {i}, "b", new float[] {100 + i}, "c", new float[] {200 + i}),
              null,
              counterparts));
    }
    MultimodalDataset dataset =
        new MultimodalDataset(
            "anchors", SLOTS, List.of("0", "1"), samples, samples.subList(0, 1), "fp");
    List<ModalityBinding> bindings = new ArrayList<>();
    for (String s : SLOTS) {
      bindings.add(new ModalityBinding(s, VECTOR, new VectorTestModality.Config(2)));
    }
    return PreparedData.prepare(dataset, bindings).train();
  }

  private static int id(String sampleId) {
    return Integer.parseInt(sampleId.substring(1));
  }

  @Test
  void pivotUsesItsOwnInputAndOtherSlotsThePivotsCounterparts() {
    Split train = train(50, i -> true);
    ParallelAnchors anchors =
        ParallelAnchors.select(train, SLOTS, 0.2, new SplittableRandom(1), "test");
    // floor(0.2 * 50) = 10 drawn; sample 7 lacks its rendering in c and is skipped if drawn
    assertThat(anchors.size()).isBetween(9, 10);
    assertThat(anchors.inputs()).hasSize(3);
    for (int j = 0; j < anchors.size(); j++) {
      int i = id(anchors.ids().get(j));
      assertThat(i).isNotEqualTo(7);
      assertThat(((float[]) anchors.inputs().get(0).get(j))[0]).isEqualTo(i);
      assertThat(((float[]) anchors.inputs().get(1).get(j))[0]).isEqualTo(1000 + i);
      assertThat(((float[]) anchors.inputs().get(2).get(j))[0]).isEqualTo(2000 + i);
      // the pivot's own input object, not a copy
      assertThat(anchors.inputs().get(0).get(j)).isSameAs(train.input(0, i));
    }
    assertThat(new HashSet<>(anchors.ids())).hasSize(anchors.size());
  }

  @Test
  void seededDrawIsReproducibleAndDependsOnTheSeed() {
    Split train = train(200, i -> true);
    List<String> first =
        ParallelAnchors.select(train, SLOTS, 0.1, new SplittableRandom(42), "test").ids();
    List<String> again =
        ParallelAnchors.select(train, SLOTS, 0.1, new SplittableRandom(42), "test").ids();
    List<String> other =
        ParallelAnchors.select(train, SLOTS, 0.1, new SplittableRandom(43), "test").ids();
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    // a shuffled draw, not the first rows
    assertThat(first).isNotEqualTo(List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8",
        "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19"));
  }

  @Test
  void samplesWithoutRenderingsAreSkipped() {
    Split train = train(40, i -> i % 2 == 0);
    ParallelAnchors all = ParallelAnchors.select(train, SLOTS, 1.0, new SplittableRandom(3), "t");
    // every sample drawn: the 20 even ones have renderings
    assertThat(all.size()).isEqualTo(20);
    assertThat(all.ids()).allMatch(s -> id(s) % 2 == 0);
  }

  @Test
  void noUsableAnchorIsAClearError() {
    Split train = train(10, i -> false);
    assertThatThrownBy(
            () -> ParallelAnchors.select(train, SLOTS, 0.5, new SplittableRandom(3), "data set 'x'"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("data set 'x'")
        .hasMessageContaining("5 training samples")
        .hasMessageContaining("modality 'a'")
        .hasMessageContaining("counterpart");
  }
}
