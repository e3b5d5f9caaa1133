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
 * declares a schedule. A phase with local supervision adds (or, alone, minimises instead) the sum
 * of the local heads' losses against the modalities' auxiliary labels, without class weights.
 * Parts with their own learning rates ({@code training.learning_rates}) train at those.
 *
 * <p>A trailing batch of a single sample is skipped: batch normalisation needs two rows.
 */
public final class SharcsTrainer {

  private final SharcsNetwork network;
  private final PreparedData data;
  private final TrainingConfig config;
  private final TaskLoss taskLoss;
  /** The local heads' loss: the reference's local supervision has no class weights. */
  private final TaskLoss localLoss = new TaskLoss(null);
  private final PairSampler pairSampler;
  private final MiniBatchLoop loop;
  private final SplittableRandom pairRng;
  private TrainingPhase current;

  /**
   * @param stepsPerBatch Adam updates per batch: 1 (clean) or 2 (the reference's double step)
   * @param seed the run's master seed; shuffling and pair sampling derive their streams from it
   * @throws io.sharcs.api.InvalidConfigException for {@code training.learning_rates} when a path
   *     names no learnable parameter of the network
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
    if (!config.learningRates().isEmpty()) {
      List<String> names = data.slots().stream().map(PreparedData.Slot::name).toList();
      Set<Parameter> learnable = Collections.newSetFromMap(new IdentityHashMap<>());
      learnable.addAll(loop.learnable());
      loop.learningRates(
          ParameterPaths.rates(
              config.learningRates(), network.namedParameters(names), learnable));
    }
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
    EpochListener.starting(progress, epoch);
    EpochReport report =
        loop.epoch(
            epoch,
            config.epochs(),
            data.train().size(),
            (rows, manager) -> data.batch(data.train(), rows, manager),
            this::step);
    progress.accept(report);
    return report;
  }

  /**
   * Applies a phase of the schedule: the shared space on or off, and which parameters the
   * optimiser updates: those of the trainable parts that the phase's loss reaches. The others are
   * frozen: they stop requiring gradients, so backward skips them. Adam's moments of parameters
   * that keep training carry over, as in the reference.
   */
  private void enter(TrainingPhase phase) {
    if (phase.equals(current)) {
      return;
    }
    if (phase.usesLocalLoss() && !network.hasLocalHeads()) {
      // The pipeline builds heads for every experiment with local supervision.
      throw new IllegalStateException("a phase with local supervision needs local heads");
    }
    current = phase;
    network.setSharedSpaceActive(phase.sharedSpace());
    Set<NetworkPart> parts = phase.trainedParts();
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

  /**
   * The loss of one batch: with the task term, the task loss plus lambda * d and the separating
   * term where they apply; with local supervision, plus (or alone) the local heads' losses.
   */
  private MiniBatchLoop.Outcome step(
      int[] rows, List<NDList> inputs, ParameterStore parameters, NDManager batch) {
    int[] labels = data.train().labels(rows);
    boolean task = current.usesTaskLoss();
    // Content keys matter only to the regulariser, which needs the shared space and the task
    // term; a phase of local supervision alone draws no pairs.
    List<Object[]> keys = task && network.usesSharedSpace() ? data.train().keys(rows) : null;
    List<CrossModalPair> pairs =
        keys != null && config.lambda() > 0 ? pairSampler.sample(keys, pairRng) : List.of();
    boolean separating = keys != null && config.separation().enabled();
    float distanceValue = 0f;
    // The whole network runs forward in every phase, so every batch norm's running statistics
    // move, as in the reference's local stage.
    SharcsNetwork.Forward f = network.forward(parameters, inputs, true);
    NDArray loss = task ? taskLoss.compute(f.logits(), labels) : null;
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
    List<MiniBatchLoop.LocalOutcome> local = List.of();
    if (current.usesLocalLoss()) {
      local = localLosses(f, rows, parameters);
      for (MiniBatchLoop.LocalOutcome l : local) {
        loss = loss == null ? l.loss() : loss.add(l.loss());
      }
    }
    return new MiniBatchLoop.Outcome(
        loss,
        Logits.countCorrect(f.logits(), labels),
        distanceValue,
        () -> culprit(f),
        local);
  }

  /**
   * Each local head's loss on the batch: BCE with logits of its output on the slot's local
   * concepts against the one-hot auxiliary labels, without class weights (method spec 3.1).
   */
  private List<MiniBatchLoop.LocalOutcome> localLosses(
      SharcsNetwork.Forward f, int[] rows, ParameterStore parameters) {
    List<MiniBatchLoop.LocalOutcome> out = new ArrayList<>();
    for (int m = 0; m < data.slots().size(); m++) {
      if (!network.hasLocalHead(m)) {
        continue;
      }
      int[] localLabels = data.train().localLabels(m, rows);
      for (int i = 0; i < rows.length; i++) {
        if (localLabels[i] == PreparedData.Split.NO_LABEL) {
          // Checked before training (Pipelines.requireTrainable); here only if bypassed.
          throw new IllegalStateException(
              "sample " + data.train().samples().get(rows[i]).id() + " has no local label for "
                  + data.slots().get(m).name());
        }
      }
      NDArray logits = network.localHeadLogits(parameters, m, f.local().get(m), true);
      out.add(
          new MiniBatchLoop.LocalOutcome(
              data.slots().get(m).name(),
              localLoss.compute(logits, localLabels),
              Logits.countCorrect(logits, localLabels)));
    }
    return out;
  }
}
