package io.sharcs.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConceptClustersTest {

  // Patterns: rows 0, 3 -> "10"; rows 1, 4, 5 -> "01"; row 2 -> "11".
  private static final float[][] CONCEPTS = {
    {0.9f, 0.1f},
    {0.2f, 0.7f},
    {0.6f, 0.8f},
    {0.7f, 0.5f}, // 0.5 is not > 0.5: off
    {0.0f, 1.0f},
    {0.4f, 0.6f},
  };
  private static final int[] LABELS = {1, 0, 2, 1, 1, 0};

  @Test
  void countsDistinctPatternsInLexicographicOrder() {
    ConceptClusters.Result result = ConceptClusters.find(CONCEPTS, LABELS);

    assertThat(result.count()).isEqualTo(3);
    assertThat(result.clusters())
        .extracting(ConceptClusters.Cluster::pattern)
        .containsExactly("01", "10", "11");
    assertThat(result.clusters()).extracting(ConceptClusters.Cluster::size).containsExactly(3, 2, 1);
    assertThat(result.assignment()).containsExactly(1, 0, 2, 1, 0, 0);
    assertThat(result.clusters().get(2).active(0)).isTrue();
    assertThat(result.clusters().get(0).active(0)).isFalse();
  }

  @Test
  void centroidsAreMeansOfRawValues() {
    ConceptClusters.Result result = ConceptClusters.find(CONCEPTS, LABELS);

    float[] c01 = result.clusters().get(0).centroid(); // rows 1, 4, 5
    assertThat(c01[0]).isCloseTo((0.2f + 0.0f + 0.4f) / 3, within(1e-6f));
    assertThat(c01[1]).isCloseTo((0.7f + 1.0f + 0.6f) / 3, within(1e-6f));
    float[] c10 = result.clusters().get(1).centroid(); // rows 0, 3
    assertThat(c10).containsExactly(new float[] {0.8f, 0.3f}, within(1e-6f));
    assertThat(result.clusters().get(2).centroid()).containsExactly(0.6f, 0.8f);
  }

  @Test
  void purityCountsMajorityLabels() {
    // Cluster labels: "01" -> {0, 1, 0}, "10" -> {1, 1}, "11" -> {2}; majority counts 2 + 2 + 1.
    ConceptClusters.Result result = ConceptClusters.find(CONCEPTS, LABELS);

    assertThat(result.clusters())
        .extracting(ConceptClusters.Cluster::majorityLabel)
        .containsExactly(0, 1, 2);
    assertThat(result.clusters().get(0).labelPurity()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(result.clusters().get(1).labelPurity()).isEqualTo(1.0);
    assertThat(result.purity()).isCloseTo(5.0 / 6, within(1e-12));
  }

  @Test
  void majorityTiesGoToTheSmallestLabel() {
    ConceptClusters.Result result =
        ConceptClusters.find(new float[][] {{1f}, {1f}, {1f}, {1f}}, new int[] {3, 1, 3, 1});
    assertThat(result.count()).isEqualTo(1);
    assertThat(result.clusters().get(0).majorityLabel()).isEqualTo(1);
    assertThat(result.purity()).isEqualTo(0.5);
  }

  @Test
  void resultDoesNotShareArraysWithTheCaller() {
    ConceptClusters.Result result = ConceptClusters.find(CONCEPTS, LABELS);
    result.assignment()[0] = 99;
    result.clusters().get(2).centroid()[0] = 99f;
    assertThat(result.assignment()[0]).isEqualTo(1);
    assertThat(result.clusters().get(2).centroid()[0]).isEqualTo(0.6f);
    assertThat(ConceptClusters.find(CONCEPTS, LABELS)).isEqualTo(result);
  }

  @Test
  void rejectsBadShapes() {
    assertThatThrownBy(() -> ConceptClusters.find(CONCEPTS, new int[5]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concepts has 6 rows but labels has 5 labels");
    assertThatThrownBy(() -> ConceptClusters.find(new float[0][], new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no rows");
    assertThatThrownBy(() -> ConceptClusters.find(new float[][] {{1f}, {1f, 0f}}, new int[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ragged");
  }
}
