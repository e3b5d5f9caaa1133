package io.sharcs.core.pipeline;

import io.sharcs.core.data.PreprocessingReport;
import io.sharcs.core.eval.Accuracies;
import io.sharcs.core.eval.ConceptResults;
import io.sharcs.core.eval.MissingModalityResult;
import io.sharcs.core.eval.RetrievalResult;
import io.sharcs.core.eval.RobustnessResult;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one place where results become the flat metric names of {@code metrics.json} (README,
 * "Metrics"):
 *
 * <ul>
 *   <li>{@code accuracy.train}, {@code accuracy.test}, {@code accuracy.unimodal.<m>.<split>},
 *       {@code accuracy.local.<m>.<split>};
 *   <li>{@code missing_modality_accuracy.<m>};
 *   <li>{@code retrieval.<q>_to_<t>.exact}, {@code .<attribute>}, {@code .attributes};
 *   <li>{@code robustness.noise.<m>}, {@code robustness.intervention_clean.<m>}, {@code
 *       robustness.intervention_retrieved.<m>};
 *   <li>{@code completeness.<set>}, {@code completeness.<set>.depth5}, {@code
 *       clusters.<set>.count}, {@code clusters.combined.purity};
 *   <li>{@code anchors.count}; {@code preprocessing.<m>.<name>.<split>};
 *   <li>{@code loss.train_final_epoch}; {@code timing.*}.
 * </ul>
 */
public final class MetricNames {

  private MetricNames() {}

  /** Every metric of a run, sorted by name. */
  public static SortedMap<String, Double> flatten(RunReport report) {
    SortedMap<String, Double> out = new TreeMap<>();
    ModelResults model = report.model();
    out.putAll(accuracy(model.accuracy()));
    out.putAll(missingModality(model.missingModality()));
    out.putAll(retrieval(model.retrieval()));
    out.putAll(robustness(model.robustness()));
    model.concepts().ifPresent(c -> out.putAll(concepts(c)));
    model.anchors().ifPresent(n -> out.put("anchors.count", (double) n));
    out.putAll(preprocessing(report.preprocessing()));
    out.put("loss.train_final_epoch", model.finalLoss());
    Timings t = model.timings();
    out.put("timing.train_epoch_seconds_median", t.trainEpochMedian());
    out.put("timing.train_seconds", t.train());
    out.put("timing.pretrain_seconds", t.pretrain());
    t.robustness().ifPresent(s -> out.put("timing.robustness_seconds", s));
    t.evaluation().forEach((phase, s) -> out.put("timing.evaluation." + phase + "_seconds", s));
    out.put("timing.total_seconds", report.totalSeconds());
    return out;
  }

  /**
   * {@code accuracy.train}, {@code accuracy.test}, {@code accuracy.unimodal.<m>.<split>} and
   * {@code accuracy.local.<m>.<split>} (no test value without test samples with local labels).
   */
  public static SortedMap<String, Double> accuracy(Accuracies a) {
    SortedMap<String, Double> out = new TreeMap<>();
    out.put("accuracy.train", a.train());
    out.put("accuracy.test", a.test());
    for (Accuracies.Unimodal u : a.unimodal()) {
      String prefix = "accuracy.unimodal." + u.modality();
      out.put(prefix + ".train", u.train());
      out.put(prefix + ".test", u.test());
    }
    for (Accuracies.Local l : a.local()) {
      String prefix = "accuracy.local." + l.modality();
      out.put(prefix + ".train", l.train());
      l.test().ifPresent(v -> out.put(prefix + ".test", v));
    }
    return out;
  }

  /** {@code missing_modality_accuracy.<m>}. */
  public static SortedMap<String, Double> missingModality(List<MissingModalityResult> results) {
    SortedMap<String, Double> out = new TreeMap<>();
    for (MissingModalityResult r : results) {
      out.put("missing_modality_accuracy." + r.modality(), r.accuracy());
    }
    return out;
  }

  /** {@code retrieval.<q>_to_<t>.exact}, per attribute {@code .<attribute>}, {@code .attributes}. */
  public static SortedMap<String, Double> retrieval(List<RetrievalResult> results) {
    SortedMap<String, Double> out = new TreeMap<>();
    for (RetrievalResult r : results) {
      String prefix = "retrieval." + r.query() + "_to_" + r.target() + ".";
      out.put(prefix + "exact", r.exact());
      for (Map.Entry<String, Double> a : r.attributes().entrySet()) {
        out.put(prefix + a.getKey(), a.getValue());
      }
      r.allAttributes().ifPresent(v -> out.put(prefix + "attributes", v));
    }
    return out;
  }

  /** {@code robustness.noise.<m>}, {@code .intervention_clean.<m>}, {@code .intervention_retrieved.<m>}. */
  public static SortedMap<String, Double> robustness(List<RobustnessResult> results) {
    SortedMap<String, Double> out = new TreeMap<>();
    for (RobustnessResult r : results) {
      out.put("robustness.noise." + r.modality(), r.noise());
      out.put("robustness.intervention_clean." + r.modality(), r.interventionClean());
      out.put("robustness.intervention_retrieved." + r.modality(), r.interventionRetrieved());
    }
    return out;
  }

  /** {@code completeness.<set>}, {@code completeness.<set>.depth<d>}, {@code clusters.<set>.*}. */
  public static SortedMap<String, Double> concepts(ConceptResults results) {
    SortedMap<String, Double> out = new TreeMap<>();
    for (ConceptResults.Completeness c : results.completeness()) {
      out.put("completeness." + c.set(), c.unlimited());
      out.put("completeness." + c.set() + ".depth" + c.shallowDepth(), c.shallow());
    }
    for (ConceptResults.Clusters c : results.clusters()) {
      out.put("clusters." + c.set() + ".count", (double) c.count());
      c.purity().ifPresent(p -> out.put("clusters." + c.set() + ".purity", p));
    }
    return out;
  }

  /** {@code preprocessing.<m>.<name>.<split>}. */
  public static SortedMap<String, Double> preprocessing(List<PreprocessingReport> reports) {
    SortedMap<String, Double> out = new TreeMap<>();
    for (PreprocessingReport r : reports) {
      r.values()
          .forEach(
              (name, value) ->
                  out.put("preprocessing." + r.modality() + "." + name + "." + r.split(), value));
    }
    return out;
  }
}
