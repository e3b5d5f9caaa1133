package io.sharcs.core.eval;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The anchors baseline's retrieval space: relative representations. An input of a slot is
 * embedded by that slot's encoder and described by its cosine similarities to that slot's
 * anchors; the predictor reads the slots' relative vectors concatenated in slot order.
 *
 * <p>A counterpart rendering of modality M's content in modality A is thus represented relative
 * to A's anchors, as the reference does (method spec 5.4: "both the query and the available
 * embedding are turned into relative vectors w.r.t. the anchors of their own modality"); because
 * the anchors are parallel, that vector is comparable with M's relative vectors.
 */
public final class AnchorSpace implements RetrievalSpace {

  private final BiFunction<Integer, List<Object>, float[][]> embedder;
  private final List<float[][]> anchorEmbeddings;
  private final Function<float[][], int[]> predictor;

  /**
   * @param embedder (slot, raw inputs of that slot) to their embeddings, evaluation mode
   * @param anchorEmbeddings per slot, the embeddings of that slot's anchors (anchor order)
   * @param predictor concatenated relative vectors (slot order) to classes
   */
  public AnchorSpace(
      BiFunction<Integer, List<Object>, float[][]> embedder,
      List<float[][]> anchorEmbeddings,
      Function<float[][], int[]> predictor) {
    this.embedder = embedder;
    this.anchorEmbeddings = List.copyOf(anchorEmbeddings);
    this.predictor = predictor;
  }

  /** The relative representation of given embeddings of {@code slot}. */
  public float[][] relative(int slot, float[][] slotEmbeddings) {
    return RelativeRepresentation.of(slotEmbeddings, anchorEmbeddings.get(slot));
  }

  @Override
  public float[][] represent(int slot, List<Object> raw) {
    return relative(slot, embedder.apply(slot, raw));
  }

  @Override
  public int[] predict(List<float[][]> perSlot) {
    return predictor.apply(Matrices.concatColumns(perSlot));
  }
}
