package io.sharcs.runner.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasetDigestTest {

  @Test
  void emptyDigestIsTheSha256OfNothing() {
    assertThat(new DatasetDigest().hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void equalValuesGiveEqualDigests() {
    float[][] x = {{0.5f}, {0f}};
    int[][] edges = {{0, 1}};

    assertThat(new DatasetDigest().add("a").addGraph(x, edges, null).hex())
        .isEqualTo(new DatasetDigest().add("a").addGraph(x, edges, null).hex());
  }

  @Test
  void lengthPrefixesKeepDifferentSequencesApart() {
    assertThat(new DatasetDigest().add("ab").add("c").hex())
        .isNotEqualTo(new DatasetDigest().add("a").add("bc").hex());
    assertThat(new DatasetDigest().add(new float[] {1f}).add(new float[0]).hex())
        .isNotEqualTo(new DatasetDigest().add(new float[0]).add(new float[] {1f}).hex());
  }

  @Test
  void everyPartOfAGraphCounts() {
    float[][] features = {{0.5f}, {0f}};
    String base = new DatasetDigest().addGraph(features, new int[][] {{0, 1}}, null).hex();

    assertThat(new DatasetDigest().addGraph(features, new int[][] {{1, 0}}, null).hex())
        .isNotEqualTo(base);
    assertThat(
            new DatasetDigest()
                .addGraph(new float[][] {{0.25f}, {0f}}, new int[][] {{0, 1}}, null)
                .hex())
        .isNotEqualTo(base);
    assertThat(
            new DatasetDigest()
                .addGraph(features, new int[][] {{0, 1}}, new float[][] {{0, 0}, {1, 1}})
                .hex())
        .isNotEqualTo(base);
  }
}
