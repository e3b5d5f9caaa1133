package io.sharcs.core.eval;

import io.sharcs.api.MultimodalSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Steps 1 and 2 of missing-modality retrieval (method spec 5.4), the one implementation behind
 * both {@link MissingModalityEvaluator} and the predictions of a saved model, so the two cannot
 * drift: for each row where slot M is absent,
 *
 * <ol>
 *   <li>the query is M's content rendered in another slot A (the row's counterpart rendering in
 *       the first slot, in slot order, that has one), encoded through A's branch; where the row
 *       has no rendering, the row's own vector of the first slot other than M that is present;
 *   <li>the answer is the entry of M's bank nearest to the query (L2, ties to the lowest row).
 * </ol>
 *
 * <p>Renderings are encoded per slot in one batched pass over all rows that need them.
 */
public final class MissingModalityRetrieval {

  /** Where a row's counterpart renderings come from. */
  @FunctionalInterface
  public interface Counterparts {

    /** {@code missing}'s content in row {@code row}, rendered in modality {@code renderedIn}. */
    Optional<Object> of(int row, String missing, String renderedIn);

    /** Rows without any counterpart rendering. */
    static Counterparts none() {
      return (row, missing, renderedIn) -> Optional.empty();
    }

    /** The renderings the samples carry ({@link MultimodalSample#counterpart}); row = index. */
    static Counterparts of(List<MultimodalSample> samples) {
      return (row, missing, renderedIn) -> samples.get(row).counterpart(missing, renderedIn);
    }
  }

  private final RetrievalSpace space;
  private final List<String> slotNames;

  /**
   * @param space the trained model's retrieval space ({@link Inference} for SHARCS)
   * @param slotNames the modality names, in slot order
   */
  public MissingModalityRetrieval(RetrievalSpace space, List<String> slotNames) {
    this.space = space;
    this.slotNames = List.copyOf(slotNames);
  }

  /**
   * The bank entries that stand in for slot {@code missing} in rows {@code rows}.
   *
   * @param missing the slot taken away
   * @param bank vectors of that slot in the retrieval space
   * @param rows the rows to fill, in the order the answer is given
   * @param own per slot, every row's own vector in the retrieval space; {@code null} (the array
   *     or a row of it) where the slot is absent
   * @param counterparts the rows' counterpart renderings
   * @return one entry per element of {@code rows}
   * @throws IllegalArgumentException if a row has neither a rendering nor another slot present
   */
  public Retrieved[] retrieve(
      int missing, ConceptBank bank, int[] rows, List<float[][]> own, Counterparts counterparts) {
    return bank.nearestEntries(queries(missing, rows, own, counterparts));
  }

  /** One query per element of {@code rows}: a rendering's vector, else a present slot's own. */
  private float[][] queries(
      int missing, int[] rows, List<float[][]> own, Counterparts counterparts) {
    int slots = slotNames.size();
    String missingName = slotNames.get(missing);
    float[][] queries = new float[rows.length][];
    List<List<Integer>> positionsBySlot = new ArrayList<>();
    List<List<Object>> renderingsBySlot = new ArrayList<>();
    for (int a = 0; a < slots; a++) {
      positionsBySlot.add(new ArrayList<>());
      renderingsBySlot.add(new ArrayList<>());
    }
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      boolean found = false;
      for (int a = 0; a < slots && !found; a++) {
        if (a == missing) {
          continue;
        }
        Optional<Object> rendering = counterparts.of(r, missingName, slotNames.get(a));
        if (rendering.isPresent()) {
          positionsBySlot.get(a).add(i);
          renderingsBySlot.get(a).add(rendering.get());
          found = true;
        }
      }
      if (!found) {
        queries[i] = fallback(missing, r, own);
      }
    }
    for (int a = 0; a < slots; a++) {
      if (positionsBySlot.get(a).isEmpty()) {
        continue;
      }
      float[][] encoded = space.represent(a, renderingsBySlot.get(a));
      List<Integer> positions = positionsBySlot.get(a);
      for (int i = 0; i < positions.size(); i++) {
        queries[positions.get(i)] = encoded[i];
      }
    }
    return queries;
  }

  /** The row's own vector of the first slot other than {@code missing} that is present. */
  private float[] fallback(int missing, int row, List<float[][]> own) {
    for (int a = 0; a < slotNames.size(); a++) {
      if (a != missing && own.get(a) != null && own.get(a)[row] != null) {
        return own.get(a)[row];
      }
    }
    throw new IllegalArgumentException(
        "row " + row + ": modality '" + slotNames.get(missing)
            + "' is missing and no other modality is present to retrieve it from");
  }
}
