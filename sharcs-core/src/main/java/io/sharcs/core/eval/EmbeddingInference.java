package io.sharcs.core.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.sharcs.api.nn.Tensors;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.model.EmbeddingNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation-mode passes through an {@link EmbeddingNetwork}, with results copied out to Java
 * arrays inside short-lived sub-managers so that nothing native outlives a call.
 */
public final class EmbeddingInference {

  private final EmbeddingNetwork network;
  private final PreparedData data;
  private final NDManager manager;
  private final ParameterStore parameters;

  public EmbeddingInference(EmbeddingNetwork network, PreparedData data, NDManager manager) {
    this.network = network;
    this.data = data;
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
  }

  /** The embeddings of raw inputs of {@code slot} (own inputs or counterpart renderings). */
  public float[][] embed(int slot, List<Object> raw) {
    return SlotPass.rows(
        data, slot, raw, manager, batch -> network.embed(parameters, slot, batch, false));
  }

  /** The logits of {@code slot}'s head on given embeddings of that slot. */
  public float[][] headLogits(int slot, float[][] embeddings) {
    try (NDManager sub = manager.newSubManager()) {
      NDArray logits = network.head(parameters, slot, Tensors.create(sub, embeddings), false);
      return Matrices.copyRows(logits, new float[embeddings.length][]);
    }
  }

  /** The fused predictor's logits on given embeddings of every slot (same rows in each). */
  public float[][] fusedLogits(List<float[][]> embeddingsPerSlot) {
    try (NDManager sub = manager.newSubManager()) {
      List<NDArray> slots = new ArrayList<>();
      for (float[][] e : embeddingsPerSlot) {
        slots.add(Tensors.create(sub, e));
      }
      NDArray logits = network.fuse(parameters, slots, false);
      return Matrices.copyRows(logits, new float[embeddingsPerSlot.get(0).length][]);
    }
  }
}
