package io.sharcs.core.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.sharcs.core.data.Batches;
import io.sharcs.core.data.EncoderRole;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.data.PreparedData.Slot;
import java.util.ArrayList;
import java.util.List;

/**
 * Every modality's encoder, made by its plugin, with what a network needs to initialise them: the
 * shapes of an example batch and how many arrays each modality's batch holds.
 *
 * @param encoders one block per slot
 * @param shapes per slot, the shapes of an example batch
 * @param arity per slot, the number of arrays in its batch list
 */
public record LocalEncoders(List<Block> encoders, List<Shape[]> shapes, int[] arity) {

  /**
   * Asks each slot's plugin for its encoder, after checking on a batch of training samples that
   * the plugin's encoders output (B, {@code concepts}) ({@link EncoderShapeCheck}).
   *
   * @param concepts k, the width each encoder outputs
   * @param stochasticWhenEvaluating whether stochastic concept layers sample in evaluation too
   * @param role concept encoders (SHARCS, multi-CBM) or plain embeddings (the baselines)
   * @throws io.sharcs.api.InvalidInputException naming the plugin, the modality and both shapes
   *     when an encoder outputs another shape
   */
  public static LocalEncoders create(
      PreparedData data,
      int concepts,
      boolean stochasticWhenEvaluating,
      EncoderRole role,
      NDManager manager) {
    List<Block> encoders = new ArrayList<>();
    List<Shape[]> shapes = new ArrayList<>();
    int[] arity = new int[data.slots().size()];
    int exampleRows = Math.min(2, data.train().size());
    for (int m = 0; m < data.slots().size(); m++) {
      Slot slot = data.slots().get(m);
      encoders.add(slot.calls().createEncoder(concepts, stochasticWhenEvaluating, role));
      try (NDManager example = manager.newSubManager()) {
        NDList batch = data.batch(m, data.train(), Batches.range(exampleRows), example);
        // A plugin's wrong output shape is named here, not deep in the first training step.
        EncoderShapeCheck.check(slot, role, concepts, exampleRows, batch, example);
        shapes.add(batch.getShapes());
        arity[m] = batch.size();
      }
    }
    return new LocalEncoders(List.copyOf(encoders), List.copyOf(shapes), arity);
  }

  /**
   * Lets each slot's plugin pretrain its encoder without labels (a no-op for plugins that do
   * not), once the network holding the encoders is initialised and before supervised training.
   *
   * @param seed the run's master seed
   * @return the wall time it took, in seconds
   */
  public double pretrain(PreparedData data, NDManager manager, long seed) {
    long start = System.nanoTime();
    for (int m = 0; m < encoders.size(); m++) {
      data.pretrain(m, encoders.get(m), manager, seed);
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
