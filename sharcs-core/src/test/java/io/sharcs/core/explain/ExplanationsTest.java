package io.sharcs.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.Rendering;
import io.sharcs.core.analysis.ConceptCatalogue;
import io.sharcs.core.analysis.ConceptTree;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.eval.ConceptBank;
import io.sharcs.core.fixtures.ThreeViewXorData;
import io.sharcs.core.fixtures.TwoViewXorData;
import io.sharcs.core.fixtures.VectorTestModality;
import io.sharcs.core.pipeline.Pipelines;
import io.sharcs.core.pipeline.RunResult;
import io.sharcs.core.saved.LoadedModel;
import io.sharcs.core.saved.PredictionsCsv;
import io.sharcs.core.saved.SavedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explanations of trained models: every part present, consistent with the run's metrics,
 * predictions and retrieval banks, and computed again identically from the saved model.
 */
class ExplanationsTest {

  private static RunSettings settings(Mode mode, boolean explain) {
    return new RunSettings(
        7, mode, Protocol.CLEAN, new ModelConfig(5, 5, 6, 8),
        new TrainingConfig(8, 32, 5e-3, 0.1, 0.1, false), explain);
  }

  private static List<ModalityBinding> bindings(List<String> names) {
    ModalityDefinition<float[], VectorTestModality.Config> vector =
        VectorTestModality.definition();
    List<ModalityBinding> out = new ArrayList<>();
    for (String n : names) {
      out.add(new ModalityBinding(n, vector, new VectorTestModality.Config(8)));
    }
    return out;
  }

  private static RunResult run(MultimodalDataset data, Mode mode, boolean explain, Path dir) {
    return Pipelines.run(data, bindings(data.modalities()), settings(mode, explain), r -> { }, dir);
  }

  @Test
  void twoModalitySharcsRunIsExplainedConsistentlyWithItsMetrics(@TempDir Path dir) {
    MultimodalDataset data = TwoViewXorData.generate(200, 160, 3);
    RunResult run = run(data, Mode.SHARCS, true, dir);
    Explanations e = run.tables().explanations().orElseThrow();
    checkConsistent(e, run, data, 5);
  }

  @Test
  void threeModalityRunHasEveryOrderedPairAndCombinedFeatures(@TempDir Path dir) {
    MultimodalDataset data = ThreeViewXorData.generate(240, 180, 4);
    RunResult run = run(data, Mode.SHARCS, true, dir);
    Explanations e = run.tables().explanations().orElseThrow();
    checkConsistent(e, run, data, 5);
    assertThat(e.crossModal().stream().map(x -> x.from() + ">" + x.to()).distinct())
        .hasSize(6);
    assertThat(e.trees().get(0).tree().featureNames()).hasSize(15)
        .contains(data.modalities().get(2) + ":shared.4");
  }

  @Test
  void multiCbmHasNoSharedCatalogueAndTreesOverLocalConcepts(@TempDir Path dir) {
    MultimodalDataset data = TwoViewXorData.generate(200, 160, 5);
    RunResult run = run(data, Mode.MULTI_CBM, true, dir);
    Explanations e = run.tables().explanations().orElseThrow();
    assertThat(e.sharedSpace()).isFalse();
    assertThat(e.catalogues()).extracting(ConceptCatalogue::setName)
        .containsExactlyElementsOf(data.modalities());
    assertThat(e.maps()).hasSize(2);
    assertThat(e.trees().get(0).tree().featureNames())
        .startsWith(data.modalities().get(0) + ".0");
    checkConsistent(e, run, data, 5);
  }

  @Test
  void explainOffLeavesNoExplanationsAndNoTheirMetrics(@TempDir Path dir) {
    MultimodalDataset data = TwoViewXorData.generate(120, 90, 6);
    RunResult run = run(data, Mode.SHARCS, false, dir);
    assertThat(run.tables().explanations()).isEmpty();
    assertThat(run.metrics().keySet()).noneMatch(k -> k.startsWith("explanations."));
  }

  @Test
  void savedModelGivesTheSameExplanationsAgain(@TempDir Path dir) {
    MultimodalDataset data = TwoViewXorData.generate(200, 160, 8);
    RunResult run = run(data, Mode.SHARCS, true, dir);
    Explanations first = run.tables().explanations().orElseThrow();
    try (LoadedModel loaded =
        SavedModel.load(dir, bindings(data.modalities()), settings(Mode.SHARCS, true))) {
      Explanations again =
          SavedModelExplanations.of(loaded, data, ExplanationBuilder.Options.defaults());
      assertThat(again.catalogues()).isEqualTo(first.catalogues());
      assertThat(again.maps()).isEqualTo(first.maps());
      assertThat(again.crossModal()).isEqualTo(first.crossModal());
      assertThat(again.retrievals()).isEqualTo(first.retrievals());
      assertThat(again.classMetrics()).isEqualTo(first.classMetrics());
      for (int t = 0; t < first.trees().size(); t++) {
        assertThat(again.trees().get(t).tree().rules())
            .isEqualTo(first.trees().get(t).tree().rules());
        assertThat(again.trees().get(t).fidelity()).isEqualTo(first.trees().get(t).fidelity());
        assertThat(again.trees().get(t).examples()).isEqualTo(first.trees().get(t).examples());
      }
      assertThat(again.samples().keySet()).isEqualTo(first.samples().keySet());
    }
  }

  private static void checkConsistent(
      Explanations e, RunResult run, MultimodalDataset data, int k) {
    int slots = data.modalities().size();
    // Catalogue: every concept of every set, one sentence each.
    for (ConceptCatalogue c : e.catalogues()) {
      assertThat(c.concepts()).hasSize(k);
      String prefix = c.setName().equals("shared") ? "shared concept " : c.setName() + " concept ";
      assertThat(c.concepts()).allSatisfy(entry ->
          assertThat(entry.sentence()).startsWith(prefix + entry.index() + ": on for "));
    }
    // The unlimited tree is the completeness tree: same accuracy as the metric.
    TreeExplanation unlimited = e.trees().get(1);
    assertThat(unlimited.maxDepth()).isZero();
    assertThat(unlimited.fidelity().treeAccuracy())
        .isEqualTo(run.metrics().get("completeness.combined"));
    assertThat(e.trees().get(0).tree().depth()).isLessThanOrEqualTo(3);
    // Fidelity: agreement with the network's predictions of predictions.csv (all test rows).
    List<PredictionsCsv.Row> predictions = run.tables().predictions();
    ConceptTree tree = unlimited.tree();
    int agree = 0;
    for (int r = 0; r < predictions.size(); r++) {
      if (tree.testPredictions()[r] == predictions.get(r).prediction().label()) {
        agree++;
      }
    }
    assertThat(unlimited.fidelity().agreement()).isEqualTo(agree / (double) predictions.size());
    assertThat(run.metrics().get("explanations.tree.fidelity"))
        .isEqualTo(unlimited.fidelity().agreement());
    // Every node's examples reach it: they satisfy the node's path.
    for (ConceptTree.Node node : tree.nodes()) {
      assertThat(unlimited.examples().get(node.id())).hasSizeLessThanOrEqualTo(3)
          .hasSize(Math.min(3, node.trainRows()));
    }
    // Cross-modal: k nearest of the other modality's bank, nearest first, ids from the bank.
    assertThat(e.crossModal()).hasSize(slots * (slots - 1) * 3);
    for (CrossModalExample x : e.crossModal()) {
      assertThat(x.neighbours()).hasSize(4);
      for (int i = 1; i < x.neighbours().size(); i++) {
        assertThat(x.neighbours().get(i).distance())
            .isGreaterThanOrEqualTo(x.neighbours().get(i - 1).distance());
      }
      x.neighbours().forEach(nb ->
          assertThat(e.sample(nb.sample()).id()).isEqualTo(nb.id()));
      assertThat(x.query().test()).isTrue();
    }
    // Retrieval with provenance: a training sample, named as the view of that sample.
    assertThat(e.retrievals()).hasSize(slots * 3);
    for (RetrievalExample r : e.retrievals()) {
      assertThat(r.retrieved().test()).isFalse();
      assertThat(e.sample(r.retrieved()).id()).isEqualTo(r.retrievedId());
      assertThat(r.distance()).isGreaterThanOrEqualTo(0);
    }
    // Maps: local per modality (+ shared), at most the configured points, prototypes marked.
    for (ConceptMapView map : e.maps()) {
      assertThat(map.points()).isNotEmpty().hasSizeLessThanOrEqualTo(
          Math.max(ExplanationBuilder.Options.defaults().mapPoints(), map.totalRows()));
      assertThat(map.points()).anyMatch(ConceptMapView.MapPoint::prototype);
    }
    // Every sample shown is drawn in each of its modalities (text for this test plugin).
    assertThat(e.samples()).isNotEmpty();
    e.samples().values().forEach(v ->
        assertThat(v.renderings().values()).hasSize(slots)
            .allSatisfy(r -> assertThat(r.mediaType()).isEqualTo(Rendering.TEXT)));
    assertThat(e.classMetrics().rows()).isEqualTo(data.test().size());
  }
}
