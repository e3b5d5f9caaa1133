package io.sharcs.modality.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import io.sharcs.api.nn.Layers;

/**
 * The local concept encoder of the text modality for token sequences: an embedding of the token
 * ids, a stack of GRU or LSTM layers, the top layer's state at each text's last real token, and
 * a linear map to k concept pre-activations (optionally followed by a LeakyReLU).
 *
 * <p>Input: {@code [ids (B, T), mask (B, T)]} from {@link TextBatches#sequences}. The recurrence
 * runs left to right, so a state never depends on later positions: reading it at the last real
 * token makes the output independent of how far the batch is padded.
 *
 * <p>Initialisation follows PyTorch: embedding rows from N(0, 1) ({@code nn.Embedding}), every
 * recurrent weight and bias uniform in {@code [-1/sqrt(H), 1/sqrt(H)]} ({@code nn.GRU}, {@code
 * nn.LSTM}), and the output layer as {@code nn.Linear}.
 */
public final class SequenceConceptEncoder extends AbstractBlock {

  private static final byte VERSION = 1;
  // PyTorch's nn.LeakyReLU default.
  private static final float LEAKY_SLOPE = 0.01f;

  private final int vocabularySize;
  private final int embeddingSize;
  private final int recurrentSize;
  private final int concepts;
  private final boolean leakyOutput;
  private final Parameter embedding;
  private final RecurrentBlock recurrent;
  private final Linear output;

  /**
   * @param config embedding size, cell, recurrent size, layers and output activation
   * @param vocabularySize V, the number of learned words (ids 2..V+1; 0 is padding, 1 unknown)
   * @param concepts k, the output width
   */
  public SequenceConceptEncoder(TextEncoderConfig config, int vocabularySize, int concepts) {
    super(VERSION);
    if (vocabularySize <= 0 || concepts <= 0) {
      throw new IllegalArgumentException(
          "vocabularySize and concepts must be > 0, got " + vocabularySize + ", " + concepts);
    }
    this.vocabularySize = vocabularySize;
    this.embeddingSize = config.embeddingSize();
    this.recurrentSize = config.recurrentSize();
    this.concepts = concepts;
    this.leakyOutput = TextEncoderConfig.LEAKY_RELU.equals(config.outputActivation());
    embedding = addParameter(
        Parameter.builder()
            .setName("embedding")
            .setType(Parameter.Type.WEIGHT)
            .optShape(new Shape(vocabularySize + TextBatches.FIRST_WORD_ID, embeddingSize))
            .optInitializer(new NormalInitializer(1f))
            .build());
    RecurrentBlock cell = TextEncoderConfig.LSTM.equals(config.cell())
        ? LSTM.builder()
            .setStateSize(recurrentSize).setNumLayers(config.layers()).optBatchFirst(true).build()
        : GRU.builder()
            .setStateSize(recurrentSize).setNumLayers(config.layers()).optBatchFirst(true).build();
    recurrent = addChildBlock(config.cell(), cell);
    UniformInitializer torchDefault = new UniformInitializer((float) (1 / Math.sqrt(recurrentSize)));
    recurrent.setInitializer(torchDefault, Parameter.Type.WEIGHT);
    recurrent.setInitializer(torchDefault, Parameter.Type.BIAS);
    output = addChildBlock("output", Layers.linear(recurrentSize, concepts));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException("sequence text encoder expects [ids, mask] from"
          + " TextBatches.sequences, got " + inputs.size() + " arrays");
    }
    NDArray ids = inputs.get(TextBatches.IDS).toType(DataType.INT64, false);
    NDArray mask = inputs.get(TextBatches.MASK);
    NDArray table = store.getValue(embedding, ids.getDevice(), training);
    NDArray embedded = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    NDArray states = recurrent.forward(store, new NDList(embedded), training).singletonOrThrow();
    // The mask is 1 on a prefix of each row, so mask[t] - mask[t + 1] is 1 exactly at the last
    // real token: a one-hot row that picks that state by a (B, 1, T) x (B, T, H) product.
    long steps = mask.getShape().get(1);
    NDArray last = mask;
    if (steps > 1) {
      NDArray next = mask.get(":, 1:")
          .concat(mask.getManager().zeros(new Shape(mask.getShape().get(0), 1)), 1);
      last = mask.sub(next);
    }
    NDArray summary = last.expandDims(1).matMul(states).squeeze(1);
    NDArray out = output.forward(store, new NDList(summary), training).singletonOrThrow();
    return new NDList(leakyOutput ? Activation.leakyRelu(out, LEAKY_SLOPE) : out);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[TextBatches.IDS].get(0), concepts)};
  }

  @Override
  protected void initializeChildBlocks(
      NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[TextBatches.IDS];
    recurrent.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), embeddingSize));
    output.initialize(manager, dataType, new Shape(ids.get(0), recurrentSize));
  }

  /** V, the number of learned words the embedding is built for. */
  public int vocabularySize() {
    return vocabularySize;
  }

  @Override
  public String toString() {
    return "SequenceConceptEncoder(" + (vocabularySize + TextBatches.FIRST_WORD_ID) + " ids -> "
        + embeddingSize + " -> " + recurrent.getClass().getSimpleName() + " " + recurrentSize
        + " -> " + concepts + (leakyOutput ? ", leaky" : "") + ")";
  }
}
