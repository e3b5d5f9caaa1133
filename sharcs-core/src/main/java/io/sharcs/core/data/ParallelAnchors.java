package io.sharcs.core.data;

import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.Permutations;
import io.sharcs.core.data.PreparedData.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Parallel anchors for relative representations (method spec 4, the anchors row): anchor j shows
 * the same content in every modality.
 *
 * <p>A seeded random share of the training samples is drawn (in shuffled order, as the
 * reference's one shuffled batch). For each drawn sample the <em>pivot</em> modality (slot 0)
 * uses the sample's own input, and every other modality m uses the counterpart rendering of the
 * pivot's content in m ({@code sample.counterpart(pivot, m)}; XOR-AND-XOR: the graph and the
 * table that describes that graph, {@code graph_aux}). A drawn sample that lacks one of these
 * renderings is skipped, so there may be fewer anchors than drawn samples.
 *
 * @param ids the anchor samples' ids, in anchor order
 * @param inputs per slot, the anchors' raw inputs in that slot, in anchor order
 */
public record ParallelAnchors(List<String> ids, List<List<Object>> inputs) {

  public ParallelAnchors {
    ids = List.copyOf(ids);
    inputs = inputs.stream().map(List::copyOf).toList();
    for (List<Object> slot : inputs) {
      if (slot.size() != ids.size()) {
        throw new IllegalArgumentException(
            ids.size() + " anchors but " + slot.size() + " inputs in a slot");
      }
    }
  }

  /**
   * Draws the anchors.
   *
   * @param train the training split
   * @param slotNames the modality names in slot order; slot 0 is the pivot
   * @param fraction the share of training samples drawn, in (0, 1]: {@code floor(fraction * n)},
   *     at least 1
   * @param rng the run's anchor stream
   * @param where the data set, for the error message
   * @throws InvalidInputException if no drawn sample has every counterpart rendering
   */
  public static ParallelAnchors select(
      Split train, List<String> slotNames, double fraction, SplittableRandom rng, String where) {
    int n = train.size();
    // The small epsilon keeps 0.1 * 800 (= 80.00000000000001) and 0.3 * 10 (= 3.0000000000000004)
    // at their intended counts without rounding a genuine 79.99 up.
    int count = Math.max(1, Math.min(n, (int) Math.floor(fraction * n + 1e-9)));
    int[] drawn = Permutations.shuffled(n, rng);
    String pivot = slotNames.get(0);
    List<String> ids = new ArrayList<>();
    List<List<Object>> inputs = new ArrayList<>();
    for (int m = 0; m < slotNames.size(); m++) {
      inputs.add(new ArrayList<>());
    }
    for (int i = 0; i < count; i++) {
      int row = drawn[i];
      MultimodalSample sample = train.samples().get(row);
      List<Object> renderings = new ArrayList<>(slotNames.size());
      renderings.add(train.input(0, row));
      for (int m = 1; m < slotNames.size(); m++) {
        Optional<Object> rendering = sample.counterpart(pivot, slotNames.get(m));
        if (rendering.isEmpty()) {
          break;
        }
        renderings.add(rendering.get());
      }
      if (renderings.size() < slotNames.size()) {
        continue;
      }
      ids.add(sample.id());
      for (int m = 0; m < slotNames.size(); m++) {
        inputs.get(m).add(renderings.get(m));
      }
    }
    if (ids.isEmpty()) {
      throw new InvalidInputException(
          where + ": none of the " + count + " training samples drawn as anchors has a"
              + " counterpart rendering of modality '" + pivot + "' in every other modality "
              + slotNames.subList(1, slotNames.size()) + ", expected counterpart renderings"
              + " (the anchors baseline needs parallel anchors)");
    }
    return new ParallelAnchors(ids, inputs);
  }

  /** The number of anchors. */
  public int size() {
    return ids.size();
  }
}
