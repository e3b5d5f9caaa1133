package io.sharcs.runner.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.modality.graph.GraphSample;
import io.sharcs.modality.tabular.TabularSample;
import org.junit.jupiter.api.Test;

class DatasetDigestTest {

  @Test
  void emptyDigestIsTheSha256OfNothing() {
    assertThat(new DatasetDigest().hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void equalValuesGiveEqualDigests() {
    GraphSample graph = new GraphSample(new float[][] {{0.5f}, {0f}}, new int[][] {{0, 1}});

    assertThat(new DatasetDigest().add("a").add(graph).hex())
        .isEqualTo(new DatasetDigest().add("a").add(graph).hex());
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
    String base = new DatasetDigest().add(new GraphSample(features, new int[][] {{0, 1}})).hex();

    assertThat(new DatasetDigest().add(new GraphSample(features, new int[][] {{1, 0}})).hex())
        .isNotEqualTo(base);
    assertThat(
            new DatasetDigest()
                .add(new GraphSample(new float[][] {{0.25f}, {0f}}, new int[][] {{0, 1}}))
                .hex())
        .isNotEqualTo(base);
    assertThat(
            new DatasetDigest()
                .add(new GraphSample(features, new int[][] {{0, 1}}, new float[][] {{0, 0}, {1, 1}}))
                .hex())
        .isNotEqualTo(base);
  }

  @Test
  void tablesAreHashedByTheirValues() {
    assertThat(new DatasetDigest().add(new TabularSample(new float[] {1, 0})).hex())
        .isEqualTo(new DatasetDigest().add(new float[] {1, 0}).hex())
        .isNotEqualTo(new DatasetDigest().add(new TabularSample(new float[] {0, 1})).hex());
  }
}
