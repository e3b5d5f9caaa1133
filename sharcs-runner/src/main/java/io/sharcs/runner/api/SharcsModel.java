package io.sharcs.runner.api;

import io.sharcs.runner.explain.SavedExplanations;
import io.sharcs.core.saved.LoadedModel;
import io.sharcs.core.saved.Prediction;
import io.sharcs.runner.run.ModelLoader.LoadedRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * A trained model loaded from its run folder by {@link Sharcs#load}: predicts and explains one
 * sample at a time, any modality but one possibly missing (a missing modality is retrieved from
 * the shared concept space, as {@code sharcs run}'s missing-modality evaluation does). Methods
 * are synchronized: one prediction at a time. It holds native memory: close it.
 */
public final class SharcsModel implements AutoCloseable {

  /** The threshold above which a concept counts as on, as in the run's catalogue and trees. */
  static final double ON = 0.5;

  private final LoadedRun run;
  private final SampleInputs inputs;
  private final Optional<SavedExplanations> explanations;
  private boolean closed;

  SharcsModel(LoadedRun run, Optional<SavedExplanations> explanations) {
    this.run = run;
    this.inputs = new SampleInputs(run.experiment().modalities());
    this.explanations = explanations;
  }

  /** The modality names, in the model's order. */
  public List<String> modalities() {
    return run.model().modalities();
  }

  /** The class names; index = label. */
  public List<String> classNames() {
    return run.model().classNames();
  }

  /** The experiment's name, mode and seed, e.g. {@code "xor-and-xor (sharcs, seed 0)"}. */
  public String describe() {
    return run.experiment().name() + " (" + run.experiment().mode() + ", seed "
        + run.experiment().seed() + ")";
  }

  /**
   * Predicts one sample.
   *
   * @param sample from modality name to raw input: the plugin's sample object, its JSON form as
   *     a Jackson {@code JsonNode}, or plain Java values that map to that JSON (e.g. {@code
   *     List.of(1, 0, 0, 1, 0)} for a table row, a {@code String} for a text); a modality that is
   *     absent or null is missing
   * @throws SharcsException with one line when a modality is unknown, an input is unreadable, or
   *     no modality is given
   */
  public synchronized SharcsPrediction predict(Map<String, ?> sample) {
    return prediction(raw(sample));
  }

  /**
   * Predicts one sample and names the concepts that are on, with the run's catalogue sentences.
   *
   * @param sample as for {@link #predict}
   * @throws SharcsException as {@link #predict}
   */
  public synchronized SharcsExplanation explain(Map<String, ?> sample) {
    Prediction p = raw(sample);
    boolean shared = run.model().manifest().network().sharedSpace();
    List<ActiveConcept> concepts = new ArrayList<>();
    for (String modality : p.local().keySet()) {
      addActive(concepts, modality, modality, p.local().get(modality));
      if (shared) {
        addActive(concepts, modality, "shared", p.shared().get(modality));
      }
    }
    return new SharcsExplanation(prediction(p), concepts);
  }

  private void addActive(List<ActiveConcept> out, String modality, String set, float[] values) {
    for (int j = 0; j < values.length; j++) {
      if (values[j] > ON) {
        int index = j;
        String sentence = explanations.flatMap(e -> e.sentence(set, index)).orElse(null);
        out.add(new ActiveConcept(modality, set, j, values[j], sentence));
      }
    }
  }

  private Prediction raw(Map<String, ?> sample) {
    if (closed) {
      throw new SharcsException("the model is closed, expected Sharcs.load again", true, null);
    }
    Map<String, Object> read = inputs.read(sample);
    try {
      return run.model().predict(List.of(read)).get(0);
    } catch (RuntimeException e) {
      throw SharcsException.wrap(e);
    }
  }

  private SharcsPrediction prediction(Prediction p) {
    Map<String, Double> probabilities = new LinkedHashMap<>();
    double[] values = p.probabilities();
    List<String> classes = classNames();
    for (int k = 0; k < values.length; k++) {
      probabilities.put(classes.get(k), values[k]);
    }
    Map<String, RetrievedSample> retrieved = new LinkedHashMap<>();
    p.retrieved().forEach((m, r) -> retrieved.put(m, new RetrievedSample(r.sampleId(),
        r.distance())));
    return new SharcsPrediction(p.className(), p.label(), probabilities, retrieved);
  }

  /** Frees the model's native memory; later calls fail. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      run.close();
    }
  }

  /** The loaded model, for callers inside sharcs that need more than one sample at a time. */
  LoadedModel loaded() {
    return run.model();
  }
}
