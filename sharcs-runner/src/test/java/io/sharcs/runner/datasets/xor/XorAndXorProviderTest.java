package io.sharcs.runner.datasets.xor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.modality.graph.GraphSample;
import io.sharcs.modality.tabular.TabularSample;
import io.sharcs.runner.datasets.TestReaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XorAndXorProviderTest {

  private static final XorAndXorProvider PROVIDER = new XorAndXorProvider();
  private static MultimodalDataset dataset;

  @BeforeAll
  static void load() {
    dataset = PROVIDER.load(XorAndXorConfig.DEFAULTS, context(42L));
  }

  @Test
  void isFoundThroughServiceLoader() {
    List<DatasetProvider> providers = new ArrayList<>();
    ServiceLoader.load(DatasetProvider.class).forEach(providers::add);

    assertThat(providers)
        .filteredOn(p -> p.id().equals("xor-and-xor"))
        .singleElement()
        .isInstanceOf(XorAndXorProvider.class);
  }

  @Test
  void describesItsOptions() {
    assertThat(PROVIDER.id()).isEqualTo("xor-and-xor");
    assertThat(PROVIDER.description()).isNotBlank();
    assertThat(PROVIDER.configType()).isEqualTo(XorAndXorConfig.class);
    assertThat(PROVIDER.defaultConfig()).isEqualTo(new XorAndXorConfig(1000, 800, 0.2));
  }

  @Test
  void hasTheReferenceShapeAndSplit() {
    assertThat(dataset.name()).isEqualTo("xor-and-xor");
    assertThat(dataset.modalities()).containsExactly("graph", "table");
    assertThat(dataset.classNames()).containsExactly("0", "1");
    assertThat(dataset.train()).hasSize(800);
    assertThat(dataset.test()).hasSize(200);
    assertThat(dataset.fingerprint()).matches("[0-9a-f]{64}");
  }

  @Test
  void samplesAreNumberedInGenerationOrderAcrossTheSplit() {
    List<MultimodalSample> all = all(dataset);
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).id()).isEqualTo("xor-" + i);
    }
    assertThat(dataset.test().get(0).id()).isEqualTo("xor-800");
  }

  @Test
  void eachSampleHasAGraphAndATableWithConsistentKeysAndLabel() {
    for (MultimodalSample s : all(dataset)) {
      GraphSample graph = (GraphSample) s.input("graph").orElseThrow();
      TabularSample table = (TabularSample) s.input("table").orElseThrow();
      List<Integer> graphKey = XorGraphDecoder.decode(graph).contentKey();
      List<Integer> tableKey = List.of((int) table.get(1), (int) table.get(4));

      assertThat(s.contentKey("graph")).contains(graphKey);
      assertThat(s.contentKey("table")).contains(tableKey);
      int f1 = tableKey.get(0);
      int f2 = tableKey.get(1);
      int f3 = graphKey.get(0);
      assertThat(graphKey.get(1)).isEqualTo(f2);
      assertThat(s.label()).isEqualTo((f1 ^ f2) & (f2 ^ f3));
    }
  }

  @Test
  void counterpartsRenderEachModalitysContentInTheOther() {
    for (MultimodalSample s : all(dataset)) {
      TabularSample graphAsTable = (TabularSample) s.counterpart("graph", "table").orElseThrow();
      GraphSample tableAsGraph = (GraphSample) s.counterpart("table", "graph").orElseThrow();

      assertThat(List.of((int) graphAsTable.get(1), (int) graphAsTable.get(4)))
          .isEqualTo(s.contentKey("graph").orElseThrow());
      assertThat(XorGraphDecoder.decode(tableAsGraph).contentKey())
          .isEqualTo(s.contentKey("table").orElseThrow());
      assertThat(s.counterpart("graph", "graph")).isEmpty();
    }
  }

  @Test
  void aboutAQuarterOfTheSamplesArePositive() {
    long positives = 0;
    long total = 0;
    for (long seed = 1; seed <= 5; seed++) {
      for (MultimodalSample s : all(PROVIDER.load(XorAndXorConfig.DEFAULTS, context(seed)))) {
        positives += s.label();
        total++;
      }
    }
    assertThat((double) positives / total).isBetween(0.22, 0.28);
    double trainShare = all(dataset).stream().mapToInt(MultimodalSample::label).average().orElse(0);
    assertThat(trainShare).isBetween(0.2, 0.3);
  }

  @Test
  void sameSeedGivesTheSameDataAndFingerprint() {
    MultimodalDataset again = PROVIDER.load(XorAndXorConfig.DEFAULTS, context(42L));

    assertThat(again.train()).isEqualTo(dataset.train());
    assertThat(again.test()).isEqualTo(dataset.test());
    assertThat(again.fingerprint()).isEqualTo(dataset.fingerprint());
  }

  @Test
  void anotherSeedGivesOtherDataAndFingerprint() {
    MultimodalDataset other = PROVIDER.load(XorAndXorConfig.DEFAULTS, context(43L));

    assertThat(other.train()).isNotEqualTo(dataset.train());
    assertThat(other.fingerprint()).isNotEqualTo(dataset.fingerprint());
  }

  @Test
  void fingerprintCoversTheSplitAndTheNoise() {
    String otherSplit = PROVIDER.load(new XorAndXorConfig(1000, 700, 0.2), context(42L)).fingerprint();
    String noNoise = PROVIDER.load(new XorAndXorConfig(1000, 800, 0.0), context(42L)).fingerprint();

    assertThat(List.of(otherSplit, noNoise)).doesNotContain(dataset.fingerprint());
  }

  @Test
  void honoursSizeAndTrainSize() {
    MultimodalDataset small = PROVIDER.load(new XorAndXorConfig(10, 7, 0.2), context(1L));

    assertThat(small.train()).hasSize(7);
    assertThat(small.test()).hasSize(3);
    assertThat(small.test().get(2).id()).isEqualTo("xor-9");
  }

  @Test
  void rejectsAnotherProvidersConfig() {
    DatasetConfig foreign = new DatasetConfig() {};

    assertThatThrownBy(() -> PROVIDER.load(foreign, context(1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XorAndXorConfig");
  }

  private static DatasetContext context(long seed) {
    return TestReaders.context(seed, Path.of("."), "test.yaml");
  }

  private static List<MultimodalSample> all(MultimodalDataset d) {
    return Stream.concat(d.train().stream(), d.test().stream()).toList();
  }
}
