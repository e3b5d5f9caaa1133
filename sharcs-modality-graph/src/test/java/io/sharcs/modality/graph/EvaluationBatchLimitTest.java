package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many graphs an evaluation batch may hold: the quadratic array within 32 MB. */
class EvaluationBatchLimitTest {

  @Test
  void superpixelGraphsWithGraclusGet145() {
    // n1 = ceil(0.6 * 80) = 48; 48 * 48 * 25 kernels * 4 bytes = 230,400 bytes a graph.
    assertThat(new GraphShape(1, 80, new SplineLayout(2, 5, "graclus")).evaluationBatchLimit())
        .isEqualTo(145);
  }

  @Test
  void withoutCoarseningTheWholeGraphCounts() {
    // 80 * 80 * 25 * 4 = 640,000 bytes a graph.
    assertThat(new GraphShape(1, 80, new SplineLayout(2, 5, "none")).evaluationBatchLimit())
        .isEqualTo(52);
  }

  @Test
  void theGcnCountsItsAdjacencyAndNeverGoesBelowOne() {
    assertThat(new GraphShape(3, 80).evaluationBatchLimit()).isEqualTo(1310);
    assertThat(new GraphShape(3, 2000).evaluationBatchLimit()).isEqualTo(2);
    assertThat(new GraphShape(3, 5000).evaluationBatchLimit()).isEqualTo(1);
  }
}
