package io.sharcs.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.sharcs.api.Permutations;
import io.sharcs.api.nn.Tensors;
import io.sharcs.core.EpochReport;
import io.sharcs.core.NetworkPart;
import io.sharcs.core.TrainingConfig;
import io.sharcs.core.TrainingPhase;
import io.sharcs.core.model.Logits;
import io.sharcs.core.model.SharcsNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The explicit training loop: shuffled mini-batches, loss = task loss + lambda * d (d only while
 * the shared concept space is in use; plus the optional separating term, see {@link
 * io.sharcs.core.SeparationConfig}), backward, Adam; phase by phase when the configuration
 * declares a schedule.
 *
 * <p>A trailing batch of a single sample is skipped: batch normalisation needs two rows.
 */
public final class SharcsTrainer {

  private final SharcsNetwork network;
  private final PreparedData data;
  private final TrainingConfig config;
  private final NDManager manager;
  private final ParameterStore parameters;
  private final TaskLoss taskLoss;
  private final PairSampler pairSampler;
  private final AdamSteps optimizer;
  private final SplittableRandom shuffleRng;
  private final SplittableRandom pairRng;
  private final List<Parameter> learnable = new ArrayList<>();
  private TrainingPhase current;

  /**
   * @param stepsPerBatch Adam updates per batch: 1 (clean) or 2 (the reference's double step)
   * @param seed the run's master seed; shuffling and pair sampling derive their streams from it
   */
  public SharcsTrainer(
      SharcsNetwork network,
      PreparedData data,
      TrainingConfig config,
      int stepsPerBatch,
      long seed,
      NDManager manager) {
    this.network = network;
    this.data = data;
    this.config = config;
    this.manager = manager;
    this.parameters = new ParameterStore(manager, false);
    this.taskLoss =
        new TaskLoss(
            config.classWeights()
                ? TaskLoss.classWeights(data.train().labels(), data.classes())
                : null);
    this.pairSampler = new PairSampler(config.pairProbability());
    this.optimizer = new AdamSteps(config.learningRate(), stepsPerBatch, config.gradientClip());
    for (Pair<String, Parameter> p : network.getParameters()) {
      if (p.getValue().requiresGradient()) {
        learnable.add(p.getValue());
      }
    }
    this.shuffleRng = new SplittableRandom(Seeds.derive(seed, "shuffle"));
    this.pairRng = new SplittableRandom(Seeds.derive(seed, "pairs"));
  }

  /** Shuffled training rows, in batches of the configured size (a lone trailing row dropped). */
  public List<int[]> shuffledBatches() {
    int n = data.train().size();
    int[] rows = Permutations.shuffled(n, shuffleRng);
    List<int[]> batches = new ArrayList<>();
    for (int from = 0; from < n; from += config.batchSize()) {
      int to = Math.min(n, from + config.batchSize());
      if (to - from >= 2) {
        batches.add(Arrays.copyOfRange(rows, from, to));
      }
    }
    return batches;
  }

  /**
   * Trains one epoch.
   *
   * @param epoch 1-based, for the report
   */
  public EpochReport epoch(int epoch, Consumer<EpochReport> progress) {
    enter(config.phaseOf(epoch));
    long start = System.nanoTime();
    double lossSum = 0;
    double distanceSum = 0;
    long correct = 0;
    long seen = 0;
    List<int[]> batches = shuffledBatches();
    for (int[] rows : batches) {
      BatchOutcome b = step(rows);
      lossSum += b.loss();
      distanceSum += b.distance();
      correct += b.correct();
      seen += rows.length;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    EpochReport report =
        new EpochReport(
            epoch,
            config.epochs(),
            lossSum / batches.size(),
            correct / (double) seen,
            distanceSum / batches.size(),
            seconds);
    progress.accept(report);
    return report;
  }

  /**
   * Applies a phase of the schedule: the shared space on or off, and which parameters the
   * optimiser updates. Frozen parameters stop requiring gradients, so backward skips them;
   * Adam's moments of parameters that keep training carry over, as in the reference.
   */
  private void enter(TrainingPhase phase) {
    if (phase.equals(current)) {
      return;
    }
    current = phase;
    network.setSharedSpaceActive(phase.sharedSpace());
    Set<NetworkPart> parts = phase.trainableParts();
    Set<Parameter> frozen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (NetworkPart part : NetworkPart.values()) {
      if (!parts.contains(part)) {
        frozen.addAll(network.parameters(part));
      }
    }
    List<Parameter> trainable = new ArrayList<>();
    // Running statistics are parameters too but never learnable: they are left alone.
    for (Parameter p : learnable) {
      boolean train = !frozen.contains(p);
      p.freeze(!train);
      if (train) {
        trainable.add(p);
      }
    }
    optimizer.train(trainable);
  }

  private BatchOutcome step(int[] rows) {
    try (NDManager batch = manager.newSubManager()) {
      List<NDList> inputs = new ArrayList<>(data.slots().size());
      for (int m = 0; m < data.slots().size(); m++) {
        inputs.add(data.batch(m, data.train(), rows, batch));
      }
      int[] labels = data.train().labels(rows);
      // Content keys matter only to the regulariser, which needs the shared space.
      List<Object[]> keys = network.usesSharedSpace() ? data.train().keys(rows) : null;
      List<CrossModalPair> pairs =
          keys != null && config.lambda() > 0 ? pairSampler.sample(keys, pairRng) : List.of();
      boolean separating = keys != null && config.separation().enabled();
      float lossValue;
      float distanceValue = 0f;
      long correct;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        SharcsNetwork.Forward f = network.forward(parameters, inputs, true);
        NDArray loss = taskLoss.compute(f.logits(), labels);
        if (!pairs.isEmpty()) {
          NDArray d = SemanticRegulariser.distance(f.stackedShared(), rows.length, pairs);
          distanceValue = d.getFloat();
          loss = loss.add(d.mul(Tensors.scalar(batch, (float) config.lambda())));
        }
        NDArray apart =
            separating
                ? SemanticRegulariser.separation(
                    f.stackedShared(), keys, config.separation().margin())
                : null;
        if (apart != null) {
          loss = loss.add(apart.mul(Tensors.scalar(batch, (float) config.separation().weight())));
        }
        gc.backward(loss);
        lossValue = loss.getFloat();
        correct = Logits.countCorrect(f.logits(), labels);
      }
      optimizer.step();
      return new BatchOutcome(lossValue, distanceValue, correct);
    }
  }

  private record BatchOutcome(float loss, float distance, long correct) {}
}
