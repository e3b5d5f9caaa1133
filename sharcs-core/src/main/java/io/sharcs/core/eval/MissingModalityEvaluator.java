package io.sharcs.core.eval;

import io.sharcs.core.data.PreparedData;
import io.sharcs.core.data.PreparedData.Split;
import java.util.ArrayList;
import io.sharcs.core.data.Batches;
import java.util.List;

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
  private final MissingModalityRetrieval retrieval;

  /** @param space the trained model's retrieval space ({@link Inference} for SHARCS) */
  public MissingModalityEvaluator(RetrievalSpace space, PreparedData data) {
    this.space = space;
    this.data = data;
    this.retrieval =
        new MissingModalityRetrieval(
            space, data.slots().stream().map(PreparedData.Slot::name).toList());
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
   * nearest to the row's query ({@link MissingModalityRetrieval}).
   *
   * @param missing the slot taken away
   * @param bank shared concepts of that slot
   * @param ownShared per slot, the rows' own shared concepts (the fallback queries)
   * @return one retrieved vector per row (bank entries, not copies: do not modify)
   */
  public float[][] retrieve(int missing, ConceptBank bank, Split split, List<float[][]> ownShared) {
    Retrieved[] found =
        retrieval.retrieve(
            missing,
            bank,
            Batches.range(split.size()),
            ownShared,
            MissingModalityRetrieval.Counterparts.of(split.samples()));
    float[][] retrieved = new float[found.length][];
    for (int r = 0; r < found.length; r++) {
      retrieved[r] = bank.get(found[r].row());
    }
    return retrieved;
  }
}
