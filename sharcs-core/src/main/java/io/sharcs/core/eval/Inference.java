package io.sharcs.core.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.sharcs.core.model.Logits;
import io.sharcs.core.model.SharcsNetwork;
import io.sharcs.core.data.BatchAhead;
import io.sharcs.core.data.Batches;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.data.PreparedData.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.sharcs.api.nn.Tensors;

/**
 * Forward passes without gradients, with results copied out to Java arrays inside short-lived
 * sub-managers so that nothing native outlives the call.
 */
public final class Inference implements RetrievalSpace {

  private final SharcsNetwork network;
  private final PreparedData data;
  private final NDManager manager;
  private final ParameterStore parameters;

  /**
   * @param manager the model's manager; each call works in a sub-manager of it
   */
  public Inference(SharcsNetwork network, PreparedData data, NDManager manager) {
    this.network = network;
    this.data = data;
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
  }

  /** The same model's forward passes over other data with the same slots. */
  public Inference over(PreparedData other) {
    return new Inference(network, other, manager);
  }

  /** Whether the model has a shared concept space (SHARCS) or not (multi-CBM). */
  public boolean sharedSpace() {
    return network.hasSharedSpace();
  }

  /**
   * The fraction of rows of {@code split} whose argmax logit is the label.
   *
   * @param rows the rows, in the order they are batched
   * @param trainingMode true reproduces the reference: batch statistics (which also updates the
   *     running statistics) and stochastic concepts
   * @param batchSize rows per forward pass; it matters only in training mode
   */
  public double accuracy(Split split, int[] rows, boolean trainingMode, int batchSize) {
    List<int[]> batches =
        trainingMode
            ? Batches.chunksForBatchStatistics(rows, batchSize)
            : Batches.chunks(rows, data.evaluationChunk(SlotPass.CHUNK));
    long correct = 0;
    try (BatchAhead<int[]> ahead =
        new BatchAhead<>(batches, manager, (rowsOf, into) -> data.batch(split, rowsOf, into))) {
      for (int b = 0; b < batches.size(); b++) {
        try (NDManager sub = manager.newSubManager()) {
          List<NDList> inputs = ahead.take(b, sub);
          NDArray logits = network.forward(parameters, inputs, trainingMode).logits();
          correct += Logits.countCorrect(logits, split.labels(batches.get(b)));
        }
      }
    }
    return rows.length == 0 ? Double.NaN : correct / (double) rows.length;
  }

  /**
   * The task accuracy and each local head's accuracy.
   *
   * @param task the share of rows whose argmax logit is the label
   * @param localHeads per slot, its local head's share of right answers over the rows with an
   *     auxiliary label of that slot; empty for a slot without a head or without such rows
   */
  public record PassAccuracies(double task, List<java.util.OptionalDouble> localHeads) {

    public PassAccuracies {
      localHeads = List.copyOf(localHeads);
    }
  }

  /**
   * {@link #accuracy} in evaluation mode together with every local head's accuracy, from the same
   * forward passes: the local heads read the local concepts those passes compute anyway, so the
   * local heads cost a few small products, not another pass of the encoders. The task accuracy is
   * the one {@code accuracy(split, rows, false, ...)} gives; each local head's is the one {@link
   * #localHeadAccuracy} gives for the same rows.
   */
  public PassAccuracies accuracies(Split split, int[] rows) {
    List<int[]> batches = Batches.chunks(rows, data.evaluationChunk(SlotPass.CHUNK));
    int slots = data.slots().size();
    long correct = 0;
    long[] localCorrect = new long[slots];
    long[] labelled = new long[slots];
    try (BatchAhead<int[]> ahead =
        new BatchAhead<>(batches, manager, (rowsOf, into) -> data.batch(split, rowsOf, into))) {
      for (int b = 0; b < batches.size(); b++) {
        try (NDManager sub = manager.newSubManager()) {
          List<NDList> inputs = ahead.take(b, sub);
          SharcsNetwork.Forward f = network.forward(parameters, inputs, false);
          correct += Logits.countCorrect(f.logits(), split.labels(batches.get(b)));
          for (int m = 0; m < slots; m++) {
            if (network.hasLocalHead(m)) {
              int[] labels = split.localLabels(m, batches.get(b));
              // NO_LABEL (-1) never equals an argmax, so unlabelled rows count as not right.
              localCorrect[m] += Logits.countCorrect(
                  network.localHeadLogits(parameters, m, f.local().get(m), false), labels);
              labelled[m] += Arrays.stream(labels).filter(l -> l != Split.NO_LABEL).count();
            }
          }
        }
      }
    }
    List<java.util.OptionalDouble> local = new ArrayList<>(slots);
    for (int m = 0; m < slots; m++) {
      local.add(labelled[m] == 0
          ? java.util.OptionalDouble.empty()
          : java.util.OptionalDouble.of(localCorrect[m] / (double) labelled[m]));
    }
    return new PassAccuracies(rows.length == 0 ? Double.NaN : correct / (double) rows.length, local);
  }

  /**
   * The accuracy of slot {@code slot}'s local head (evaluation mode) on the rows of {@code split}
   * that have an auxiliary label of that slot: the share whose argmax is the label.
   *
   * @return empty when no row has one
   */
  public java.util.OptionalDouble localHeadAccuracy(int slot, Split split) {
    int[] all = Batches.range(split.size());
    int[] labels = split.localLabels(slot, all);
    int[] rows = Arrays.stream(all).filter(r -> labels[r] != Split.NO_LABEL).toArray();
    if (rows.length == 0) {
      return java.util.OptionalDouble.empty();
    }
    float[][] logits =
        SlotPass.rows(
            data,
            slot,
            split.inputs(slot, rows),
            manager,
            batch ->
                network.localHeadLogits(
                    parameters, slot, network.localConcepts(parameters, slot, batch, false),
                    false));
    int[] predicted = Matrices.argMax(logits);
    return java.util.OptionalDouble.of(
        Matrices.accuracy(predicted, split.localLabels(slot, rows)));
  }

  /**
   * Which local concept each part (graph node) of each raw input of {@code slot} picks, where the
   * slot's encoder tells it ({@link io.sharcs.api.PartConceptEncoder}); empty otherwise.
   */
  public java.util.Optional<int[][]> partConcepts(int slot, List<Object> raw) {
    return data.slots().get(slot).calls()
        .partConcepts(network.localEncoder(slot), parameters, raw, manager);
  }

  /** Shared concepts (eval mode) of raw inputs of {@code slot}, one row per input. */
  public float[][] sharedConcepts(int slot, List<Object> raw) {
    return concepts(slot, raw, true);
  }

  /** Retrieval searches the shared concept space: the shared concepts. */
  @Override
  public float[][] represent(int slot, List<Object> raw) {
    return sharedConcepts(slot, raw);
  }

  /** Local concepts (eval mode) of raw inputs of {@code slot}, one row per input. */
  public float[][] localConcepts(int slot, List<Object> raw) {
    return concepts(slot, raw, false);
  }

  /**
   * Local and shared concepts (eval mode) of raw inputs of {@code slot} from one pass of the
   * local encoder: the same arrays as {@link #localConcepts} and {@link #sharedConcepts} where
   * the encoder is deterministic in evaluation mode, at half the encoder passes.
   *
   * @return the local concepts, then the shared ones, one row per input
   */
  public List<float[][]> localAndSharedConcepts(int slot, List<Object> raw) {
    return SlotPass.rows(data, slot, raw, manager, 2, batch -> {
      NDArray local = network.localConcepts(parameters, slot, batch, false);
      return List.of(local, network.sharedFromLocal(parameters, slot, local));
    });
  }

  /** Shared concepts (eval mode) of {@code split}'s own inputs of {@code slot}. */
  public float[][] sharedConcepts(int slot, Split split) {
    return sharedConcepts(slot, split.inputs(slot, Batches.range(split.size())));
  }

  private float[][] concepts(int slot, List<Object> raw, boolean shared) {
    return SlotPass.rows(
        data,
        slot,
        raw,
        manager,
        batch ->
            shared
                ? network.sharedConcepts(parameters, slot, batch)
                : network.localConcepts(parameters, slot, batch, false));
  }

  /**
   * Shared concepts (eval mode) computed from given local concepts of {@code slot}, one row per
   * input row; see {@link SharcsNetwork#sharedFromLocal}.
   */
  public float[][] sharedFromLocal(int slot, float[][] local) {
    float[][] out = new float[local.length][];
    int done = 0;
    for (int from = 0; from < local.length; from += SlotPass.CHUNK) {
      float[][] part = Arrays.copyOfRange(local, from, Math.min(local.length, from + SlotPass.CHUNK));
      try (NDManager sub = manager.newSubManager()) {
        NDArray s = network.sharedFromLocal(parameters, slot, Tensors.create(sub, part));
        done = Matrices.copyRows(s, out, done);
      }
    }
    return out;
  }

  /**
   * The fraction of rows whose predicted class (from given shared concepts of every slot) is
   * their label.
   */
  public double accuracy(List<float[][]> sharedPerSlot, int[] labels) {
    int[] predicted = predict(sharedPerSlot);
    long correct = 0;
    for (int r = 0; r < predicted.length; r++) {
      if (predicted[r] == labels[r]) {
        correct++;
      }
    }
    return correct / (double) labels.length;
  }

  /**
   * The predictor's logits (evaluation mode) for given shared concepts of every slot: one row of
   * {@code classes} values per sample, in one forward pass.
   */
  public float[][] logits(List<float[][]> sharedPerSlot) {
    int n = sharedPerSlot.get(0).length;
    float[][] out = new float[n][];
    try (NDManager sub = manager.newSubManager()) {
      List<NDArray> slots = new ArrayList<>();
      for (float[][] s : sharedPerSlot) {
        slots.add(Tensors.create(sub, s));
      }
      Matrices.copyRows(network.predict(parameters, slots, false), out, 0);
    }
    return out;
  }

  /** The predictor's class (argmax) for given shared concepts of every slot. */
  @Override
  public int[] predict(List<float[][]> sharedPerSlot) {
    int n = sharedPerSlot.get(0).length;
    int[] out = new int[n];
    try (NDManager sub = manager.newSubManager()) {
      List<NDArray> slots = new ArrayList<>();
      for (float[][] s : sharedPerSlot) {
        slots.add(Tensors.create(sub, s));
      }
      NDArray logits = network.predict(parameters, slots, false);
      long[] argmax = logits.argMax(1).toLongArray();
      for (int i = 0; i < n; i++) {
        out[i] = (int) argmax[i];
      }
    }
    return out;
  }
}
