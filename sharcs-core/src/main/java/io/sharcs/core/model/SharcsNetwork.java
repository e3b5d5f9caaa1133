package io.sharcs.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.sharcs.api.nn.Layers;
import io.sharcs.core.config.NetworkPart;
import java.util.ArrayList;
import java.util.List;

/**
 * The SHARCS model for N modalities (N &gt;= 2):
 *
 * <pre>
 * x_m --g_m--&gt; concept layer --&gt; c_m --h_m--&gt; \
 *                                               stack rows -&gt; one BN -&gt; sigmoid -&gt; split -&gt; s_m
 * f([s_1 | ... | s_N]) -&gt; logits
 * </pre>
 *
 * <p>g_m is the plugin's local concept encoder. Without a shared space (the multi-CBM baseline)
 * there are no projections and f reads the local concepts: s_m = c_m.
 *
 * <p>With local supervision, a modality with auxiliary labels also has a <em>local head</em>, an
 * MLP on its local concepts c_m that predicts the modality's own label (method spec 2.3, 3.1); it
 * is a training aid, not part of the prediction. A network without local heads has exactly the
 * children, parameters and parameter names it had before local heads existed, so its saved
 * parameter files are the same.
 *
 * <p>As a DJL {@link Block} its input is the concatenation of the modalities' batch lists in slot
 * order (their sizes are fixed by {@code arity}) and its output is {@code [logits, c_1..c_N,
 * s_1..s_N]}.
 */
public final class SharcsNetwork extends AbstractBlock {

  private static final byte VERSION = 1;

  private final SlotArity slots;
  private final int concepts;
  private final int classes;
  private final List<Block> encoders = new ArrayList<>();
  private final List<ConceptLayer> localConcepts = new ArrayList<>();
  private final List<Block> projections = new ArrayList<>();
  private final SharedConceptSpace shared;
  private final Block predictor;
  /** Per slot, its local head, or null where the slot has none. */
  private final List<Block> localHeads = new ArrayList<>();
  private final int[] localClasses;
  private final int localHeadHidden;
  private boolean sharedActive = true;

  /**
   * @param encoders the local concept encoders g_m, one per modality, each giving (B, k)
   * @param arity how many arrays each modality's batch list holds
   * @param concepts k
   * @param steepness a of every concept sigmoid
   * @param projectionHidden hidden width of each h_m
   * @param predictorHidden hidden width of f
   * @param classes number of classes (width of the logits)
   * @param sharedSpace true for SHARCS; false for the multi-CBM baseline
   */
  public SharcsNetwork(
      List<Block> encoders,
      int[] arity,
      int concepts,
      double steepness,
      int projectionHidden,
      int predictorHidden,
      int classes,
      boolean sharedSpace) {
    this(
        encoders, arity, concepts, steepness, projectionHidden, predictorHidden, classes,
        sharedSpace, new int[encoders.size()], 0);
  }

  /**
   * A network with local heads on the slots whose {@code localClasses} entry is positive.
   *
   * @param localClasses per slot, the number of classes of its auxiliary labels (the width of its
   *     local head's output), 0 for no head
   * @param localHeadHidden hidden width of each local head (unused without heads)
   */
  public SharcsNetwork(
      List<Block> encoders,
      int[] arity,
      int concepts,
      double steepness,
      int projectionHidden,
      int predictorHidden,
      int classes,
      boolean sharedSpace,
      int[] localClasses,
      int localHeadHidden) {
    super(VERSION);
    if (encoders.size() < 2 || encoders.size() != arity.length) {
      throw new IllegalArgumentException(
          "need >= 2 encoders and one arity each, got " + encoders.size() + " and "
              + arity.length);
    }
    this.slots = new SlotArity(arity);
    this.concepts = concepts;
    this.classes = classes;
    for (int m = 0; m < encoders.size(); m++) {
      this.encoders.add(addChildBlock("encoder" + m, encoders.get(m)));
      this.localConcepts.add(addChildBlock("concepts" + m, new ConceptLayer(steepness)));
      if (sharedSpace) {
        this.projections.add(
            addChildBlock(
                "projection" + m, Layers.mlp(concepts, List.of(projectionHidden), concepts)));
      }
    }
    this.shared = sharedSpace ? addChildBlock("shared", new SharedConceptSpace(steepness)) : null;
    this.predictor =
        addChildBlock(
            "predictor", Layers.mlp(concepts * encoders.size(), List.of(predictorHidden), classes));
    if (localClasses.length != encoders.size()) {
      throw new IllegalArgumentException(
          "need one local class count per encoder, got " + localClasses.length);
    }
    this.localClasses = localClasses.clone();
    this.localHeadHidden = localHeadHidden;
    // Added after every other child, so the other children's parameter names stay as they were.
    for (int m = 0; m < encoders.size(); m++) {
      this.localHeads.add(
          localClasses[m] > 0
              ? addChildBlock(
                  "localHead" + m,
                  Layers.mlp(concepts, List.of(localHeadHidden), localClasses[m]))
              : null);
    }
  }

  /** The local concept encoder g_m of slot {@code m}, as its plugin built it. */
  public Block localEncoder(int m) {
    return encoders.get(m);
  }

  /** The number of modalities. */
  public int modalities() {
    return encoders.size();
  }

  /** Whether the network has a shared concept space (SHARCS) or not (multi-CBM). */
  public boolean hasSharedSpace() {
    return shared != null;
  }

  /**
   * Whether concepts currently pass through the shared concept space: it exists and a training
   * schedule has not switched it off (see {@link #setSharedSpaceActive}).
   */
  public boolean usesSharedSpace() {
    return shared != null && sharedActive;
  }

  /**
   * Switches the shared concept space on or off. Off, f reads the local concepts, as in the
   * first phase of the reference's CLEVR schedule. No effect without a shared space.
   */
  public void setSharedSpaceActive(boolean active) {
    this.sharedActive = active;
  }

  /** Whether slot {@code m} has a local head. */
  public boolean hasLocalHead(int m) {
    return localHeads.get(m) != null;
  }

  /** Whether some slot has a local head. */
  public boolean hasLocalHeads() {
    return localHeads.stream().anyMatch(java.util.Objects::nonNull);
  }

  /** Per slot, the number of classes its local head predicts, 0 for none. */
  public int[] localClasses() {
    return localClasses.clone();
  }

  /** The hidden width of the local heads (meaningful only with heads). */
  public int localHeadHidden() {
    return localHeadHidden;
  }

  /**
   * Slot {@code m}'s local head on its local concepts: (B, local classes) logits.
   *
   * @throws IllegalStateException if the slot has no local head
   */
  public NDArray localHeadLogits(ParameterStore ps, int m, NDArray local, boolean training) {
    Block head = localHeads.get(m);
    if (head == null) {
      throw new IllegalStateException("slot " + m + " has no local head");
    }
    return head.forward(ps, new NDList(local), training).head();
  }

  /** The parameters of one part of the network, in a stable order. */
  public List<Parameter> parameters(NetworkPart part) {
    List<Parameter> out = new ArrayList<>();
    for (Block b : blocks(part)) {
      if (b == null) {
        continue;
      }
      for (Pair<String, Parameter> p : b.getParameters()) {
        out.add(p.getValue());
      }
    }
    return out;
  }

  /**
   * The blocks of one part: per slot for the encoders, projections and local heads (null where a
   * slot has no local head; empty for the projections without a shared space), the one
   * predictor.
   */
  private List<Block> blocks(NetworkPart part) {
    return switch (part) {
      case ENCODERS -> encoders;
      case PROJECTIONS -> projections;
      case PREDICTOR -> List.of(predictor);
      case LOCAL_HEADS -> localHeads;
    };
  }

  /**
   * Every parameter (running statistics too) with a readable path: the part's id, the modality name (not for the
   * predictor), then the names of the blocks down to the parameter, as their builders named them
   * (DJL's numeric child prefixes dropped), for example {@code encoders.graph.conv1.weight} or
   * {@code predictor.Linear.weight}. Parameters in part and block order.
   *
   * @param modalities the modality names, in slot order
   */
  public List<NamedParameter> namedParameters(List<String> modalities) {
    List<NamedParameter> out = new ArrayList<>();
    for (NetworkPart part : NetworkPart.values()) {
      List<Block> blocks = blocks(part);
      for (int i = 0; i < blocks.size(); i++) {
        if (blocks.get(i) == null) {
          continue;
        }
        List<String> prefix = new ArrayList<>();
        prefix.add(part.id());
        if (part != NetworkPart.PREDICTOR) {
          prefix.add(modalities.get(i));
        }
        NamedParameter.collect(blocks.get(i), prefix, part, out);
      }
    }
    return out;
  }

  /**
   * One forward pass of all modalities.
   *
   * @param inputs one batch list per modality, slot order, same batch size B
   * @param training batch statistics and stochastic concepts when true
   */
  public Forward forward(ParameterStore ps, List<NDList> inputs, boolean training) {
    List<NDArray> local = new ArrayList<>(inputs.size());
    for (int m = 0; m < inputs.size(); m++) {
      local.add(localConcepts(ps, m, inputs.get(m), training));
    }
    List<NDArray> sharedConcepts;
    NDArray stacked;
    if (!usesSharedSpace()) {
      sharedConcepts = local;
      stacked = NDArrays.concat(new NDList(local), 0);
    } else {
      NDList projected = new NDList(local.size());
      for (int m = 0; m < local.size(); m++) {
        projected.add(projections.get(m).forward(ps, new NDList(local.get(m)), training).head());
      }
      NDList out = shared.forward(ps, projected, training);
      sharedConcepts = out.subNDList(0, local.size());
      stacked = out.get(local.size());
    }
    NDArray logits = predict(ps, sharedConcepts, training);
    return new Forward(logits, local, sharedConcepts, stacked);
  }

  /** The local concepts c_m of modality {@code m}. */
  public NDArray localConcepts(ParameterStore ps, int m, NDList input, boolean training) {
    NDArray pre = encoders.get(m).forward(ps, input, training).singletonOrThrow();
    return localConcepts.get(m).forward(ps, new NDList(pre), training).singletonOrThrow();
  }

  /**
   * The shared concepts of modality {@code m} alone, in evaluation mode (running statistics, so
   * no other modality is needed). Without a shared space these are the local concepts.
   */
  public NDArray sharedConcepts(ParameterStore ps, int m, NDList input) {
    return sharedFromLocal(ps, m, localConcepts(ps, m, input, false));
  }

  /**
   * The shared concepts of modality {@code m} given its local concepts (for example perturbed
   * ones), in evaluation mode: h_m, the shared batch norm with its running statistics, sigmoid.
   * In evaluation mode the joint normalisation treats every row on its own, so this equals the
   * modality's slice of the joint pass. Without a shared space the local concepts are returned.
   */
  public NDArray sharedFromLocal(ParameterStore ps, int m, NDArray local) {
    if (!usesSharedSpace()) {
      return local;
    }
    NDArray projected = projections.get(m).forward(ps, new NDList(local), false).head();
    return shared.evalSingle(ps, projected);
  }

  /** The label predictor f on the shared concepts of every slot: (B, classes) logits. */
  public NDArray predict(ParameterStore ps, List<NDArray> sharedPerSlot, boolean training) {
    NDArray joined = NDArrays.concat(new NDList(sharedPerSlot), 1);
    return predictor.forward(ps, new NDList(joined), training).head();
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
    Shape conceptShape = null;
    for (int m = 0; m < encoders.size(); m++) {
      Block encoder = encoders.get(m);
      encoder.initialize(manager, dataType, perModality.get(m));
      conceptShape = encoder.getOutputShapes(perModality.get(m))[0];
      localConcepts.get(m).initialize(manager, dataType, conceptShape);
      if (shared != null) {
        projections.get(m).initialize(manager, dataType, conceptShape);
      }
    }
    if (shared != null) {
      shared.initialize(manager, dataType, conceptShape);
    }
    for (Block head : localHeads) {
      if (head != null) {
        head.initialize(manager, dataType, conceptShape);
      }
    }
    predictor.initialize(
        manager, dataType, new Shape(conceptShape.get(0), (long) concepts * encoders.size()));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    List<NDList> perModality = slots.split(inputs);
    Forward f = forward(ps, perModality, training);
    NDList out = new NDList(f.logits());
    out.addAll(new NDList(f.local()));
    out.addAll(new NDList(f.shared()));
    return out;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long batch = inputShapes[0].get(0);
    Shape[] out = new Shape[1 + 2 * encoders.size()];
    out[0] = new Shape(batch, classes);
    for (int i = 1; i < out.length; i++) {
      out[i] = new Shape(batch, concepts);
    }
    return out;
  }


  /**
   * The result of one forward pass.
   *
   * @param logits (B, classes)
   * @param local c_m per modality, (B, k) each
   * @param shared s_m per modality, (B, k) each (equal to {@code local} without a shared space)
   * @param stackedShared the s_m stacked along the batch axis, (N*B, k), modality-major
   */
  public record Forward(
      NDArray logits, List<NDArray> local, List<NDArray> shared, NDArray stackedShared) {}
}
