package io.sharcs.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RelativeRepresentationTest {

  private static final float[][] ANCHORS = {{1, 0}, {0, 2}, {1, 1}, {-3, 0}};

  @Test
  void cosineSimilarityToEveryAnchor() {
    float[][] rel = RelativeRepresentation.of(new float[][] {{2, 0}, {3, 4}}, ANCHORS);
    assertThat(rel).hasDimensions(2, 4);
    double s = Math.sqrt(0.5);
    assertThat(rel[0]).containsExactly(1f, 0f, (float) s, -1f);
    assertThat((double) rel[1][0]).isCloseTo(0.6, within(1e-7));
    assertThat((double) rel[1][1]).isCloseTo(0.8, within(1e-7));
    assertThat((double) rel[1][2]).isCloseTo(7 / (5 * Math.sqrt(2)), within(1e-7));
    assertThat((double) rel[1][3]).isCloseTo(-0.6, within(1e-7));
  }

  @Test
  void invariantToTheScaleOfEmbeddingAndAnchors() {
    float[][] a = RelativeRepresentation.of(new float[][] {{3, 4}}, ANCHORS);
    float[][] b =
        RelativeRepresentation.of(
            new float[][] {{30, 40}}, new float[][] {{5, 0}, {0, 1}, {7, 7}, {-1, 0}});
    for (int j = 0; j < 4; j++) {
      assertThat((double) b[0][j]).isCloseTo(a[0][j], within(1e-6));
    }
  }

  @Test
  void normsBelowEpsAreFloored() {
    // |x| = 1e-7 < eps = 1e-6: x . a / (eps * |a|) = 1e-7 / 1e-6 = 0.1, not 1
    float[][] tiny = RelativeRepresentation.of(new float[][] {{1e-7f, 0}}, new float[][] {{2, 0}});
    assertThat((double) tiny[0][0]).isCloseTo(0.1, within(1e-6));
    // a zero embedding (or anchor) is similar to nothing, rather than NaN
    float[][] zero = RelativeRepresentation.of(new float[][] {{0, 0}}, ANCHORS);
    assertThat(zero[0]).containsOnly(0f);
    float[][] zeroAnchor =
        RelativeRepresentation.of(new float[][] {{1, 1}}, new float[][] {{0, 0}});
    assertThat(zeroAnchor[0]).containsExactly(0f);
    assertThat(RelativeRepresentation.EPS).isEqualTo(1e-6);
  }

  @Test
  void widthsMustAgree() {
    assertThatThrownBy(() -> RelativeRepresentation.of(new float[][] {{1, 2, 3}}, ANCHORS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3")
        .hasMessageContaining("2");
  }
}
