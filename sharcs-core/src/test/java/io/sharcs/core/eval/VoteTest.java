package io.sharcs.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VoteTest {

  @Test
  void theMostConfidentHeadDecides() {
    float[][] graph = {{2.0f, -1f}, {0.1f, 0.2f}, {-3f, -0.5f}};
    float[][] table = {{-1f, 1.5f}, {3.0f, -2f}, {-0.2f, -4f}};
    // row 0: graph's max 2.0 beats table's 1.5 -> class 0
    // row 1: table's 3.0 beats graph's 0.2 -> class 0
    // row 2: graph's max -0.5 (class 1) is below table's -0.2 (class 0) -> class 0
    assertThat(Vote.predict(List.of(graph, table))).containsExactly(0, 0, 0);
    assertThat(Vote.predict(List.of(table, graph))).containsExactly(0, 0, 0);
    float[][] third = {{0f, 5f}, {0f, 0f}, {0f, 1f}};
    assertThat(Vote.predict(List.of(graph, table, third))).containsExactly(1, 0, 1);
  }

  @Test
  void tiesGoToTheFirstHeadThenTheLowestClass() {
    float[][] first = {{1f, 0f}, {0.5f, 0.5f}};
    float[][] second = {{0f, 1f}, {0.5f, 0.5f}};
    assertThat(Vote.predict(List.of(first, second))).containsExactly(0, 0);
    assertThat(Vote.predict(List.of(second, first))).containsExactly(1, 0);
  }

  @Test
  void confidenceIsComparedOnLogitsSoSaturatedProbabilitiesStillRank() {
    // sigmoid(20) and sigmoid(30) are both 1.0f; the larger logit still wins
    float[][] first = {{20f, -20f}};
    float[][] second = {{-30f, 30f}};
    assertThat(Vote.predict(List.of(first, second))).containsExactly(1);
  }

  @Test
  void aSingleHeadIsItsOwnArgMax() {
    float[][] only = {{0f, 1f, 3f}, {2f, 1f, 0f}};
    assertThat(Vote.predict(List.<float[][]>of(only)))
        .containsExactly(2, 0);
  }
}
