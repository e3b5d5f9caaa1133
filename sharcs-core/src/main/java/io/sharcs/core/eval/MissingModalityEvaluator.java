package io.sharcs.core.eval;

import io.sharcs.api.MultimodalSample;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.data.PreparedData.Split;
import java.util.ArrayList;
import io.sharcs.core.data.Batches;
import java.util.List;
import java.util.Optional;

/**
 * Missing-modality retrieval (paper section on missing modalities; method spec 5.4). For each test
 * sample and each modality M taken away:
 *
 * <ol>
 *   <li>query the shared concept space with M's content rendered in an available modality A (the
 *       sample's counterpart rendering, encoded through A's branch); where the data set has no
 *       rendering, with A's own shared concept;
 *   <li>take the nearest shared concept of M from a bank of M's shared concepts;
 *   <li>feed the predictor f with the retrieved vector in M's slot and the sample's own shared
 *       concepts in the other slots. Local concepts are never reconstructed.
 * </ol>
 *
 * <p>The same procedure runs in any {@link RetrievalSpace}: the anchors baseline retrieves relative
 * representations instead of shared concepts.
 */
public final class MissingModalityEvaluator {

  private final RetrievalSpace space;
  private final PreparedData data;

  /** @param space the trained model's retrieval space ({@link Inference} for SHARCS) */
  public MissingModalityEvaluator(RetrievalSpace space, PreparedData data) {
    this.space = space;
    this.data = data;
  }

  /**
   * @param banks one bank per slot, of vectors in the retrieval space (shared concepts for SHARCS)
   * @param split the samples to evaluate (the test split)
   * @return per modality, in slot order, the accuracy when that modality is missing
   */
  public List<MissingModalityResult> evaluate(List<ConceptBank> banks, Split split) {
    return evaluate(banks, split, represent(split));
  }

  /** Every slot's vectors of every row of {@code split}, in the retrieval space. */
  public List<float[][]> represent(Split split) {
    List<float[][]> own = new ArrayList<>();
    for (int m = 0; m < data.slots().size(); m++) {
      own.add(space.represent(m, split.inputs(m, Batches.range(split.size()))));
    }
    return own;
  }

  /**
   * As {@link #evaluate(List, Split)}, with the rows' own vectors already computed (by {@link
   * #represent}), so callers that need them too encode the split once.
   */
  public List<MissingModalityResult> evaluate(
      List<ConceptBank> banks, Split split, List<float[][]> own) {
    int slots = data.slots().size();
    int[] labels = split.labels();
    List<MissingModalityResult> accuracy = new ArrayList<>();
    for (int missing = 0; missing < slots; missing++) {
      List<float[][]> input = new ArrayList<>(own);
      input.set(missing, retrieve(missing, banks.get(missing), split, own));
      int[] predicted = space.predict(input);
      long correct = 0;
      for (int r = 0; r < predicted.length; r++) {
        if (predicted[r] == labels[r]) {
          correct++;
        }
      }
      accuracy.add(
          new MissingModalityResult(
              data.slots().get(missing).name(), correct / (double) split.size()));
    }
    return accuracy;
  }

  /**
   * Steps 1 and 2 for one missing modality: per row of {@code split}, the entry of {@code bank}
   * nearest to the row's query.
   *
   * @param missing the slot taken away
   * @param bank shared concepts of that slot
   * @param ownShared per slot, the rows' own shared concepts (the fallback queries)
   * @return one retrieved vector per row (bank entries, not copies: do not modify)
   */
  public float[][] retrieve(int missing, ConceptBank bank, Split split, List<float[][]> ownShared) {
    float[][] queries = queries(missing, split, ownShared);
    float[][] retrieved = new float[split.size()][];
    for (int r = 0; r < split.size(); r++) {
      retrieved[r] = bank.get(bank.nearest(queries[r]));
    }
    return retrieved;
  }

  /** One query per row: the counterpart rendering's shared concept, else the fallback's own. */
  private float[][] queries(int missing, Split split, List<float[][]> own) {
    int slots = data.slots().size();
    String missingName = data.slots().get(missing).name();
    int fallback = missing == 0 ? 1 : 0;
    float[][] queries = new float[split.size()][];
    List<List<Integer>> rowsBySlot = new ArrayList<>();
    List<List<Object>> renderingsBySlot = new ArrayList<>();
    for (int a = 0; a < slots; a++) {
      rowsBySlot.add(new ArrayList<>());
      renderingsBySlot.add(new ArrayList<>());
    }
    for (int r = 0; r < split.size(); r++) {
      MultimodalSample sample = split.samples().get(r);
      boolean found = false;
      for (int a = 0; a < slots && !found; a++) {
        if (a == missing) {
          continue;
        }
        Optional<Object> rendering = sample.counterpart(missingName, data.slots().get(a).name());
        if (rendering.isPresent()) {
          rowsBySlot.get(a).add(r);
          renderingsBySlot.get(a).add(rendering.get());
          found = true;
        }
      }
      if (!found) {
        queries[r] = own.get(fallback)[r];
      }
    }
    for (int a = 0; a < slots; a++) {
      if (rowsBySlot.get(a).isEmpty()) {
        continue;
      }
      float[][] encoded = space.represent(a, renderingsBySlot.get(a));
      List<Integer> rows = rowsBySlot.get(a);
      for (int i = 0; i < rows.size(); i++) {
        queries[rows.get(i)] = encoded[i];
      }
    }
    return queries;
  }
}
