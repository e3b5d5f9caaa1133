package io.sharcs.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.sharcs.api.nn.Layers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The non-concept baselines' network: each modality's plain embedding encoder e_m (the plugin's
 * encoder built for {@link io.sharcs.core.data.EncoderRole#EMBEDDING}) and, on top, either
 *
 * <ul>
 *   <li>{@link Fusion#HEADS}: one head per modality, {@code Linear(k -> hidden), ReLU,
 *       Linear(hidden -> C)} on that modality's embedding alone (the unimodal and anchors
 *       baselines), or
 *   <li>{@link Fusion#CONCAT}: one predictor f of SHARCS's shape, {@code Linear(N*k -> hidden),
 *       ReLU, Linear(hidden -> C)}, on the concatenated embeddings (the concat baseline).
 * </ul>
 *
 * <p>As a DJL {@link Block} its input is the concatenation of the modalities' batch lists in slot
 * order (sizes fixed by {@code arity}); its output is one logits array per head, or the fused
 * logits.
 */
public final class EmbeddingNetwork extends AbstractBlock {

  /** How the modalities' embeddings reach a prediction. */
  public enum Fusion {
    /** One head per modality; each predicts the label from its own modality. */
    HEADS,
    /** One predictor on the concatenation of all embeddings. */
    CONCAT
  }

  private static final byte VERSION = 1;

  private final SlotArity slots;
  private final int width;
  private final int classes;
  private final Fusion fusion;
  private final List<Block> encoders = new ArrayList<>();
  private final List<Block> heads = new ArrayList<>();
  private final Block fused;

  /**
   * @param encoders the embedding encoders e_m, one per modality, each giving (B, width)
   * @param arity how many arrays each modality's batch list holds
   * @param width k, the embedding width
   * @param hidden hidden width of the heads or of f
   * @param classes number of classes (width of the logits)
   * @param fusion heads or concatenation
   */
  public EmbeddingNetwork(
      List<Block> encoders, int[] arity, int width, int hidden, int classes, Fusion fusion) {
    super(VERSION);
    if (encoders.isEmpty() || encoders.size() != arity.length) {
      throw new IllegalArgumentException(
          "need >= 1 encoder and one arity each, got " + encoders.size() + " and "
              + arity.length);
    }
    this.slots = new SlotArity(arity);
    this.width = width;
    this.classes = classes;
    this.fusion = fusion;
    for (int m = 0; m < encoders.size(); m++) {
      this.encoders.add(addChildBlock("encoder" + m, encoders.get(m)));
      if (fusion == Fusion.HEADS) {
        this.heads.add(addChildBlock("head" + m, Layers.mlp(width, List.of(hidden), classes)));
      }
    }
    this.fused =
        fusion == Fusion.CONCAT
            ? addChildBlock(
                "predictor", Layers.mlp(width * encoders.size(), List.of(hidden), classes))
            : null;
  }

  /** The number of modalities. */
  public int modalities() {
    return encoders.size();
  }

  /** Heads or concatenation. */
  public Fusion fusion() {
    return fusion;
  }

  /** The embedding e_m of modality {@code m}: (B, width). */
  public NDArray embed(ParameterStore ps, int m, NDList input, boolean training) {
    return encoders.get(m).forward(ps, input, training).singletonOrThrow();
  }

  /** Modality {@code m}'s head on its embedding: (B, classes) logits. Heads only. */
  public NDArray head(ParameterStore ps, int m, NDArray embedding, boolean training) {
    if (fusion != Fusion.HEADS) {
      throw new IllegalStateException("a concat network has no per-modality heads");
    }
    return heads.get(m).forward(ps, new NDList(embedding), training).head();
  }

  /** The predictor f on the concatenated embeddings (slot order): (B, classes). Concat only. */
  public NDArray fuse(ParameterStore ps, List<NDArray> embeddings, boolean training) {
    if (fusion != Fusion.CONCAT) {
      throw new IllegalStateException("a heads network has no fused predictor");
    }
    NDArray joined = NDArrays.concat(new NDList(embeddings), 1);
    return fused.forward(ps, new NDList(joined), training).head();
  }

  /**
   * One forward pass of all modalities: the logits of every head (slot order), or the fused
   * logits alone.
   */
  public List<NDArray> logits(ParameterStore ps, List<NDList> inputs, boolean training) {
    List<NDArray> embeddings = new ArrayList<>(inputs.size());
    for (int m = 0; m < inputs.size(); m++) {
      embeddings.add(embed(ps, m, inputs.get(m), training));
    }
    if (fusion == Fusion.CONCAT) {
      return List.of(fuse(ps, embeddings, training));
    }
    List<NDArray> out = new ArrayList<>(embeddings.size());
    for (int m = 0; m < embeddings.size(); m++) {
      out.add(head(ps, m, embeddings.get(m), training));
    }
    return out;
  }

  /**
   * Initialises every parameter from example input shapes.
   *
   * @param shapes one shape array per modality, as produced by the plugin's batch
   */
  public void initialize(NDManager manager, List<Shape[]> shapes) {
    initialize(manager, DataType.FLOAT32, SlotArity.flatten(shapes));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    List<Shape[]> perModality = slots.split(inputShapes);
    long batch = inputShapes[0].get(0);
    for (int m = 0; m < encoders.size(); m++) {
      Block encoder = encoders.get(m);
      encoder.initialize(manager, dataType, perModality.get(m));
      Shape out = encoder.getOutputShapes(perModality.get(m))[0];
      if (out.dimension() != 2 || out.get(1) != width) {
        throw new IllegalArgumentException(
            "embedding encoder " + m + " outputs " + out + ", expected (B, " + width + ")");
      }
      if (fusion == Fusion.HEADS) {
        heads.get(m).initialize(manager, dataType, out);
      }
    }
    if (fused != null) {
      fused.initialize(manager, dataType, new Shape(batch, (long) width * encoders.size()));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    List<NDList> perModality = slots.split(inputs);
    return new NDList(logits(ps, perModality, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    Shape[] out = new Shape[fusion == Fusion.CONCAT ? 1 : encoders.size()];
    Arrays.fill(out, new Shape(batch, classes));
    return out;
  }

}
