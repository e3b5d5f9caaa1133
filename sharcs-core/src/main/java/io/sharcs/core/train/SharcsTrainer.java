package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.sharcs.api.nn.Tensors;
import io.sharcs.core.config.NetworkPart;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.config.TrainingPhase;
import io.sharcs.core.config.Seeds;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.model.Logits;
import io.sharcs.core.model.SharcsNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The explicit training loop: shuffled mini-batches, loss = task loss + lambda * d (d only while
 * the shared concept space is in use; plus the optional separating term, see {@link
 * io.sharcs.core.config.SeparationConfig}), backward, Adam; phase by phase when the configuration
 * declares a schedule.
 *
 * <p>A trailing batch of a single sample is skipped: batch normalisation needs two rows.
 */
public final class SharcsTrainer {

  private final SharcsNetwork network;
  private final PreparedData data;
  private final TrainingConfig config;
  private final TaskLoss taskLoss;
  private final PairSampler pairSampler;
  private final MiniBatchLoop loop;
  private final SplittableRandom pairRng;
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
    this.taskLoss =
        new TaskLoss(
            config.classWeights()
                ? TaskLoss.classWeights(data.train().labels(), data.classes())
                : null);
    this.pairSampler = new PairSampler(config.pairProbability());
    this.loop =
        new MiniBatchLoop(
            network,
            config.learningRate(),
            stepsPerBatch,
            config.gradientClip(),
            config.batchSize(),
            new SplittableRandom(Seeds.derive(seed, "shuffle")),
            manager);
    this.pairRng = new SplittableRandom(Seeds.derive(seed, "pairs"));
  }

  /** Shuffled training rows, in batches of the configured size (a lone trailing row dropped). */
  public List<int[]> shuffledBatches() {
    return loop.shuffledBatches(data.train().size());
  }

  /**
   * Trains one epoch.
   *
   * @param epoch 1-based, for the report
   */
  public EpochReport epoch(int epoch, Consumer<EpochReport> progress) {
    enter(config.phaseOf(epoch));
    EpochReport report = loop.epoch(epoch, config.epochs(), data.train().size(), this::step);
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
    for (Parameter p : loop.learnable()) {
      boolean train = !frozen.contains(p);
      p.freeze(!train);
      if (train) {
        trainable.add(p);
      }
    }
    loop.train(trainable);
  }

  /** The first modality whose local, else shared, concepts are not finite; null if none. */
  private String culprit(SharcsNetwork.Forward f) {
    List<String> names = data.slots().stream().map(PreparedData.Slot::name).toList();
    String local = MiniBatchLoop.firstNonFinite(f.local(), names);
    return local != null ? local : MiniBatchLoop.firstNonFinite(f.shared(), names);
  }

  /** The loss of one batch: task loss, plus lambda * d and the separating term where they apply. */
  private MiniBatchLoop.Outcome step(int[] rows, ParameterStore parameters, NDManager batch) {
    List<NDList> inputs = data.batch(data.train(), rows, batch);
    int[] labels = data.train().labels(rows);
    // Content keys matter only to the regulariser, which needs the shared space.
    List<Object[]> keys = network.usesSharedSpace() ? data.train().keys(rows) : null;
    List<CrossModalPair> pairs =
        keys != null && config.lambda() > 0 ? pairSampler.sample(keys, pairRng) : List.of();
    boolean separating = keys != null && config.separation().enabled();
    float distanceValue = 0f;
    SharcsNetwork.Forward f = network.forward(parameters, inputs, true);
    NDArray loss = taskLoss.compute(f.logits(), labels);
    if (!pairs.isEmpty()) {
      NDArray d = SemanticRegulariser.distance(f.stackedShared(), rows.length, pairs);
      distanceValue = d.getFloat();
      loss = loss.add(d.mul(Tensors.scalar(batch, (float) config.lambda())));
    }
    NDArray apart =
        separating
            ? SemanticRegulariser.separation(f.stackedShared(), keys, config.separation().margin())
            : null;
    if (apart != null) {
      loss = loss.add(apart.mul(Tensors.scalar(batch, (float) config.separation().weight())));
    }
    return new MiniBatchLoop.Outcome(
        loss,
        Logits.countCorrect(f.logits(), labels),
        distanceValue,
        () -> culprit(f));
  }
}
