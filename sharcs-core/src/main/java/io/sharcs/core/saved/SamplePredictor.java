package io.sharcs.core.saved;

import ai.djl.engine.Engine;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.core.config.Seeds;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.eval.ConceptBank;
import io.sharcs.core.eval.Inference;
import io.sharcs.core.eval.MissingModalityRetrieval.Counterparts;
import io.sharcs.core.eval.MissingModalityRetrieval;
import io.sharcs.core.eval.Retrieved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts samples with a trained concept model, batched: each present modality is encoded in
 * one pass over all samples that have it, each missing modality is filled by {@link
 * MissingModalityRetrieval} (the missing-modality evaluation's own code) from its bank, and the
 * predictor reads all samples in one pass. The run's {@code predictions.csv} and a loaded model
 * both predict through this class, so they agree.
 */
public final class SamplePredictor {

  private final Inference inference;
  private final PreparedData data;
  private final List<String> slotNames;
  private final List<ConceptBank> banks;
  private final long seed;
  private final boolean stochastic;

  /**
   * @param inference the model's forward passes
   * @param data the model's slots and class names
   * @param banks one retrieval bank per slot
   * @param seed the run's master seed
   * @param stochastic whether evaluation draws noise (protocol reference): then the engine is
   *     reseeded from {@code seed} before every call, so the same call gives the same answer
   */
  public SamplePredictor(
      Inference inference, PreparedData data, List<ConceptBank> banks, long seed,
      boolean stochastic) {
    this.inference = inference;
    this.data = data;
    this.slotNames = data.slots().stream().map(PreparedData.Slot::name).toList();
    this.banks = List.copyOf(banks);
    this.seed = seed;
    this.stochastic = stochastic;
  }

  /** The forward passes predictions are made with. */
  public Inference inference() {
    return inference;
  }

  /** The slots (and samples) predictions are made over. */
  public PreparedData data() {
    return data;
  }

  /** Whether evaluation draws noise (protocol reference). */
  public boolean stochastic() {
    return stochastic;
  }

  /** Predicts every row of {@code split} from all its own inputs, in row order. */
  public List<Prediction> predictSplit(PreparedData.Split split) {
    List<MultimodalSample> samples = split.samples();
    List<Map<String, Object>> inputs = new ArrayList<>(samples.size());
    for (int r = 0; r < samples.size(); r++) {
      Map<String, Object> byName = new java.util.LinkedHashMap<>();
      for (int m = 0; m < slotNames.size(); m++) {
        byName.put(slotNames.get(m), split.input(m, r));
      }
      inputs.add(byName);
    }
    return predict(inputs, Counterparts.of(samples));
  }

  /**
   * Predicts every sample.
   *
   * @param samples per sample, raw inputs by modality name; any modality may be absent, not all
   * @param counterparts the samples' counterpart renderings (queries for missing modalities)
   * @throws io.sharcs.api.InvalidInputException naming the sample when it has no modality, names
   *     a modality the model does not know, or an input of the wrong type
   */
  public List<Prediction> predict(List<Map<String, Object>> samples, Counterparts counterparts) {
    int n = samples.size();
    int slots = slotNames.size();
    check(samples);
    if (n == 0) {
      return List.of();
    }
    if (stochastic) {
      // The reference's evaluation draws Gumbel noise from the engine's global generator.
      Engine.getInstance().setRandomSeed(Seeds.engineSeed(Seeds.derive(seed, "predict")));
    }
    List<float[][]> local = new ArrayList<>();
    List<float[][]> own = new ArrayList<>();
    for (int m = 0; m < slots; m++) {
      List<Integer> rows = new ArrayList<>();
      List<Object> raw = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        Object input = samples.get(r).get(slotNames.get(m));
        if (input != null) {
          rows.add(r);
          raw.add(input);
        }
      }
      float[][] slotLocal = new float[n][];
      float[][] slotShared = new float[n][];
      if (!raw.isEmpty()) {
        float[][] l = inference.localConcepts(m, raw);
        float[][] s = inference.sharedFromLocal(m, l);
        for (int i = 0; i < rows.size(); i++) {
          slotLocal[rows.get(i)] = l[i];
          slotShared[rows.get(i)] = s[i];
        }
      }
      local.add(slotLocal);
      own.add(slotShared);
    }
    MissingModalityRetrieval retrieval = new MissingModalityRetrieval(inference, slotNames);
    List<float[][]> filled = new ArrayList<>(own);
    List<Retrieved[]> found = new ArrayList<>();
    for (int m = 0; m < slots; m++) {
      int[] missingRows = rowsWithout(own.get(m));
      Retrieved[] byRow = new Retrieved[n];
      if (missingRows.length > 0) {
        Retrieved[] hits = retrieval.retrieve(m, banks.get(m), missingRows, own, counterparts);
        float[][] slot = own.get(m).clone();
        for (int i = 0; i < missingRows.length; i++) {
          byRow[missingRows[i]] = hits[i];
          slot[missingRows[i]] = banks.get(m).get(hits[i].row());
        }
        filled.set(m, slot);
      }
      found.add(byRow);
    }
    float[][] logits = inference.logits(filled);
    List<Prediction> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      Map<String, Retrieved> retrieved = new LinkedHashMap<>();
      Map<String, float[]> localOf = new LinkedHashMap<>();
      Map<String, float[]> sharedOf = new LinkedHashMap<>();
      for (int m = 0; m < slots; m++) {
        String name = slotNames.get(m);
        if (found.get(m)[r] != null) {
          retrieved.put(name, found.get(m)[r]);
        } else {
          localOf.put(name, local.get(m)[r]);
          sharedOf.put(name, own.get(m)[r]);
        }
      }
      int label = argMax(logits[r]);
      out.add(
          new Prediction(
              label, data.classNames().get(label), softmax(logits[r]), retrieved, localOf,
              sharedOf));
    }
    return out;
  }

  /**
   * Draws one raw input of {@code modality} for a person through its slot's plugin ({@link
   * io.sharcs.core.data.ModalityCalls#render}).
   *
   * @throws io.sharcs.api.InvalidInputException when the model has no such modality or the input
   *     is not of the plugin's sample type
   */
  public Rendering render(
      String modality, Object raw, RenderHints hints) {
    int m = slotNames.indexOf(modality);
    if (m < 0) {
      throw new io.sharcs.api.InvalidInputException(
          "modality '" + modality + "' is not one of the model's " + slotNames);
    }
    PreparedData.Slot slot = data.slots().get(m);
    slot.calls().sample(raw, "modality '" + modality + "'");
    return slot.calls().render(raw, hints);
  }

  private void check(List<Map<String, Object>> samples) {
    for (int r = 0; r < samples.size(); r++) {
      Map<String, Object> sample = samples.get(r);
      String where = "sample " + r;
      if (sample == null || sample.values().stream().allMatch(v -> v == null)) {
        throw new io.sharcs.api.InvalidInputException(
            where + ": no modality given, expected at least one of " + slotNames);
      }
      for (Map.Entry<String, Object> e : sample.entrySet()) {
        int m = slotNames.indexOf(e.getKey());
        if (m < 0) {
          throw new io.sharcs.api.InvalidInputException(
              where + ": modality '" + e.getKey() + "' is not one of the model's " + slotNames);
        }
        if (e.getValue() != null) {
          data.slots().get(m).calls().sample(e.getValue(), where + " modality '" + e.getKey() + "'");
        }
      }
    }
  }

  private static int[] rowsWithout(float[][] slot) {
    return java.util.stream.IntStream.range(0, slot.length).filter(r -> slot[r] == null).toArray();
  }

  /** The index of the largest value; ties go to the lowest index. */
  static int argMax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** softmax in double precision, shifted by the maximum so that nothing overflows. */
  static double[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }
}
