package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.nn.Layers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A sanity check that the spline encoder learns from positions: graphs of random points whose
 * bright nodes form a horizontal or a vertical bar. The bright nodes' count and their
 * neighbourhoods look alike in both classes; only the edges' directions (the pseudo-coordinates)
 * tell them apart.
 */
class SplineLearningTest {

  private static final int NODES = 30;
  private static final int K = 8;

  /** A bar graph: label 0 horizontal, 1 vertical. */
  private static GraphSample bar(Random random, int label) {
    float[][] pos = new float[NODES][];
    float[][] x = new float[NODES][];
    double centre = 0.3 + 0.4 * random.nextDouble();
    for (int v = 0; v < NODES; v++) {
      float px = random.nextFloat();
      float py = random.nextFloat();
      pos[v] = new float[] {px, py};
      double across = label == 0 ? py : px;
      boolean bright = Math.abs(across - centre) < 0.12;
      x[v] = new float[] {(bright ? 1f : 0f) + 0.1f * (float) random.nextGaussian()};
    }
    return new GraphSample(x, TestGraphs.knnEdges(pos, 4), pos);
  }

  @Test
  void learnsTheOrientationOfABarFromThePseudoCoordinates() {
    Random random = new Random(7);
    List<GraphSample> graphs = new ArrayList<>();
    int[] labels = new int[600];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 2;
      graphs.add(bar(random, labels[i]));
    }
    GraphEncoderConfig config = GraphEncoderConfig.spline(SplineOptions.DEFAULTS);
    GraphShape shape = GraphShape.inspect(PreprocessingData.of(graphs, "bars"), config);
    Engine.getInstance().setRandomSeed(3);
    int train = 480;
    int batch = 32;
    try (Model model = Model.newInstance("bars")) {
      model.setBlock(new SequentialBlock()
          .add(new SplineGraphEncoder(config, shape.spline(), 1, K, false))
          .add(Layers.linear(K, 2)));
      DefaultTrainingConfig training = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
      try (Trainer trainer = model.newTrainer(training)) {
        try (NDManager init = trainer.getManager().newSubManager()) {
          trainer.initialize(shape.batch(graphs.subList(0, batch), init).getShapes());
        }
        for (int epoch = 0; epoch < 12; epoch++) {
          for (int from = 0; from + batch <= train; from += batch) {
            try (NDManager step = trainer.getManager().newSubManager()) {
              NDList inputs = shape.batch(graphs.subList(from, from + batch), step);
              NDArray y = step.create(labels(labels, from, from + batch), new Shape(batch));
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(inputs);
                gc.backward(trainer.getLoss().evaluate(new NDList(y), out));
              }
              trainer.step();
            }
          }
        }
        int correct = 0;
        try (NDManager eval = trainer.getManager().newSubManager()) {
          float[] scores = trainer.evaluate(shape.batch(graphs.subList(train, 600), eval))
              .singletonOrThrow().toFloatArray();
          for (int i = 0; i < 600 - train; i++) {
            int predicted = scores[2 * i + 1] > scores[2 * i] ? 1 : 0;
            correct += predicted == labels[train + i] ? 1 : 0;
          }
        }
        assertThat(correct / (double) (600 - train)).isGreaterThanOrEqualTo(0.9);
      }
    }
  }

  private static float[] labels(int[] labels, int from, int to) {
    float[] out = new float[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = labels[i];
    }
    return out;
  }
}
