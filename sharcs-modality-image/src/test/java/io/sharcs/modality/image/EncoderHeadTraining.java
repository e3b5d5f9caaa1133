package io.sharcs.modality.image;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.nn.Layers;
import java.util.Arrays;
import java.util.List;

/**
 * For the diagnostic programs: an image encoder plus one linear layer on its k outputs, trained
 * with Adam on batches of 100 in file order. Not used by the product.
 */
final class EncoderHeadTraining implements AutoCloseable {

  /** The labels of rows [from, to) as the loss expects them. */
  interface Labels {
    NDArray of(NDManager manager, int from, int to);
  }

  static final int BATCH = 100;

  private final Preprocessor<ImageSample> pre;
  private final int outputs;
  private final Model model;
  private final Trainer trainer;

  /**
   * @param encoder the encoder block, giving {@code k} values per image
   * @param input the shape of one batch of {@code BATCH} images
   */
  EncoderHeadTraining(Block encoder, int k, int outputs, Preprocessor<ImageSample> pre,
      Shape input, Loss loss, float learningRate) {
    this.pre = pre;
    this.outputs = outputs;
    this.model = Model.newInstance("diagnostic");
    model.setBlock(new SequentialBlock().add(encoder).add(Layers.linear(k, outputs)));
    DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(
        Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build());
    this.trainer = model.newTrainer(config);
    trainer.initialize(input);
  }

  /** One pass over the full batches of rows [0, train). */
  void epoch(List<ImageSample> images, int train, Labels labels) {
    for (int from = 0; from + BATCH <= train; from += BATCH) {
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDArray x = pre.batch(images.subList(from, from + BATCH), batch).singletonOrThrow();
        NDArray y = labels.of(batch, from, from + BATCH);
        try (GradientCollector gc = trainer.newGradientCollector()) {
          NDList out = trainer.forward(new NDList(x));
          gc.backward(trainer.getLoss().evaluate(new NDList(y), out));
        }
        trainer.step();
      }
    }
  }

  /** The head's outputs (evaluation mode) for rows [from, to), one array per row. */
  float[][] outputs(List<ImageSample> images, int from, int to) {
    float[][] rows = new float[to - from][];
    for (int s = from; s < to; s += BATCH) {
      int e = Math.min(to, s + BATCH);
      try (NDManager batch = trainer.getManager().newSubManager()) {
        float[] flat = trainer.evaluate(new NDList(pre.batch(images.subList(s, e), batch)))
            .singletonOrThrow().toFloatArray();
        for (int i = 0; i < e - s; i++) {
          rows[s - from + i] = Arrays.copyOfRange(flat, i * outputs, (i + 1) * outputs);
        }
      }
    }
    return rows;
  }

  @Override
  public void close() {
    trainer.close();
    model.close();
  }
}
