package io.sharcs.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptSetsTest {

  private static final float[][] S1 = {{1f, 2f}, {3f, 4f}, {5f, 6f}};
  private static final float[][] S2 = {{-1f, -2f}, {-3f, -4f}, {-5f, -6f}};

  @Test
  void stackRowsIsModalityMajor() {
    float[][] shared = ConceptSets.stackRows(List.of(S1, S2));

    assertThat(shared).hasDimensions(6, 2);
    assertThat(shared[0]).containsExactly(1f, 2f);
    assertThat(shared[2]).containsExactly(5f, 6f);
    assertThat(shared[3]).containsExactly(-1f, -2f);
    assertThat(shared[5]).containsExactly(-5f, -6f);
    // Rows are copies: changing the stack leaves the inputs alone.
    shared[0][0] = 42f;
    assertThat(S1[0][0]).isEqualTo(1f);
  }

  @Test
  void repeatLabelsMatchesTheStack() {
    assertThat(ConceptSets.repeatLabels(new int[] {0, 1, 1}, 2)).containsExactly(0, 1, 1, 0, 1, 1);
    assertThat(ConceptSets.repeatLabels(new int[] {4}, 1)).containsExactly(4);
    assertThatThrownBy(() -> ConceptSets.repeatLabels(new int[] {0}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("times");
  }

  @Test
  void concatColumnsPutsModalitiesSideBySide() {
    float[][] third = {{9f}, {8f}, {7f}};
    float[][] combined = ConceptSets.concatColumns(List.of(S1, S2, third));

    assertThat(combined).hasDimensions(3, 5);
    assertThat(combined[0]).containsExactly(1f, 2f, -1f, -2f, 9f);
    assertThat(combined[2]).containsExactly(5f, 6f, -5f, -6f, 7f);
  }

  @Test
  void rejectsMismatchedModalities() {
    assertThatThrownBy(() -> ConceptSets.stackRows(List.of(S1, new float[][] {{1f}})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modality 1 has 1 concept columns but modality 0 has 2");
    assertThatThrownBy(() -> ConceptSets.concatColumns(List.of(S1, new float[][] {{1f}})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modality 1 has 1 rows but modality 0 has 3");
    assertThatThrownBy(() -> ConceptSets.stackRows(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setsFeedTheAnalyses() {
    // Two modalities that agree on every concept: the shared set has as many clusters as one
    // modality, and stacking doubles every cluster's size.
    float[][] shared = ConceptSets.stackRows(List.of(S1, S1));
    int[] labels = ConceptSets.repeatLabels(new int[] {0, 1, 1}, 2);
    ConceptClusters.Result clusters = ConceptClusters.find(shared, labels);
    assertThat(clusters.count()).isEqualTo(1);
    assertThat(clusters.clusters().get(0).size()).isEqualTo(6);
  }
}
