package io.sharcs.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassMetricsTest {

  @Test
  void handComputedThreeClassCase() {
    //          truth:  a a a b b c
    //      predicted:  a a b b a a      (c is never predicted)
    int[] truth = {0, 0, 0, 1, 1, 2};
    int[] predicted = {0, 0, 1, 1, 0, 0};

    ClassMetrics m = ClassMetrics.of(truth, predicted, List.of("a", "b", "c"));

    assertThat(m.confusion())
        .containsExactly(List.of(2, 1, 0), List.of(1, 1, 0), List.of(1, 0, 0));
    assertThat(m.accuracy()).isEqualTo(0.5);
    ClassMetrics.PerClass a = m.perClass().get(0);
    assertThat(a.precision()).isEqualTo(0.5); // 2 of the 4 predicted a
    assertThat(a.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(a.f1()).isCloseTo(4.0 / 7, within(1e-12));
    ClassMetrics.PerClass b = m.perClass().get(1);
    assertThat(b.precision()).isEqualTo(0.5);
    assertThat(b.recall()).isEqualTo(0.5);
    assertThat(b.f1()).isEqualTo(0.5);
    ClassMetrics.PerClass c = m.perClass().get(2);
    assertThat(c.support()).isEqualTo(1);
    assertThat(c.predicted()).isZero();
    assertThat(c.precision()).isZero();
    assertThat(c.f1()).isZero();
    assertThat(m.macroPrecision()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.macroRecall()).isCloseTo((2.0 / 3 + 0.5) / 3, within(1e-12));
    assertThat(m.macroF1()).isCloseTo((4.0 / 7 + 0.5) / 3, within(1e-12));
    assertThat(m.rows()).isEqualTo(6);
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> ClassMetrics.of(new int[] {0, 3}, new int[] {0, 0}, List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("true label of row 1 is 3, outside 0..1");
    assertThatThrownBy(() -> ClassMetrics.of(new int[] {0}, new int[] {0, 0}, List.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 true labels but 2 predictions");
  }
}
