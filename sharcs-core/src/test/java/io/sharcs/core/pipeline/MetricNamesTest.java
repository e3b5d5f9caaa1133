package io.sharcs.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.core.data.PreprocessingReport;
import io.sharcs.core.eval.Accuracies;
import io.sharcs.core.eval.ConceptResults;
import io.sharcs.core.eval.MissingModalityResult;
import io.sharcs.core.eval.RetrievalResult;
import io.sharcs.core.eval.RobustnessResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The metric names of README "Metrics", from the result records. */
class MetricNamesTest {

  @Test
  void aConceptRunIsNamedAsInTheReadme() {
    Map<String, Double> attributes = new LinkedHashMap<>();
    attributes.put("color", 0.5);
    attributes.put("shape", 1.0);
    ModelResults model =
        new ModelResults(
            new Accuracies(0.9, 0.8),
            List.of(new MissingModalityResult("graph", 0.7), new MissingModalityResult("table", 0.6)),
            List.of(
                new RetrievalResult("text", "image", 0.5, attributes, OptionalDouble.of(0.75)),
                new RetrievalResult("image", "text", 0.25, Map.of(), OptionalDouble.empty())),
            List.of(new RobustnessResult("graph", 0.1, 0.2, 0.3)),
            Optional.of(
                new ConceptResults(
                    List.of(
                        new ConceptResults.Completeness("local.graph", 0.4, 5, 0.41),
                        new ConceptResults.Completeness("shared", 0.5, 5, 0.51),
                        new ConceptResults.Completeness("combined", 0.6, 5, 0.61)),
                    List.of(
                        new ConceptResults.Clusters("local.graph", 3, OptionalDouble.empty()),
                        new ConceptResults.Clusters("shared", 4, OptionalDouble.empty()),
                        new ConceptResults.Clusters("combined", 5, OptionalDouble.of(0.99))))),
            OptionalInt.empty(),
            0.06,
            new Timings(0.01, 2, 0, OptionalDouble.of(0.5)));
    RunReport report =
        new RunReport(
            model,
            List.of(
                new PreprocessingReport("text", "test", Map.of("unseen_tokens", 3.0)),
                new PreprocessingReport("text", "train", Map.of("unseen_tokens", 0.0))),
            9);

    SortedMap<String, Double> m = MetricNames.flatten(report);

    assertThat(m)
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.ofEntries(
                    Map.entry("accuracy.train", 0.9),
                    Map.entry("accuracy.test", 0.8),
                    Map.entry("missing_modality_accuracy.graph", 0.7),
                    Map.entry("missing_modality_accuracy.table", 0.6),
                    Map.entry("retrieval.text_to_image.exact", 0.5),
                    Map.entry("retrieval.text_to_image.color", 0.5),
                    Map.entry("retrieval.text_to_image.shape", 1.0),
                    Map.entry("retrieval.text_to_image.attributes", 0.75),
                    Map.entry("retrieval.image_to_text.exact", 0.25),
                    Map.entry("robustness.noise.graph", 0.1),
                    Map.entry("robustness.intervention_clean.graph", 0.2),
                    Map.entry("robustness.intervention_retrieved.graph", 0.3),
                    Map.entry("completeness.local.graph", 0.4),
                    Map.entry("completeness.local.graph.depth5", 0.41),
                    Map.entry("completeness.shared", 0.5),
                    Map.entry("completeness.shared.depth5", 0.51),
                    Map.entry("completeness.combined", 0.6),
                    Map.entry("completeness.combined.depth5", 0.61),
                    Map.entry("clusters.local.graph.count", 3.0),
                    Map.entry("clusters.shared.count", 4.0),
                    Map.entry("clusters.combined.count", 5.0),
                    Map.entry("clusters.combined.purity", 0.99),
                    Map.entry("preprocessing.text.unseen_tokens.test", 3.0),
                    Map.entry("preprocessing.text.unseen_tokens.train", 0.0),
                    Map.entry("loss.train_final_epoch", 0.06),
                    Map.entry("timing.train_epoch_seconds_median", 0.01),
                    Map.entry("timing.train_seconds", 2.0),
                    Map.entry("timing.pretrain_seconds", 0.0),
                    Map.entry("timing.robustness_seconds", 0.5),
                    Map.entry("timing.total_seconds", 9.0))));
  }

  @Test
  void aBaselineRunHasItsOwnNamesAndNoConceptOnes() {
    ModelResults model =
        new ModelResults(
            new Accuracies(
                1, 0.95, List.of(new Accuracies.Unimodal("a", 0.7, 0.6))),
            List.of(new MissingModalityResult("a", 0.8)),
            List.of(),
            List.of(),
            Optional.empty(),
            OptionalInt.of(48),
            0.1,
            new Timings(0.01, 2, 0, OptionalDouble.empty()));

    SortedMap<String, Double> m = MetricNames.flatten(new RunReport(model, List.of(), 3));

    assertThat(m.keySet())
        .containsExactly(
            "accuracy.test",
            "accuracy.train",
            "accuracy.unimodal.a.test",
            "accuracy.unimodal.a.train",
            "anchors.count",
            "loss.train_final_epoch",
            "missing_modality_accuracy.a",
            "timing.pretrain_seconds",
            "timing.total_seconds",
            "timing.train_epoch_seconds_median",
            "timing.train_seconds");
    assertThat(m.get("anchors.count")).isEqualTo(48.0);
  }
}
